package io.bcsync.salesforce;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The subscriber's replay rows, lease and reconciliation queue on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class SalesforceStreamingMariaDbTest extends SalesforceStreamingTest {
  private final String database = TestDatabases.uniqueDatabaseName();

  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb(database);
  }

  @AfterAll
  void dropDatabase() {
    TestDatabases.dropMariaDb(database);
  }
}
