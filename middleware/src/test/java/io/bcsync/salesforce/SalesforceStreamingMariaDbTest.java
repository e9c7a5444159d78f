package io.bcsync.salesforce;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The subscriber's replay rows, lease and reconciliation queue on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class SalesforceStreamingMariaDbTest extends SalesforceStreamingTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
