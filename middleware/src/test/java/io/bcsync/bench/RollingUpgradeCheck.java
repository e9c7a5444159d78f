package io.bcsync.bench;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.SimulatedSalesforce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rolling upgrade across V39 run for real (docs/pipeline.md, "Upgrading past V39"): an instance
 * of an older build (before one lease row per batch) runs on a MariaDB database, an instance of
 * this build starts beside it and migrates the schema while the older one keeps running, and a
 * burst of orders drains through both until its webhooks are acknowledged and half of it is in
 * Salesforce; then the older instance is stopped (SIGTERM) and the newer one drains the rest, as a
 * rolling upgrade replaces instances one by one.
 *
 * <p>Two scenarios, each on fresh simulators and a fresh database: the default lease settings, and
 * batches that outlive their lease's first expiry (short {@code lease-timeout}, slow Salesforce),
 * so the older instance's lease recovery, which knows only the items' own expiry, can take back a
 * batch the newer instance is still renewing: the hazard the docs describe.
 *
 * <p>Not a test run by surefire (it needs the older build's jar, which {@code
 * scripts/check-rolling-upgrade} builds); it writes what it saw and exits 1 when an order is
 * missing from Salesforce, a Salesforce record is duplicated, or a work item is dead-lettered or
 * left open.
 */
public final class RollingUpgradeCheck {
  private static final Pattern RECOVERED =
      Pattern.compile(
          "Recovered expired claims: (\\d+) returned to the queue, (\\d+) dead-lettered");

  /** Both builds log this when a flow fails a whole batch (it then runs again after a backoff). */
  private static final Pattern FLOW_FAILED = Pattern.compile("Flow \\S+ failed for (\\d+) items");

  /** Both builds log this when a batch's outcome is refused because its lease was taken back. */
  private static final String LATE_OUTCOME = "was no longer held by this worker";

  /** One way of running the mixed pair: its name, middleware properties and Salesforce latency. */
  record Scenario(String name, String why, Map<String, String> properties, int sfLatencyMs) {}

  /** What one scenario left behind. */
  record Outcome(
      Scenario scenario,
      int schemaBefore,
      int schemaAfter,
      BurstAndTrickle.BurstResult burst,
      Map<String, Integer> duplicates,
      Map<String, Integer> itemsByStatus,
      int itemsClaimedMoreThanOnce,
      int mostAttempts,
      Replacement replacement,
      Map<String, int[]> recoveriesByInstance) {
    List<String> failures() {
      List<String> failures = new ArrayList<>();
      if (!burst.drained()) {
        failures.add(
            burst.ordersInSalesforce() + " of " + burst.orders() + " orders reached Salesforce");
      }
      if (SalesforceDuplicates.total(duplicates) > 0) {
        failures.add("duplicate Salesforce records: " + duplicates);
      }
      int dead = itemsByStatus.getOrDefault("DEAD", 0);
      if (dead > 0) {
        failures.add(dead + " work item(s) dead-lettered");
      }
      int open =
          itemsByStatus.getOrDefault("PENDING", 0) + itemsByStatus.getOrDefault("IN_PROGRESS", 0);
      if (open > 0) {
        failures.add(open + " work item(s) still open after the drain");
      }
      if (replacement.ordersAtStop < 0) {
        failures.add("the older instance was not stopped during the drain");
      }
      if (schemaAfter <= schemaBefore) {
        failures.add("the newer instance did not migrate the schema past " + schemaBefore);
      }
      return failures;
    }
  }

  private final SyncBenchmark.Settings settings;
  private final Path oldJar;
  private final String oldVersion;
  private final String newVersion;
  private final String databaseUrlPrefix;
  private final String databaseUser;
  private final String databasePassword;

  private RollingUpgradeCheck(SyncBenchmark.Settings settings) {
    this.settings = settings;
    this.oldJar = Path.of(required("bench.old-jar"));
    this.oldVersion = required("bench.old-version");
    this.newVersion = required("bench.new-version");
    this.databaseUrlPrefix = required("bench.database-url-prefix");
    this.databaseUser = System.getProperty("bench.database-user", "root");
    this.databasePassword = System.getProperty("bench.database-password", "");
  }

