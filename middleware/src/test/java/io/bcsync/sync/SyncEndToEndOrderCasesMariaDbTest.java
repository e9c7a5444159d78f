package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * {@link SyncEndToEndOrderCasesTest} on MariaDB/MySQL (mandatory under CI, skipped with the reason
 * elsewhere).
 */
@MicronautTest(transactional = false)
class SyncEndToEndOrderCasesMariaDbTest extends SyncEndToEndOrderCasesTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
