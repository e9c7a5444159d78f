package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Salesforce-originated work with the workers on, on MariaDB/MySQL (mandatory under CI). */
@MicronautTest(transactional = false)
class SalesforceOriginatedWorkMariaDbTest extends SalesforceOriginatedWorkTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
