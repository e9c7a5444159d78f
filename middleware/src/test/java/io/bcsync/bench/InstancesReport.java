package io.bcsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the several-instances benchmark's section ("instances") of the results file: drain times
 * and their ratio, the CPU every process used during each drain and what it implies on this host's
 * cores, duplicates in Salesforce, and the cluster jobs' runs per instance.
 */
final class InstancesReport {
  private final SyncBenchmark.Settings settings;

  InstancesReport(SyncBenchmark.Settings settings) {
    this.settings = settings;
  }

  void write(InstancesBenchmark.Run one, InstancesBenchmark.Run several) throws IOException {
    int cores = Runtime.getRuntime().availableProcessors();
    int n = several.instances();
    double speedUp = seconds(one.burst().drain()) / seconds(several.burst().drain());
    StringBuilder md = new StringBuilder();
    md.append("## Several instances (1 against ").append(n).append(")\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Measured by `scripts/bench-sync --instances %d` on %s (%d cores; load average before the run: %s)."
                + "%n%n",
            n,
            Instant.now(),
            cores,
            System.getProperty("bench.loadavg", "?")));
    md.append(
        String.format(
            Locale.ROOT,
            "Setup: %d orders from %d customers placed at once, drained first by one middleware instance and"
                + " then by %d, each run on a fresh MariaDB database and fresh simulators. Limits raised for these"
                + " runs: BigCommerce quota %d requests/30 s (the single-instance benchmark: 450); Salesforce"
                + " answers every call after %d ms as before, one call in flight per pipeline worker (%d per"
                + " instance), so %d instances may have %d calls in flight. BigCommerce sends every webhook to"
                + " the first instance (one hook destination, as behind a load balancer); the instances share"
                + " the work through the database queue. JVM options: scripts/lib/jvm-options. No trickle."
                + " MariaDB's CPU is its whole server process's: on a shared server, other clients' queries"
                + " count too.%n%n",
            settings.orders(),
            settings.customers(),
            n,
            settings.bcQuota(),
            settings.sfLatencyMs(),
            settings.salesforceConcurrency(),
            n,
            settings.salesforceConcurrency() * n));
    md.append("| measure | goal | 1 instance | ")
        .append(n)
        .append(" instances |\n|---|---|---|---|\n");
    md.append(row("time to drain the burst", "–", drain(one), drain(several)));
    md.append(
        row(
            "speed-up: 1-instance drain ÷ " + n + "-instance drain",
            "≥ 1.6×",
            "–",
            String.format(Locale.ROOT, "%.2f×", speedUp)));
    md.append(
        row(
            "Salesforce records sharing an external id with another (duplicates)",
            "0",
            String.valueOf(SalesforceDuplicates.total(one.duplicates())),
            String.valueOf(SalesforceDuplicates.total(several.duplicates()))));
    md.append(
        row(
            "Orders in Salesforce / placed",
            "all",
            one.burst().ordersInSalesforce() + " / " + one.burst().orders(),
            several.burst().ordersInSalesforce() + " / " + several.burst().orders()));
    md.append(
        row(
            "API calls of the burst: BigCommerce / Salesforce (until drained)",
            "–",
            one.bcCalls() + " / " + one.sfCalls(),
            several.bcCalls() + " / " + several.sfCalls()));
    md.append(row("middleware CPU during the drain, per instance", "–", cpus(one), cpus(several)));
    md.append(
        row(
            "MariaDB CPU during the drain",
            "–",
            cpu(one.databaseCpu()),
            cpu(several.databaseCpu())));
    md.append(
        row(
            "simulators + driver CPU during the drain",
            "–",
            cpu(one.driverCpu()),
            cpu(several.driverCpu())));
    md.append(
        row(
            "all CPU during the drain ÷ " + cores + " cores (shortest drain this CPU allows)",
            "–",
            cpuFloor(one, cores),
            cpuFloor(several, cores)));
    md.append(
        row(
            "whole host during the drain: CPU busy (all processes, ours and others') ÷ capacity",
            "–",
            hostShare(one),
            hostShare(several)));
    md.append(row("middleware peak RSS, per instance", "≤ 400 MiB", rss(one), rss(several)));
    md.append("\n");
    md.append(arithmetic(one, several, cores, speedUp));
    md.append(JobRunsTable.markdown(one, several));
    md.append("\nDuplicates by external-id field (")
        .append(n)
        .append(" instances): ")
        .append(several.duplicates())
        .append("\n");
    Files.createDirectories(settings.output().toAbsolutePath().getParent());
    ResultSections.replace(settings.output(), "instances", md.toString());
    SyncBenchmark.log("wrote %s", settings.output());
    System.out.println(md);
  }

  private static String arithmetic(
      InstancesBenchmark.Run one, InstancesBenchmark.Run several, int cores, double speedUp) {
    double drainOne = seconds(one.burst().drain());
    double cpuOne = seconds(one.totalCpu());
    double cpuSeveral = seconds(several.totalCpu());
    double cpuFloorSeveral = cpuSeveral / cores;
    double bestSpeedUp = drainOne / Math.max(cpuFloorSeveral, 0.001);
    double others = Math.max(othersShare(one), othersShare(several));
    String verdict;
    if (others > 0.2) {
      verdict =
          String.format(
              Locale.ROOT,
              "Other processes on this host used up to %.0f %% of its CPU during these drains (the row"
                  + " \"whole host\" less this benchmark's processes), so the drains measure the host's"
                  + " load as much as bcsync, and neither the speed-up nor its bound can be read from this"
                  + " run: repeat it on a quiet host.",
              others * 100);
    } else if (speedUp >= 1.6) {
      verdict = "The goal of 1.6× is met in this run.";
    } else if (bestSpeedUp < 1.6) {
      verdict =
          "The goal of 1.6× cannot be reached on this host: the CPU the instances need for the burst"
              + " does not fit on its cores fast enough. It needs the instances on cores (or hosts) of"
              + " their own, as in a real deployment; on this host the run shows the duplicates and the"
              + " once-per-cluster jobs, not the speed-up.";
    } else {
      verdict =
          "The CPU would have allowed 1.6×, so what held the drain back was not the cores alone (the"
              + " APIs, the database, or work one instance could not share): see the calls and the"
              + " instances' CPU split above.";
    }
    return String.format(
        Locale.ROOT,
        "Arithmetic: with 1 instance the drain used %.1f s of CPU (all processes) in %.1f s on %d cores,"
            + " %.0f %% of the host; MariaDB's part: %s. Processes on the same cores cannot drain faster than"
            + " their CPU allows: with %d instances the burst used %.1f s of CPU, so on %d cores it could not"
            + " drain in less than %.1f s ÷ %d = %.1f s, and the speed-up could be at most %.1f s ÷ %.1f s ="
            + " %.2f× (measured: %.2f×). %s%n%n",
        cpuOne,
        drainOne,
        cores,
        cpuOne / (cores * drainOne) * 100,
        one.databaseCpu().isZero()
            ? "not measured (no readable mariadbd process on this host)"
            : cpu(one.databaseCpu()),
        several.instances(),
        cpuSeveral,
        cores,
        cpuSeveral,
        cores,
        cpuFloorSeveral,
        drainOne,
        cpuFloorSeveral,
        bestSpeedUp,
        speedUp,
        verdict);
  }

  private static String hostShare(InstancesBenchmark.Run run) {
    if (run.hostCapacity().isZero()) {
      return "not measured";
    }
    return String.format(
        Locale.ROOT,
        "%.1f s ÷ %.1f s = %.0f %%",
        seconds(run.hostBusy()),
        seconds(run.hostCapacity()),
        100 * seconds(run.hostBusy()) / seconds(run.hostCapacity()));
  }

  /**
   * The share of the host's CPU that processes other than this benchmark's used during the drain.
   */
  private static double othersShare(InstancesBenchmark.Run run) {
    if (run.hostCapacity().isZero()) {
      return 0;
    }
    double others = seconds(run.hostBusy()) - seconds(run.totalCpu());
    return Math.max(0, others) / seconds(run.hostCapacity());
  }

  private static String row(String measure, String goal, String one, String several) {
    return "| " + measure + " | " + goal + " | " + one + " | " + several + " |\n";
  }

  private static String drain(InstancesBenchmark.Run run) {
    return ResultTable.format(run.burst().drain())
        + (run.burst().drained() ? "" : " — NOT drained before the timeout");
  }

  private static String cpus(InstancesBenchmark.Run run) {
    return run.middlewareCpu().stream()
        .map(InstancesReport::cpu)
        .collect(Collectors.joining(" + "));
  }

  private static String rss(InstancesBenchmark.Run run) {
    return run.peakRssKb().stream().map(kb -> kb / 1024 + " MiB").collect(Collectors.joining(", "));
  }

  private static String cpuFloor(InstancesBenchmark.Run run, int cores) {
    return String.format(
        Locale.ROOT,
        "%.1f s ÷ %d = %.1f s",
        seconds(run.totalCpu()),
        cores,
        seconds(run.totalCpu()) / cores);
  }

  static String cpu(Duration d) {
    return String.format(Locale.ROOT, "%.1f s", seconds(d));
  }

  private static double seconds(Duration d) {
    return d.toMillis() / 1000.0;
  }

  /** The cluster jobs' runs per instance, as a Markdown table. */
  static final class JobRunsTable {
    private JobRunsTable() {}

    static String markdown(InstancesBenchmark.Run one, InstancesBenchmark.Run several) {
      int n = several.instances();
      StringBuilder md = new StringBuilder();
      md.append(
          "Cluster jobs (db-scheduler, one row per job in `scheduled_tasks`): runs logged by each instance"
              + " from its start to its stop (`bcsync_cluster_job_runs_total`, the log line of"
              + " `ClusterJobRuns`). Once per cluster means every due time ran on exactly one instance.\n\n");
      md.append("| job | runs, 1 instance |");
      for (int i = 0; i < n; i++) {
        md.append(" runs on instance ").append((char) ('a' + i)).append(" |");
      }
      md.append(" runs, all ").append(n).append(" |\n|---|---|");
      md.append("---|".repeat(n + 1)).append("\n");
      java.util.Set<String> jobs = new java.util.TreeSet<>(one.jobs().jobs());
      jobs.addAll(several.jobs().jobs());
      for (String job : jobs) {
        md.append("| ").append(job).append(" | ").append(one.jobs().total(job)).append(" |");
        for (int i = 0; i < n; i++) {
          md.append(" ").append(several.jobs().runs(i, job)).append(" |");
        }
        md.append(" ").append(several.jobs().total(job)).append(" |\n");
      }
      List<String> repeated = List.copyOf(several.jobs().repeatedDues);
      md.append(
          String.format(
              Locale.ROOT,
              "%nDue times that ran more than once across the %d instances: %d%s (with 1 instance: %d).%n",
              n,
              repeated.size(),
              repeated.isEmpty() ? "" : " " + repeated,
              one.jobs().repeatedDues.size()));
      return md.toString();
    }
  }
}