  public static void main(String[] args) throws Exception {
    RollingUpgradeCheck check =
        new RollingUpgradeCheck(SyncBenchmark.Settings.fromSystemProperties());
    List<Outcome> outcomes = new ArrayList<>();
    int index = 1;
    for (Scenario scenario : scenarios()) {
      outcomes.add(check.run(scenario, index++));
    }
    check.write(outcomes);
    boolean failed = outcomes.stream().anyMatch(outcome -> !outcome.failures().isEmpty());
    SyncBenchmark.log(failed ? "rolling-upgrade check FAILED" : "rolling-upgrade check passed");
    // The simulators' non-daemon threads would otherwise keep the JVM alive.
    System.exit(failed ? 1 : 0);
  }

  static List<Scenario> scenarios() {
    return List.of(
        new Scenario(
            "defaults",
            "the shipped lease settings (lease-timeout 20 s), Salesforce answering after 100 ms",
            Map.of(),
            100),
        new Scenario(
            "batches outlive their first lease expiry",
            "lease-timeout 4 s renewed every 1 s, lease recovery every 1 s, Salesforce answering"
                + " after 1.5 s: a batch of several calls runs past its claim's first expiry, which"
                + " is all the older build's recovery reads",
            Map.of(
                "bcsync.pipeline.lease-timeout", "4s",
                "bcsync.pipeline.lease-renewal-interval", "1s",
                "bcsync.pipeline.lease-recovery-interval", "1s"),
            1500));
  }

