package io.bcsync.backfill;

import io.bcsync.testsupport.TestDatabases;
import java.util.Map;

/** {@link BackfillResumeTest} on MariaDB/MySQL (skipped when none is reachable, outside CI). */
class BackfillResumeMariaDbTest extends BackfillResumeTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
