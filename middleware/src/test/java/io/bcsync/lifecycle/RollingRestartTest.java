package io.bcsync.lifecycle;

import io.bcsync.testsupport.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@link RollingRestartTestBase} on an H2 file database: both instances of this JVM open the same
 * file, as two processes would through H2's server mode.
 */
class RollingRestartTest extends RollingRestartTestBase {
  @Override
  protected Map<String, String> databaseProperties() {
    try {
      Path directory = Files.createTempDirectory("bcsync-rolling-restart");
      directory.toFile().deleteOnExit();
      return TestDatabases.h2File(directory, "DB_CLOSE_DELAY=-1");
    } catch (java.io.IOException e) {
      throw new IllegalStateException("no temporary directory for the H2 database", e);
    }
  }
}
