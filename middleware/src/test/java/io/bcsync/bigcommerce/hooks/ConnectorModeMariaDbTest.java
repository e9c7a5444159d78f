package io.bcsync.bigcommerce.hooks;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;

/**
 * Hook repair and the catch-up poll (cursors, read versions) on MariaDB/MySQL (mandatory under CI).
 */
@MicronautTest(transactional = false)
class ConnectorModeMariaDbTest extends ConnectorModeTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
