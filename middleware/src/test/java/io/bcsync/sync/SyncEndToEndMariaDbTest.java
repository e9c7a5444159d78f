package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** The webhook-to-Salesforce sync (identity map, reviews) on MariaDB/MySQL (mandatory under CI). */
@MicronautTest(transactional = false)
class SyncEndToEndMariaDbTest extends SyncEndToEndTest {
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
