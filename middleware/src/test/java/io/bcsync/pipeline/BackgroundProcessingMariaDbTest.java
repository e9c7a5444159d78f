package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** Workers and db-scheduler's cluster job on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class BackgroundProcessingMariaDbTest extends BackgroundProcessingTest {
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
