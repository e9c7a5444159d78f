package io.bcsync.bench;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.SimulatedSalesforce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 20's several-instances benchmark ({@code scripts/bench-sync --instances N}): the same burst
 * drained by one middleware instance and then by N instances, each run on its own fresh MariaDB
 * database and fresh simulators whose limits are raised (a BigCommerce quota of {@code
 * bench.bc-quota}, set high by the script), so the APIs leave room for a speed-up. It measures the
 * drain of each, the CPU every process used during it (middleware instances, MariaDB, this driver
 * with both simulators), Salesforce records duplicated by external id, and which instance ran each
 * cluster job when. {@link InstancesReport} writes the section "instances" of the results file.
 *
 * <p>BigCommerce sends every webhook to the first instance's address (the hooks' one destination,
 * as behind a load balancer that happens to pick one instance); the others share the work through
 * the database queue, which is what this benchmark measures.
 */
public final class InstancesBenchmark {
  /** One run's measurements. */
  record Run(
      int instances,
      BurstAndTrickle.BurstResult burst,
      List<Duration> middlewareCpu,
      Duration databaseCpu,
      Duration driverCpu,
      Duration hostBusy,
      Duration hostCapacity,
      List<Long> peakRssKb,
      Map<String, Integer> duplicates,
      JobRunLog jobs,
      long bcCalls,
      long sfCalls) {
    Duration totalCpu() {
      return middlewareCpu.stream()
          .reduce(Duration.ZERO, Duration::plus)
          .plus(databaseCpu)
          .plus(driverCpu);
    }
  }

  private final SyncBenchmark.Settings settings;
  private final String databaseUrlPrefix;
  private final ProcessCpu database;

  private InstancesBenchmark(SyncBenchmark.Settings settings) {
    this.settings = settings;
    this.databaseUrlPrefix = System.getProperty("bench.database-url-prefix");
    if (databaseUrlPrefix == null || databaseUrlPrefix.isBlank()) {
      throw new IllegalArgumentException("system property bench.database-url-prefix is required");
    }
    this.database = new ProcessCpu(Long.getLong("bench.database-pid", -1));
  }

  public static void main(String[] args) throws Exception {
    SyncBenchmark.Settings settings = SyncBenchmark.Settings.fromSystemProperties();
    int instances = Integer.getInteger("bench.instances", 2);
    InstancesBenchmark benchmark = new InstancesBenchmark(settings);
    Run one = benchmark.run(1);
    Run several = benchmark.run(instances);
    new InstancesReport(settings).write(one, several);
    System.exit(0); // the simulators' non-daemon threads would otherwise keep the JVM alive
  }

