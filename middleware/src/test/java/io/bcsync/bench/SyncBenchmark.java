package io.bcsync.bench;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.data.RecordChange;
import io.bcsync.testsupport.SimulatedSalesforce;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The sync benchmark of issue 7 (run by {@code scripts/bench-sync}): both simulators in this JVM,
 * the middleware as its own process (so its peak RSS is its own), a burst of orders and then a
 * trickle, measured from the outside: API calls counted by the simulators, drain time and latency
 * from the Salesforce simulator's commit log.
 *
 * <p>Not a test (no assertions, not run by surefire): it reports what it measures, met or not.
 */
public final class SyncBenchmark {
  private static final String STORE = "benchstore";
  private static final String TOKEN = "bench-store-token";
  private static final String SECRET = "bench-webhook-secret-0123456789";
  private static final String ADMIN = "bench-admin-token-0123456789";

  private final Settings settings;
  private final Random random = new Random(42);

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
      Duration drainTimeout) {
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
          Duration.ofMinutes(Integer.getInteger("bench.drain-timeout-minutes", 20)));
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
    try (BigCommerceSimulator bc =
            BigCommerceSimulator.start(
                BigCommerceSimulator.Options.defaults()
                    .rateLimit(settings.bcQuota(), Duration.ofSeconds(30)));
        SalesforceSimulator sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox())) {
      SimulatedStore store =
          bc.createStore(
              BigCommerceSimulator.StoreSpec.named(STORE)
                  .accessToken(TOKEN)
                  .clientId("bench")
                  .rateLimitQuota(settings.bcQuota()));
      log("seeding %d customers and %d products", settings.customers(), settings.products());
      List<Long> customers = new ArrayList<>();
      for (int i = 0; i < settings.customers(); i++) {
        customers.add(
            store.createCustomer("shopper" + i + "@bench.example", "Shopper", "Number" + i));
      }
      List<Long> products = new ArrayList<>();
      for (int i = 0; i < settings.products(); i++) {
        products.add(
            store.createProduct(
                "Product " + i, "BENCH-" + i, new BigDecimal("10.00").add(BigDecimal.valueOf(i))));
      }
      // Salesforce answers every call after this much delay, as the benchmark prescribes.
      sf.faults().addLatency("*", Duration.ofMillis(settings.sfLatencyMs()), -1);

      int port = freePort();
      Process middleware = startMiddleware(bc, sf, port);
      try {
        awaitHealthy(port, middleware);
        awaitHooks(store);
        sf.resetApiCalls();
        Map<String, Long> bcBefore = store.callCounts();

        Result burst = burst(store, sf, customers, products, middleware);
        Map<String, Long> bcAfterBurst = store.callCounts();
        Map<String, Long> sfAfterBurst = sf.apiCalls();
        List<Long> trickle = trickle(store, sf, customers, products);
        long peakRssKb = peakRssKb(middleware);
        Duration middlewareCpu =
            middleware.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
        Duration simulatorsCpu =
            ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
        write(
            burst,
            callsBetween(bcBefore, bcAfterBurst),
            sfAfterBurst,
            trickle,
            peakRssKb,
            middlewareCpu,
            simulatorsCpu);
      } finally {
        middleware.destroy();
        if (!middleware.waitFor(30, TimeUnit.SECONDS)) {
          middleware.destroyForcibly();
        }
      }
    }
  }

  record Result(int orders, int lines, Duration drain, boolean drained, int ordersInSalesforce) {}

  private Result burst(
      SimulatedStore store,
      SalesforceSimulator sf,
      List<Long> customers,
      List<Long> products,
      Process middleware)
      throws InterruptedException {
    log("burst: placing %d orders", settings.orders());
    int lines = 0;
    Instant start = Instant.now();
    for (int i = 0; i < settings.orders(); i++) {
      lines += placeOrder(store, customers, products);
    }
    log("burst placed in %s; waiting for Salesforce", Duration.between(start, Instant.now()));
    Instant deadline = start.plus(settings.drainTimeout());
    int seen = 0;
    while (Instant.now().isBefore(deadline) && middleware.isAlive()) {
      seen = sf.count("Order");
      if (seen >= settings.orders()) {
        break;
      }
      Thread.sleep(500);
    }
    Instant last = lastCommit(sf, "Order").orElse(Instant.now());
    boolean drained = seen >= settings.orders();
    log(
        "burst: %d of %d orders in Salesforce after %s",
        seen, settings.orders(), Duration.between(start, last));
    return new Result(settings.orders(), lines, Duration.between(start, last), drained, seen);
  }

  private List<Long> trickle(
      SimulatedStore store, SalesforceSimulator sf, List<Long> customers, List<Long> products)
      throws InterruptedException {
    log("trickle: one order per second for %d s", settings.trickleSeconds());
    Map<String, Instant> placedAt = new HashMap<>();
    for (int i = 0; i < settings.trickleSeconds(); i++) {
      Instant now = Instant.now();
      long orderId = placeOrderReturningId(store, customers, products);
      placedAt.put(STORE + ":" + orderId, now);
      Thread.sleep(1000);
    }
    Thread.sleep(5000); // the last ones' writes
    List<Long> latencies = new ArrayList<>();
    for (RecordChange change : sf.changes()) {
      if (change.entity().equals("Order")
          && change.changeType() == RecordChange.ChangeType.CREATE) {
        Object key = change.values().get("BC_Order_Id__c");
        Instant placed = key == null ? null : placedAt.get(key.toString());
        if (placed != null) {
          latencies.add(Duration.between(placed, change.commitTimestamp()).toMillis());
        }
      }
    }
    latencies.sort(Long::compare);
    log("trickle: %d of %d orders arrived", latencies.size(), placedAt.size());
    return latencies;
  }

  private int placeOrder(SimulatedStore store, List<Long> customers, List<Long> products) {
    int count = 1 + random.nextInt(5); // 1..5 lines, 3 on average
    long[] chosen = new long[count];
    for (int i = 0; i < count; i++) {
      chosen[i] = products.get(random.nextInt(products.size()));
    }
    store.placeOrder(customers.get(random.nextInt(customers.size())), distinct(chosen));
    return distinct(chosen).length;
  }

  private long placeOrderReturningId(
      SimulatedStore store, List<Long> customers, List<Long> products) {
    long[] chosen = {
      products.get(random.nextInt(products.size())), products.get(random.nextInt(products.size()))
    };
    return store.placeOrder(customers.get(random.nextInt(customers.size())), distinct(chosen));
  }

  private static long[] distinct(long[] ids) {
    return java.util.Arrays.stream(ids).distinct().toArray();
  }

  private static java.util.Optional<Instant> lastCommit(SalesforceSimulator sf, String entity) {
    return sf.changes().stream()
        .filter(c -> c.entity().equals(entity))
        .map(RecordChange::commitTimestamp)
        .max(Instant::compareTo);
  }

  private Process startMiddleware(BigCommerceSimulator bc, SalesforceSimulator sf, int port)
      throws IOException {
    Map<String, String> properties = new HashMap<>(SimulatedSalesforce.passwordLogin(sf));
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put(
        "datasources.default.url",
        "jdbc:h2:file:"
            + settings.workDir().resolve("bcsync").toAbsolutePath()
            + ";LOCK_TIMEOUT=10000");
    properties.put("bcsync.admin-token", ADMIN);
    properties.put("bcsync.staging.allowed-stores", STORE);
    properties.put("bcsync.bigcommerce.api-url", bc.baseUrl());
    properties.put("bcsync.bigcommerce.login-url", bc.loginBaseUrl());
    properties.put("bcsync.bigcommerce.stores." + STORE + ".access-token", TOKEN);
    properties.put("bcsync.bigcommerce.stores." + STORE + ".webhook-secret", SECRET);
    properties.put("bcsync.bigcommerce.app.public-url", "http://localhost:" + port);
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("bench.mw."))
        .forEach(k -> properties.put(k.substring("bench.mw.".length()), System.getProperty(k)));
    List<String> command = new ArrayList<>(List.of("java", "-Xmx1g"));
    properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
    command.addAll(List.of("-jar", settings.middlewareJar().toString()));
    Path log = settings.workDir().resolve("middleware.log");
    log("middleware log: %s", log);
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private static void awaitHealthy(int port, Process middleware) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    for (int i = 0; i < 120 && middleware.isAlive(); i++) {
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(1000);
    }
    throw new IllegalStateException("middleware did not become healthy; see its log");
  }

  private static void awaitHooks(SimulatedStore store) throws InterruptedException {
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

  private static long peakRssKb(Process process) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  private void write(
      Result burst,
      Map<String, Long> bcCalls,
      Map<String, Long> sfCalls,
      List<Long> trickle,
      long peakRssKb,
      Duration middlewareCpu,
      Duration simulatorsCpu)
      throws IOException {
    long bcTotal = bcCalls.values().stream().mapToLong(Long::longValue).sum();
    // apiCalls() counts each call under "operation" and again under "operation Object": sum the
    // former only.
    Map<String, Long> sfByOperation = new HashMap<>();
    sfCalls.forEach(
        (k, v) -> {
          if (!k.contains(" ")) {
            sfByOperation.put(k, v);
          }
        });
    long sfTotal = sfByOperation.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder md = new StringBuilder();
    md.append("# Sync benchmark\n\n");
    md.append("Measured by `scripts/bench-sync` on ")
        .append(Instant.now())
        .append(" (")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores; load average before the run: ")
        .append(System.getProperty("bench.loadavg", "?"))
        .append(").\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Setup: %d orders from %d customers (%d lines, %.2f per order) placed at "
                + "once in the BigCommerce simulator (quota %d requests/30 s), Salesforce simulator answering every "
                + "call after %d ms, middleware on embedded H2 in its own JVM (-Xmx1g); then one order per second "
                + "for %d s.%n%n",
            burst.orders(),
            settings.customers(),
            burst.lines(),
            burst.lines() / (double) burst.orders(),
            settings.bcQuota(),
            settings.sfLatencyMs(),
            settings.trickleSeconds()));
    md.append("| measure | goal | measured |\n|---|---|---|\n");
    md.append(
        String.format(
            Locale.ROOT,
            "| Salesforce API calls per order (burst) | ≤ 0.03 | %.4f (%d calls) |%n",
            sfTotal / (double) burst.orders(),
            sfTotal));
    md.append(
        String.format(
            Locale.ROOT,
            "| BigCommerce API calls per order (burst) | ≤ 0.05 | %.4f (%d calls) |%n",
            bcTotal / (double) burst.orders(),
            bcTotal));
    md.append(
        String.format(
            Locale.ROOT,
            "| time to drain the burst | < 3 min | %s%s |%n",
            format(burst.drain()),
            burst.drained()
                ? ""
                : " — NOT drained: "
                    + burst.ordersInSalesforce()
                    + " of "
                    + burst.orders()
                    + " orders arrived before the timeout"));
    md.append(
        String.format(Locale.ROOT, "| middleware peak RSS | – | %d MiB |%n", peakRssKb / 1024));
    md.append(
        String.format(
            Locale.ROOT,
            "| webhook → Salesforce latency, trickle p50 | < 500 ms | %s |%n",
            percentile(trickle, 50)));
    md.append(
        String.format(
            Locale.ROOT,
            "| webhook → Salesforce latency, trickle p99 | – | %s |%n",
            percentile(trickle, 99)));
    md.append(
        String.format(
            Locale.ROOT,
            "%nTrickle: %d of %d orders reached Salesforce.%n%n",
            trickle.size(),
            settings.trickleSeconds()));
    md.append(
        String.format(
            Locale.ROOT,
            "CPU time over the whole run (same 2 cores): middleware %d s, the two "
                + "simulators and this driver %d s. Middleware settings: %s.%n%n",
            middlewareCpu.toSeconds(),
            simulatorsCpu.toSeconds(),
            System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("bench.mw."))
                .sorted()
                .map(k -> k.substring("bench.mw.".length()) + "=" + System.getProperty(k))
                .reduce((a, b) -> a + ", " + b)
                .orElse("defaults")));
    md.append("Salesforce calls during the burst, by operation: ")
        .append(new java.util.TreeMap<>(sfByOperation))
        .append("\n\nBigCommerce calls during the burst, by route: ")
        .append(new java.util.TreeMap<>(bcCalls))
        .append("\n");
    Files.createDirectories(settings.output().toAbsolutePath().getParent());
    Files.writeString(settings.output(), md.toString());
    log("wrote %s", settings.output());
    System.out.println(md);
  }

  private static String percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return "no data";
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) + " ms";
  }

  private static String format(Duration d) {
    return String.format(Locale.ROOT, "%d.%01d s", d.toSeconds(), d.toMillisPart() / 100);
  }

  private static int freePort() throws IOException {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(
        Locale.ROOT,
        "[bench-sync %tT] %s%n",
        Instant.now().toEpochMilli(),
        String.format(Locale.ROOT, format, args));
  }
}
