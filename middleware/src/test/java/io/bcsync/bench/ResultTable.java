package io.bcsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the benchmark's results as Markdown (the setup, a table of each measure against its goal,
 * and the calls by operation and route) to the output file, and prints them.
 */
final class ResultTable {
  private final SyncBenchmark.Settings settings;

  /** What the rules did, or null for the run without rules. */
  private final String rulesReport;

  ResultTable(SyncBenchmark.Settings settings, String rulesReport) {
    this.settings = settings;
    this.rulesReport = rulesReport;
  }

  void write(
      BurstAndTrickle.BurstResult burst,
      Map<String, Long> bcCalls,
      Map<String, Long> sfCalls,
      List<Long> trickle,
      long peakRssKb,
      Duration middlewareCpu,
      Duration simulatorsCpu,
      String middlewareOutcome)
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
    ApiFloor floor = ApiFloor.of(settings, bcTotal, operationsOnly(burst.salesforceCallsAtDrain()));
    StringBuilder md = new StringBuilder();
    md.append(rulesReport == null ? "## Without rules" : "## With the default rules on")
        .append(defaultSize() ? "" : " (" + settings.orders() + " orders)")
        .append("\n\n");
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
                + "call after %d ms, middleware on embedded H2 in its own JVM (JVM options: %s); then one order"
                + " per second for %d s. Every %dth order of the burst is Declined.%n%n",
            burst.orders(),
            settings.customers(),
            burst.lines(),
            burst.lines() / (double) burst.orders(),
            settings.bcQuota(),
            settings.sfLatencyMs(),
            jvmOptions(),
            settings.trickleSeconds(),
            OrderPlacement.DECLINED_EVERY));
    if (rulesReport != null) {
      md.append(rulesReport);
    }
    md.append(
        String.format(
            Locale.ROOT,
            "Calls per order count every call until Salesforce saw no write call for %d s after the drain, so they"
                + " include the flush of the burst's owed customer figures (every 60 s by default).%n%n",
            Integer.getInteger("bench.settle-seconds", 75)));
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
    md.append(floor.rows(burst.drain()));
    md.append(
        String.format(
            Locale.ROOT,
            "| middleware peak RSS | ≤ 400 MiB | %s |%n",
            peakRssKb < 0 ? "unknown (the process had exited)" : peakRssKb / 1024 + " MiB"));
    md.append(
        String.format(
            Locale.ROOT,
            "| middleware process (no OutOfMemoryError) | – | %s |%n",
            middlewareOutcome));
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
        .append(new TreeMap<>(sfByOperation))
        .append("\n\nBigCommerce calls during the burst, by route: ")
        .append(new TreeMap<>(bcCalls))
        .append("\n");
    Files.createDirectories(settings.output().toAbsolutePath().getParent());
    // A burst of another size gets a section of its own, so it leaves the 10,000-order rows in
    // place: the 100,000-order memory check without rules writes "100k" (issue 20), with rules
    // "rules-100k".
    String section = sectionName();
    ResultSections.replace(settings.output(), section, md.toString());
    SyncBenchmark.log("wrote %s", settings.output());
    System.out.println(md);
  }

  private String sectionName() {
    String kind = rulesReport == null ? "plain" : "rules";
    if (defaultSize()) {
      return kind;
    }
    String size =
        settings.orders() % 1000 == 0
            ? settings.orders() / 1000 + "k"
            : String.valueOf(settings.orders());
    return rulesReport == null ? size : kind + "-" + size;
  }

  private boolean defaultSize() {
    return settings.orders() == 10_000;
  }

  /** The options file's options, comments left out: what the middleware's JVM ran with. */
  private String jvmOptions() throws IOException {
    String options =
        Files.readAllLines(settings.jvmOptions()).stream()
            .map(line -> line.replaceAll("#.*", "").trim())
            .filter(line -> !line.isEmpty())
            .reduce((a, b) -> a + " " + b)
            .orElse("none");
    String extra = System.getProperty("bench.mw-jvm-args", "").trim();
    return "`"
        + options
        + (extra.isEmpty() ? "" : " " + extra)
        + "` from "
        + settings.jvmOptions().getFileName();
  }

  /**
   * The per-operation counts only: the simulator also counts each call per operation and object.
   */
  private static Map<String, Long> operationsOnly(Map<String, Long> calls) {
    Map<String, Long> byOperation = new HashMap<>();
    calls.forEach(
        (k, v) -> {
          if (!k.contains(" ")) {
            byOperation.put(k, v);
          }
        });
    return byOperation;
  }

  private static String percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return "no data";
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) + " ms";
  }

  static String format(Duration d) {
    return String.format(Locale.ROOT, "%d.%01d s", d.toSeconds(), d.toMillisPart() / 100);
  }
}
