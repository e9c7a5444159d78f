package io.bcsync.backfill;

import io.bcsync.testsupport.TestDatabases;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;

/** {@link BackfillResumeTest} on MariaDB/MySQL (skipped when none is reachable, outside CI). */
class BackfillResumeMariaDbTest extends BackfillResumeTest {
  private final String databaseName = TestDatabases.uniqueDatabaseName();

  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb(databaseName);
  }

  @AfterAll
  void dropDatabase() {
    TestDatabases.dropMariaDb(databaseName);
  }
}
