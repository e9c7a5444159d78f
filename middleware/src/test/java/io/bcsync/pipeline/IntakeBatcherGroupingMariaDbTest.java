package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * What a group commits on MariaDB/MySQL, where batches are rewritten into multi-row statements by
 * the driver.
 */
@MicronautTest(transactional = false)
class IntakeBatcherGroupingMariaDbTest extends IntakeBatcherGroupingTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
