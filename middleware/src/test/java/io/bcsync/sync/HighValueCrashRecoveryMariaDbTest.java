package io.bcsync.sync;

import io.bcsync.testsupport.TestDatabases;
import java.nio.file.Path;
import java.util.Map;

/** {@link HighValueCrashRecoveryTest} on MariaDB/MySQL (mandatory under CI). */
class HighValueCrashRecoveryMariaDbTest extends HighValueCrashRecoveryTest {
  @Override
  protected Map<String, String> databaseProperties(Path workDir) {
    return TestDatabases.freshMariaDb();
  }
}
