package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** End-to-end redelivery, retries and failures on MariaDB/MySQL (mandatory under CI). */
@MicronautTest(transactional = false)
class SyncEndToEndResilienceMariaDbTest extends SyncEndToEndResilienceTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
