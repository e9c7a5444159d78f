package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * Group-commit failures and close on MariaDB/MySQL, where batches are rewritten into multi-row
 * statements by the driver.
 */
@MicronautTest(transactional = false)
class IntakeBatcherFailuresAndCloseMariaDbTest extends IntakeBatcherFailuresAndCloseTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
