package io.bcsync.sync.identity;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The identity map on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class IdentityMapMariaDbTest extends IdentityMapTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
