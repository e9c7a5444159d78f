package io.bcsync.pipeline;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** Workers and db-scheduler's cluster job on MariaDB/MySQL. */
@MicronautTest(transactional = false)
class BackgroundProcessingMariaDbTest extends BackgroundProcessingTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
