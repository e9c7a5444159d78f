package io.bcsync.backfill;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Backfills and the history retention on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class BackfillHistoryRetentionMariaDbTest extends BackfillHistoryRetentionTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
