package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** Group commit on MariaDB/MySQL, where batches are rewritten into multi-row statements by the driver. */
@MicronautTest(transactional = false)
class IntakeBatcherMariaDbTest extends IntakeBatcherTest {
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
