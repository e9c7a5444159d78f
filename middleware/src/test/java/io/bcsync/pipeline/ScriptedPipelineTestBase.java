package io.bcsync.pipeline;

import io.bcsync.db.Db;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.ScriptedPipeline;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The shape a dozen pipeline tests shared: the queue driven by hand ({@link ScriptedPipeline}'s
 * properties, on H2 unless a MariaDB twin overrides {@link #databaseProperties()}, plus the test's
 * own {@link #moreProperties()}), and before each test empty tables, a reset handler and the clock
 * at {@link #startMillis()}. Subclasses add {@code @MicronautTest(transactional = false)}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ScriptedPipelineTestBase implements TestPropertyProvider {
  @Inject ScriptedHandler handler;
  @Inject MutableClock clock;
  @Inject Db db;

  @Override
  public final Map<String, String> getProperties() {
    Map<String, String> properties = ScriptedPipeline.properties(databaseProperties());
    properties.putAll(moreProperties());
    return properties;
  }

  /** The test's own settings on top of the scripted pipeline's. */
  protected Map<String, String> moreProperties() {
    return Map.of();
  }

  /** H2; a MariaDB twin returns a fresh MariaDB database. */
  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  /** Where the clock stands when each test starts. */
  protected long startMillis() {
    return 1_700_000_000_000L;
  }

  @BeforeEach
  void resetPipeline() {
    Tables.clear(db);
    handler.reset();
    clock.set(startMillis());
  }
}
