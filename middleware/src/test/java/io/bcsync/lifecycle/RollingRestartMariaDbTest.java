package io.bcsync.lifecycle;

import io.bcsync.testsupport.TestDatabases;
import java.util.Map;

/** {@link RollingRestartTestBase} on one MariaDB database, as in production. */
class RollingRestartMariaDbTest extends RollingRestartTestBase {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }
}