  private Run run(int instances) throws Exception {
    SyncBenchmark.log("=== %d instance(s) on %s%d", instances, databaseUrlPrefix, instances);
    try (BigCommerceSimulator bc = SyncBenchmark.startStoreSimulator(settings);
        SalesforceSimulator sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox())) {
      SimulatedStore store = SyncBenchmark.createStore(bc, settings);
      OrderPlacement placement = SyncBenchmark.seed(store, settings);
      List<OrderPlacement.PlannedOrder> planned = placement.planBurst(settings.orders());
      sf.faults().addLatency("*", Duration.ofMillis(settings.sfLatencyMs()), -1);

      List<MiddlewareProcess> middlewares = new ArrayList<>();
      try {
        for (int i = 0; i < instances; i++) {
          Map<String, String> properties = new HashMap<>();
          properties.put("datasources.default.url", databaseUrlPrefix + instances);
          properties.put("datasources.default.driver-class-name", "com.mysql.cj.jdbc.Driver");
          properties.put(
              "datasources.default.username", System.getProperty("bench.database-user", "root"));
          properties.put(
              "datasources.default.password", System.getProperty("bench.database-password", ""));
          properties.put(JobRunLog.LOGGER_PROPERTY, "DEBUG");
          if (i > 0) {
            // One hook destination for the store, as behind a load balancer.
            properties.put(
                "bcsync.bigcommerce.app.public-url",
                "http://localhost:" + middlewares.get(0).port());
          }
          MiddlewareProcess middleware =
              MiddlewareProcess.start(
                  settings, bc, sf, properties, "middleware-" + instances + "-" + (char) ('a' + i));
          middlewares.add(middleware);
          // One at a time: the first runs Flyway's migrations.
          middleware.awaitHealthy();
        }
        SyncBenchmark.awaitHooks(store);
        sf.resetApiCalls();
        Map<String, Long> bcBefore = store.callCounts();
        List<Duration> cpuBefore = middlewares.stream().map(MiddlewareProcess::cpuTime).toList();
        Duration databaseBefore = database.cpuTime();
        Duration driverBefore = driverCpu();
        HostCpu hostBefore = HostCpu.read();

        BurstAndTrickle.BurstResult burst =
            new BurstAndTrickle(settings, sf, placement).burst(middlewares.get(0), planned);

        List<Duration> cpu = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          cpu.add(middlewares.get(i).cpuTime().minus(cpuBefore.get(i)));
        }
        Duration databaseCpu = database.cpuTime().minus(databaseBefore);
        Duration driverCpu = driverCpu().minus(driverBefore);
        HostCpu host = HostCpu.read().minus(hostBefore);
        long bcCalls =
            store.callCounts().entrySet().stream()
                .mapToLong(e -> e.getValue() - bcBefore.getOrDefault(e.getKey(), 0L))
                .sum();
        long sfCalls =
            burst.salesforceCallsAtDrain().entrySet().stream()
                .filter(e -> !e.getKey().contains(" "))
                .mapToLong(Map.Entry::getValue)
                .sum();
        // Late writes (the figures flush, a retried batch) would show up as duplicates too, and the
        // cluster jobs keep running: wait before counting both.
        Thread.sleep(Integer.getInteger("bench.instances-settle-seconds", 30) * 1000L);
        Map<String, Integer> duplicates = SalesforceDuplicates.count(sf);
        List<Long> rss = new ArrayList<>();
        for (MiddlewareProcess middleware : middlewares) {
          rss.add(middleware.peakRssKb());
        }
        return new Run(
            instances,
            burst,
            cpu,
            databaseCpu,
            driverCpu,
            host.busy(),
            host.busy().plus(host.idle()),
            rss,
            duplicates,
            JobRunLog.read(middlewares.stream().map(MiddlewareProcess::log).toList()),
            bcCalls,
            sfCalls);
      } finally {
        for (MiddlewareProcess middleware : middlewares) {
          middleware.stop();
        }
      }
    }
  }

  private static Duration driverCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /**
   * The whole host's CPU time from /proc/stat (all cores, all processes, ours and others'): busy
   * and idle (idle and I/O wait).
   */
  record HostCpu(Duration busy, Duration idle) {
    static HostCpu read() throws IOException {
      Path stat = Path.of("/proc/stat");
      if (!Files.isReadable(stat)) {
        return new HostCpu(Duration.ZERO, Duration.ZERO);
      }
      String[] fields = Files.readAllLines(stat).get(0).trim().split("\\s+");
      long hz = Long.getLong("bench.clock-ticks", 100);
      long total = 0;
      // cpu user nice system idle iowait irq softirq steal (guest time is inside user already)
      for (int i = 1; i <= Math.min(8, fields.length - 1); i++) {
        total += Long.parseLong(fields[i]);
      }
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      return new HostCpu(
          Duration.ofMillis((total - idle) * 1000 / hz), Duration.ofMillis(idle * 1000 / hz));
    }

    HostCpu minus(HostCpu before) {
      return new HostCpu(busy.minus(before.busy), idle.minus(before.idle));
    }
  }

  /** CPU time of another user's process (the database server) from /proc; zero if unknown. */
  record ProcessCpu(long pid) {
    Duration cpuTime() throws IOException {
      Path stat = Path.of("/proc/" + pid + "/stat");
      if (pid <= 0 || !Files.isReadable(stat)) {
        return Duration.ZERO;
      }
      String text = Files.readString(stat);
      // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime
      // 15.
      String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      long hz = Long.getLong("bench.clock-ticks", 100);
      return Duration.ofMillis(ticks * 1000 / hz);
    }

    boolean known() {
      return pid > 0 && Files.isReadable(Path.of("/proc/" + pid + "/stat"));
    }
  }
}
