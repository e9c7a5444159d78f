package io.bcsync.salesforce.auth;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The stored web-server flow state on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class StoredAuthMariaDbTest extends StoredAuthTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
