package io.bcsync.sync;

import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sync.flows.BigCommerceToSalesforceFlow;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedConnections;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the webhook-to-Salesforce tests over both simulators: the BigCommerce simulator delivers
 * webhooks to the running middleware (workers on), which reads the entities back and writes them to
 * the Salesforce simulator. Assertions are on the Salesforce simulator's records. Store {@value
 * #STORE} uses the shipped defaults (orders as Order + OrderItem); store {@value #CUSTOM_STORE}
 * maps orders to BC_Order__c through its own mapping file; store {@value #OPPORTUNITY_STORE} maps
 * them to Opportunity. Each subclass starts its own simulators and middleware; its tests run in
 * order on them. Runs on H2 unless {@link #databaseProperties()} says otherwise (the MariaDB
 * subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SyncEndToEndTestBase implements TestPropertyProvider {
  static final String STORE = "sync1";
  static final String CUSTOM_STORE = "sync2";
  static final String OPPORTUNITY_STORE = "sync3";
  static final String SECRET = "sync-webhook-secret-0123456789";
  static final Duration WAIT = Duration.ofSeconds(40);

  @Inject QueueInspector inspector;
  @Inject AppManifest manifest;
  @Inject BigCommerceToSalesforceFlow flow;
  @Inject BigCommerceClient client;
  @Inject ConnectedStores stores;
  @Inject io.bcsync.sync.customers.CustomerFiguresFlush figuresFlush;

  /**
   * The store's clock: real time plus an offset, because V2 dates have whole seconds and one test
   * needs a later one.
   */
  final AtomicLong bcOffsetMs = new AtomicLong();

  final Clock bcClock =
      new Clock() {
        @Override
        public ZoneId getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return Instant.ofEpochMilli(System.currentTimeMillis() + bcOffsetMs.get());
        }
      };

  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  SimulatedStore customStore;
  SimulatedStore opportunityStore;
  String publicUrl;
  long mug;
  long lamp;

  @Override
  public Map<String, String> getProperties() {
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .allowLocalHttpHookDestinations(true)
                .clock(bcClock)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(STORE).accessToken("tok-" + STORE).clientId("c1"));
    customStore =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(CUSTOM_STORE)
                .accessToken("tok-" + CUSTOM_STORE)
                .clientId("c2"));
    opportunityStore =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(OPPORTUNITY_STORE)
                .accessToken("tok-" + OPPORTUNITY_STORE)
                .clientId("c3"));
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    mug = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    lamp = store.createProduct("Lamp", "LAMP-1", new BigDecimal("40.00"));
    int port = FreePort.find();
    publicUrl = "http://localhost:" + port;
    Map<String, String> properties =
        SimulatedConnections.middleware(
            databaseProperties(), bc, sf, port, STORE, "tok-" + STORE, SECRET);
    for (String hash : List.of(CUSTOM_STORE, OPPORTUNITY_STORE)) {
      properties.put("bcsync.bigcommerce.stores." + hash + ".access-token", "tok-" + hash);
      properties.put("bcsync.bigcommerce.stores." + hash + ".webhook-secret", SECRET);
    }
    properties.put(
        "bcsync.bigcommerce.stores." + STORE + ".sync-mapping",
        mappingFile(storeMapping()).toString());
    properties.put(
        "bcsync.bigcommerce.stores." + CUSTOM_STORE + ".sync-mapping",
        mappingFile("orders:\n  target: BC_Order__c\nmatching:\n  lead_policy: convert_lead\n")
            .toString());
    properties.put("bcsync.bigcommerce.stores." + CUSTOM_STORE + ".write-back-order-id", "true");
    properties.put(
        "bcsync.bigcommerce.stores." + OPPORTUNITY_STORE + ".sync-mapping",
        mappingFile("orders:\n  target: Opportunity\nmatching:\n  new_customers_as: lead\n")
            .toString());
    properties.put(
        "bcsync.bigcommerce.stores." + STORE + ".b2b.email-domains", "acme.test, globex.test");
    properties.put(
        "bcsync.staging.allowed-stores", STORE + "," + CUSTOM_STORE + "," + OPPORTUNITY_STORE);
    properties.put("bcsync.scheduler.enabled", "false");
    // Guests keyed by an HMAC, as production requires (GuestKeys).
    properties.put("bcsync.sync.guest-keys.secret", "ZTJlLWd1ZXN0LWtleS1zZWNyZXQtb2YtMzItYnl0ZXMh");
    properties.put("test.recording-store-reader", "true");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  /** Store {@value #STORE}'s mapping file (the rules a subclass tests). */
  protected String storeMapping() {
    return "orders:\n  activate_on_status: [2, 9]\n";
  }

  private static Path mappingFile(String yaml) {
    try {
      Path file = Files.createTempFile("bcsync-store-mapping", ".yml");
      Files.writeString(file, yaml);
      return file;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Hooks are registered in the background at startup; activity before that would not be delivered,
   * so every test class waits for them on all three stores before its first test.
   */
  @BeforeAll
  void awaitHooksRegistered() {
    await()
        .atMost(WAIT)
        .until(
            () ->
                store.read(s -> s.hooks.size()) == manifest.hooks().size()
                    && customStore.read(s -> s.hooks.size()) == manifest.hooks().size()
                    && opportunityStore.read(s -> s.hooks.size()) == manifest.hooks().size());
  }

  /** A fault a test set (or left behind by failing) never reaches the next test. */
  @AfterEach
  void clearFaults() {
    sf.faults().clear();
    for (SimulatedStore each : List.of(store, customStore, opportunityStore)) {
      each.clearFaults();
      each.setWebhookChaos(DeliveryChaos.NONE);
    }
  }

  @AfterAll
  void stop() {
    bc.close();
    sf.close();
  }

  // --- helpers ---

  Map<String, Object> awaitOne(String type, String field, Object value) {
    return records().awaitOne(type, field, value);
  }

  void awaitDone() {
    records().awaitDone();
  }

  /**
   * Once the queue is drained, runs the flush of owed customer figures, as its cluster job would
   * within {@code flush-interval} (the scheduler is off in these tests).
   */
  void awaitDoneAndFlushFigures() {
    awaitDone();
    figuresFlush.run();
  }

  Map<String, Object> one(String type, String field, Object value) {
    return records().one(type, field, value);
  }

  List<Map<String, Object>> where(String type, String field, Object value) {
    return records().where(type, field, value);
  }

  io.bcsync.testsupport.SyncedRecords records() {
    return new io.bcsync.testsupport.SyncedRecords(sf, inspector, WAIT);
  }
}
