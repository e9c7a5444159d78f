package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/** The end-to-end order targets and lines on MariaDB/MySQL (mandatory under CI). */
@MicronautTest(transactional = false)
class SyncEndToEndOrdersMariaDbTest extends SyncEndToEndOrdersTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
