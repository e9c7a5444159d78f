package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The history retention's scan and deletes on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class WorkHistoryRetentionMariaDbTest extends WorkHistoryRetentionTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
