package io.bcsync.sim.bigcommerce;

import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * Starts one simulator per contract test class, provided BigCommerce's published specs are found
 * (see {@link SpecsLocation}): without them every test is skipped with the reason, or fails in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContractTestBase {
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-06-01T10:00:00Z"));
  Path specs;
  BigCommerceSimulator sim;

  @BeforeAll
  void startSimulator() {
    try {
      specs = SpecsLocation.bigcommerceSpecs();
    } catch (TestAbortedException e) {
      return; // each test reports the skip itself, so it shows up as skipped with its reason
    }
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(clock)
                .rateLimit(100_000, Duration.ofSeconds(30))
                .allowLocalHttpHookDestinations(true));
  }

  @BeforeEach
  void requireSpecs() {
    SpecsLocation.bigcommerceSpecs();
  }

  @AfterAll
  void stopSimulator() {
    if (sim != null) {
      sim.close();
    }
  }
}
