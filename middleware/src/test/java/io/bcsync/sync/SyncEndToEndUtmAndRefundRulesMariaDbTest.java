package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * {@link SyncEndToEndUtmAndRefundRulesTest} on MariaDB/MySQL (mandatory under CI, skipped with the
 * reason elsewhere).
 */
@MicronautTest(transactional = false)
class SyncEndToEndUtmAndRefundRulesMariaDbTest extends SyncEndToEndUtmAndRefundRulesTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
