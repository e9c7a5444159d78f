package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import java.nio.file.Path;
import java.util.Map;

/** The killed-and-restarted middleware on MariaDB/MySQL (mandatory under CI). */
class CrashRecoveryMariaDbTest extends CrashRecoveryTest {
  @Override
  protected Map<String, String> databaseProperties(Path workDir) {
    return TestDatabases.freshMariaDb();
  }
}