  private Outcome run(Scenario scenario, int index) throws Exception {
    String databaseUrl = databaseUrlPrefix + index;
    SyncBenchmark.log("=== scenario '%s' on %s", scenario.name(), databaseUrl);
    try (BigCommerceSimulator bc = SyncBenchmark.startStoreSimulator(settings);
        SalesforceSimulator sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox())) {
      SimulatedStore store = SyncBenchmark.createStore(bc, settings);
      OrderPlacement placement = SyncBenchmark.seed(store, settings);
      List<OrderPlacement.PlannedOrder> planned = placement.planBurst(settings.orders());
      sf.faults().addLatency("*", Duration.ofMillis(scenario.sfLatencyMs()), -1);

      Map<String, String> properties = new HashMap<>(scenario.properties());
      properties.put("datasources.default.url", databaseUrl);
      properties.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
      properties.put("datasources.default.username", databaseUser);
      properties.put("datasources.default.password", databasePassword);
      List<MiddlewareProcess> instances = new ArrayList<>();
      try {
        // The older build first, alone: its Flyway leaves the schema at its own last version.
        String prefix = "upgrade-" + index;
        MiddlewareProcess old =
            MiddlewareProcess.start(settings, oldJar, bc, sf, properties, prefix + "-old");
        instances.add(old);
        old.awaitHealthy();
        SyncBenchmark.awaitHooks(store);
        int schemaBefore = schemaVersion(databaseUrl);
        // Then this build beside it, behind the same hook destination (as behind a load
        // balancer): it migrates the schema while the older instance runs.
        Map<String, String> newer = new HashMap<>(properties);
        newer.put("bcsync.bigcommerce.app.public-url", "http://localhost:" + old.port());
        MiddlewareProcess current =
            MiddlewareProcess.start(settings, bc, sf, newer, prefix + "-new");
        instances.add(current);
        current.awaitHealthy();
        int schemaAfter = schemaVersion(databaseUrl);
        SyncBenchmark.log(
            "schema V%d under the older build, V%d after the newer", schemaBefore, schemaAfter);

        Replacement replacement = new Replacement();
        BurstAndTrickle.BurstResult burst = drain(sf, store, placement, planned, old, replacement);
        // Late work (the owed customer figures' flush, a batch run again) would still be open.
        Thread.sleep(Integer.getInteger("bench.upgrade-settle-seconds", 75) * 1000L);
        Map<String, int[]> recoveries = new TreeMap<>();
        recoveries.put("older build", recoveries(old.log()));
        recoveries.put("this build", recoveries(current.log()));
        return new Outcome(
            scenario,
            schemaBefore,
            schemaAfter,
            burst,
            SalesforceDuplicates.count(sf),
            itemsByStatus(databaseUrl),
            count(databaseUrl, "SELECT COUNT(*) FROM work_item WHERE attempts > 1"),
            count(databaseUrl, "SELECT COALESCE(MAX(attempts), 0) FROM work_item"),
            replacement,
            recoveries);
      } finally {
        for (MiddlewareProcess instance : instances) {
          instance.stop();
        }
      }
    }
  }

  /** When the older instance was stopped, as a rolling upgrade replaces it. */
  static final class Replacement {
    /** Orders in Salesforce when it was sent SIGTERM; -1 if it never was. */
    int ordersAtStop = -1;

    /** How long it took to exit (its graceful shutdown lets running batches finish). */
    Duration shutdown = Duration.ZERO;

    /** Its exit as {@link MiddlewareProcess#outcome()} tells it. */
    String exit = "";
  }

  /**
   * Places the burst and waits until Salesforce holds every order; once every order's webhook has
   * been acknowledged and Salesforce holds half of them, the older instance is sent SIGTERM and the
   * newer one drains the rest alone: the mixed period of a rolling upgrade, then the replacement.
   * Why wait for the webhooks: the store has one hook destination, the older instance (no load
   * balancer here), so a webhook sent after its stop would wait for the simulator's redelivery or
   * the newer instance's catch-up poll, which is not what this checks.
   */
  private BurstAndTrickle.BurstResult drain(
      SalesforceSimulator sf,
      SimulatedStore store,
      OrderPlacement placement,
      List<OrderPlacement.PlannedOrder> planned,
      MiddlewareProcess old,
      Replacement replacement)
      throws InterruptedException, IOException {
    SyncBenchmark.log("burst: placing %d orders", planned.size());
    Instant start = Instant.now();
    int lines = 0;
    for (OrderPlacement.PlannedOrder order : planned) {
      lines += placement.place(order);
    }
    Instant deadline = start.plus(settings.drainTimeout());
    int seen = sf.count("Order");
    while (seen < planned.size() && Instant.now().isBefore(deadline)) {
      if (replacement.ordersAtStop < 0
          && seen >= planned.size() / 2
          && acknowledgedOrders(store) >= planned.size()) {
        replacement.ordersAtStop = seen;
        SyncBenchmark.log(
            "%d of %d orders in Salesforce: stopping the older instance", seen, planned.size());
        Instant stopping = Instant.now();
        old.stop();
        replacement.shutdown = Duration.between(stopping, Instant.now());
        replacement.exit = old.outcome();
        SyncBenchmark.log(
            "older instance stopped in %s: %s", replacement.shutdown, replacement.exit);
      }
      Thread.sleep(250);
      seen = sf.count("Order");
    }
    Duration drain = Duration.between(start, Instant.now());
    SyncBenchmark.log("burst: %d of %d orders in Salesforce after %s", seen, planned.size(), drain);
    return new BurstAndTrickle.BurstResult(
        planned.size(), lines, drain, seen >= planned.size(), seen, sf.apiCalls());
  }

  /** Orders whose store/order/created webhook the middleware acknowledged. */
  private static long acknowledgedOrders(SimulatedStore store) {
    return store.webhookAttempts().stream()
        .filter(attempt -> attempt.scope().equals("store/order/created"))
        .filter(attempt -> attempt.status() >= 200 && attempt.status() < 300)
        .count();
  }

  private Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, databaseUser, databasePassword);
  }

  private int schemaVersion(String url) throws SQLException {
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history WHERE success"
                    + " = 1")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private Map<String, Integer> itemsByStatus(String url) throws SQLException {
    Map<String, Integer> counts = new TreeMap<>();
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT status, COUNT(*) FROM work_item GROUP BY status")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getInt(2));
      }
    }
    return counts;
  }

  /**
   * One number from the database: items attempted more than once (after a lease recovery, a failed
   * attempt, or a claim deferred behind another batch's customer), or the most attempts of one.
   */
  private int count(String url, String sql) throws SQLException {
    try (Connection connection = connect(url);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * From the instance's log: items its lease recovery returned to the queue, items it
   * dead-lettered, items whose outcome it could not record because the lease was taken back, and
   * items of batches a flow failed as a whole.
   */
  private static int[] recoveries(Path log) throws IOException {
    int[] totals = new int[4];
    for (String line : Files.readAllLines(log)) {
      Matcher recovered = RECOVERED.matcher(line);
      Matcher failed = FLOW_FAILED.matcher(line);
      if (recovered.find()) {
        totals[0] += Integer.parseInt(recovered.group(1));
        totals[1] += Integer.parseInt(recovered.group(2));
      } else if (line.contains(LATE_OUTCOME)) {
        totals[2]++;
      } else if (failed.find()) {
        totals[3] += Integer.parseInt(failed.group(1));
      }
    }
    return totals;
  }

  private void write(List<Outcome> outcomes) throws IOException {
    new RollingUpgradeReport(settings, oldVersion, newVersion).write(outcomes);
  }

  private static String required(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("system property " + key + " is required");
    }
    return value;
  }
}
