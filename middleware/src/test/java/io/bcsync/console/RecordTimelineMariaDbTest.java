package io.bcsync.console;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The record timeline's reads (joins, indexes, LIMITs) on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class RecordTimelineMariaDbTest extends RecordTimelineTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
