package io.bcsync.console;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedConnections;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * What the console's browser tests share: both simulators, one store selling a mug, the port the
 * middleware will listen on, and the middleware settings that connect it to them. Each test adds
 * its own settings to {@link #middlewareProperties} (the app page, attempts, retries).
 */
final class ConsoleTestRig implements AutoCloseable {
  final BigCommerceSimulator bc;
  final SalesforceSimulator sf;
  final SimulatedStore store;
  final String storeHash;
  final int port;
  final String baseUrl;
  final long mug;

  ConsoleTestRig(String storeHash, BigCommerceSimulator.StoreSpec spec) {
    this.storeHash = storeHash;
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .allowLocalHttpHookDestinations(true)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store = bc.createStore(spec);
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    mug = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    port = FreePort.find();
    baseUrl = "http://localhost:" + port;
  }

  /**
   * H2, the simulated org, the store in connector mode with its webhook secret, hooks registered at
   * start towards this middleware ({@code app.public-url}), no scheduler (the tests drive the
   * jobs), and a fast pipeline.
   */
  Map<String, String> middlewareProperties(String webhookSecret, String guestKeySecret) {
    Map<String, String> properties =
        SimulatedConnections.middleware(
            TestDatabases.h2(), bc, sf, port, storeHash, "tok-" + storeHash, webhookSecret);
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.sync.guest-keys.secret", guestKeySecret);
    properties.put("bcsync.pipeline.backoff-max", "500ms");
    return properties;
  }

  @Override
  public void close() {
    bc.close();
    sf.close();
  }
}
