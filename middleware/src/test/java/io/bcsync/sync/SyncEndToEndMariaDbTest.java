package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The webhook-to-Salesforce sync (identity map, reviews) on MariaDB/MySQL (mandatory under CI). */
@MicronautTest(transactional = false)
class SyncEndToEndMariaDbTest extends SyncEndToEndTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
