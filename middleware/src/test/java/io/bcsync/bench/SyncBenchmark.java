package io.bcsync.bench;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.SimulatedSalesforce;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sync benchmark of issue 7 (run by {@code scripts/bench-sync}): both simulators in this JVM,
 * the middleware as its own process (so its peak RSS is its own), a burst of orders and then a
 * trickle, measured from the outside: API calls counted by the simulators, drain time and latency
 * from the Salesforce simulator's commit log.
 *
 * <p>Not a test (no assertions, not run by surefire): it reports what it measures, met or not.
 * {@link MiddlewareProcess} runs the middleware, {@link OrderPlacement} chooses the orders, {@link
 * BurstAndTrickle} measures the two phases and {@link ResultTable} writes the results.
 */
public final class SyncBenchmark {
  static final String STORE = "benchstore";
  static final String TOKEN = "bench-store-token";
  static final String SECRET = "bench-webhook-secret-0123456789";
  static final String ADMIN = "bench-admin-token-0123456789";

  private final Settings settings;

  record Settings(
      int orders,
      int customers,
      int products,
      int trickleSeconds,
      int bcQuota,
      int sfLatencyMs,
      Path middlewareJar,
      Path workDir,
      Path output,
      Duration drainTimeout,
      boolean rules,
      Path jvmOptions) {
    static Settings fromSystemProperties() {
      return new Settings(
          Integer.getInteger("bench.orders", 10_000),
          Integer.getInteger("bench.customers", 2_000),
          Integer.getInteger("bench.products", 200),
          Integer.getInteger("bench.trickle-seconds", 60),
          Integer.getInteger("bench.bc-quota", 450),
          Integer.getInteger("bench.sf-latency-ms", 100),
          Path.of(required("bench.middleware-jar")),
          Path.of(required("bench.work-dir")),
          Path.of(required("bench.output")),
          Duration.ofMinutes(Integer.getInteger("bench.drain-timeout-minutes", 20)),
          Boolean.getBoolean("bench.rules"),
          Path.of(required("bench.jvm-options")));
    }

    /**
     * Salesforce calls the middleware may have in flight at once: one per pipeline worker (each
     * batch writes its calls one after another).
     */
    int salesforceConcurrency() {
      return Integer.parseInt(System.getProperty("bench.mw.bcsync.pipeline.workers", "2"));
    }

    /** BigCommerce calls per second the middleware allows itself: the quota less its headroom. */
    double bigCommerceAllowedPerSecond() {
      double headroom =
          Double.parseDouble(
              System.getProperty("bench.mw.bcsync.bigcommerce.client.quota-headroom", "0.2"));
      return bcQuota * (1 - headroom) / 30.0;
    }

    private static String required(String key) {
      String value = System.getProperty(key);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("system property " + key + " is required");
      }
      return value;
    }
  }

  private SyncBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    new SyncBenchmark(Settings.fromSystemProperties()).run();
    System.exit(0); // the simulators' non-daemon threads would otherwise keep the JVM alive
  }

  private void run() throws Exception {
    Files.createDirectories(settings.workDir());
    try (BigCommerceSimulator bc = startStoreSimulator(settings);
        SalesforceSimulator sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox())) {
      SimulatedStore store = createStore(bc, settings);
      OrderPlacement placement = seed(store, settings);
      List<OrderPlacement.PlannedOrder> planned = placement.planBurst(settings.orders());
      OrderRules rules = settings.rules() ? OrderRules.forBurst(planned, settings) : null;
      // Salesforce answers every call after this much delay, as the benchmark prescribes.
      sf.faults().addLatency("*", Duration.ofMillis(settings.sfLatencyMs()), -1);

      MiddlewareProcess middleware =
          MiddlewareProcess.start(
              settings, bc, sf, rules == null ? Map.of() : rules.middlewareProperties());
      try {
        middleware.awaitHealthy();
        awaitHooks(store);
        sf.resetApiCalls();
        Map<String, Long> bcBefore = store.callCounts();
        BurstAndTrickle phases = new BurstAndTrickle(settings, sf, placement);

        BurstAndTrickle.BurstResult burst = phases.burst(middleware, planned);
        Map<String, Long> bcAfterBurst = store.callCounts();
        // Customer figures owed by the burst's batches are written by a cluster job every
        // flush-interval (default 60 s), after the orders: the burst's calls include that flush.
        Map<String, Long> sfAfterBurst = settled(sf);
        List<Long> trickle = phases.trickle();
        long peakRssKb = middleware.peakRssKb();
        String outcome = middleware.outcome();
        Duration middlewareCpu = middleware.cpuTime();
        Duration simulatorsCpu =
            ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        new ResultTable(settings, rules == null ? null : rules.report(sf))
            .write(
                burst,
                callsBetween(bcBefore, bcAfterBurst),
                sfAfterBurst,
                trickle,
                peakRssKb,
                middlewareCpu,
                simulatorsCpu,
                outcome);
      } finally {
        middleware.stop();
      }
    }
  }

  /** The BigCommerce simulator with the benchmark's quota, sending webhooks to local http. */
  static BigCommerceSimulator startStoreSimulator(Settings settings) {
    return BigCommerceSimulator.start(
        BigCommerceSimulator.Options.defaults()
            .rateLimit(settings.bcQuota(), Duration.ofSeconds(30))
            .allowLocalHttpHookDestinations(true));
  }

  /** The benchmark's store, whose token and webhook secret the middleware is given. */
  static SimulatedStore createStore(BigCommerceSimulator bc, Settings settings) {
    return bc.createStore(
        BigCommerceSimulator.StoreSpec.named(STORE)
            .accessToken(TOKEN)
            .clientId("bench")
            .rateLimitQuota(settings.bcQuota()));
  }

  /** Seeds the store's customers and products; the placement chooses the orders among them. */
  static OrderPlacement seed(SimulatedStore store, Settings settings) {
    log("seeding %d customers and %d products", settings.customers(), settings.products());
    List<Long> customers = new ArrayList<>();
    for (int i = 0; i < settings.customers(); i++) {
      customers.add(
          store.createCustomer("shopper" + i + "@bench.example", "Shopper", "Number" + i));
    }
    List<Long> products = new ArrayList<>();
    Map<Long, BigDecimal> prices = new HashMap<>();
    for (int i = 0; i < settings.products(); i++) {
      BigDecimal price = new BigDecimal("10.00").add(BigDecimal.valueOf(i));
      long id = store.createProduct("Product " + i, "BENCH-" + i, price);
      products.add(id);
      prices.put(id, price);
    }
    return new OrderPlacement(store, customers, products, prices);
  }

  /**
   * Salesforce's call counts once no call came for {@code bench.settle-seconds} (default 75: the
   * figures flush interval, 60 s, plus its job polling), at most 5 minutes.
   */
  private static Map<String, Long> settled(SalesforceSimulator sf) throws InterruptedException {
    long quietMs = Integer.getInteger("bench.settle-seconds", 75) * 1000L;
    long deadline = System.currentTimeMillis() + Duration.ofMinutes(5).toMillis();
    Map<String, Long> last = sf.apiCalls();
    long since = System.currentTimeMillis();
    while (System.currentTimeMillis() - since < quietMs && System.currentTimeMillis() < deadline) {
      Thread.sleep(1000);
      Map<String, Long> now = sf.apiCalls();
      // Writes only: a read the middleware might make on a timer would otherwise never settle.
      if (!writes(now).equals(writes(last))) {
        since = System.currentTimeMillis();
      }
      last = now;
    }
    log("Salesforce calls settled: %s", last);
    return last;
  }

  private static Map<String, Long> writes(Map<String, Long> calls) {
    Map<String, Long> writes = new java.util.TreeMap<>();
    calls.forEach(
        (k, v) -> {
          if (List.of("create", "update", "upsert", "delete").contains(k)) {
            writes.put(k, v);
          }
        });
    return writes;
  }

  static void awaitHooks(SimulatedStore store) throws InterruptedException {
    for (int i = 0; i < 60; i++) {
      if (store.read(s -> s.hooks.size()) > 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the middleware registered no hooks on the store");
  }

  private static Map<String, Long> callsBetween(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new HashMap<>();
    after.forEach(
        (k, v) -> {
          long d = v - before.getOrDefault(k, 0L);
          if (d > 0) {
            delta.put(k, d);
          }
        });
    return delta;
  }

  static void log(String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "[bench-sync %tT] %s%n",
        Instant.now().toEpochMilli(),
        String.format(Locale.ROOT, format, args));
  }
}
