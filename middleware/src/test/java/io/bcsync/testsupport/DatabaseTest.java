package io.bcsync.testsupport;

import io.micronaut.test.support.TestPropertyProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * A test of the service's own tables with nothing external: the test store's settings, workers and
 * cluster jobs off, on H2. Its MariaDB subclass overrides {@link #databaseProperties()} with {@link
 * TestDatabases#freshMariaDb()} to run every case on MariaDB/MySQL.
 */
public abstract class DatabaseTest implements TestPropertyProvider {
  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }
}
