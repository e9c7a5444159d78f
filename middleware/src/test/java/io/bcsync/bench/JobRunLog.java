package io.bcsync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster job runs each instance logged (io.bcsync.scheduling.ClusterJobRuns at DEBUG: "Cluster
 * job run: job=… due=… outcome=…"): runs per job and instance, and the runs of one job due at the
 * same time on more than one instance (or twice on one), which "once per cluster" forbids.
 */
final class JobRunLog {
  static final String LOGGER_PROPERTY = "logger.levels.io.bcsync.scheduling.ClusterJobRuns";

  private static final Pattern RUN =
      Pattern.compile("Cluster job run: job=(\\S+) due=(\\S+) outcome=(\\S+)");

  /** Runs per job, one map per instance in the order given. */
  final List<Map<String, Integer>> runsPerInstance;

  /** "job due" of every due time that ran more than once across the instances. */
  final Set<String> repeatedDues;

  private JobRunLog(List<Map<String, Integer>> runsPerInstance, Set<String> repeatedDues) {
    this.runsPerInstance = runsPerInstance;
    this.repeatedDues = repeatedDues;
  }

  static JobRunLog read(List<Path> logs) throws IOException {
    Map<String, Integer> timesPerDue = new HashMap<>();
    List<Map<String, Integer>> perInstance = new java.util.ArrayList<>();
    for (Path log : logs) {
      Map<String, Integer> runs = new TreeMap<>();
      for (String line : Files.readAllLines(log)) {
        Matcher m = RUN.matcher(line);
        if (m.find()) {
          runs.merge(m.group(1), 1, Integer::sum);
          timesPerDue.merge(m.group(1) + " " + m.group(2), 1, Integer::sum);
        }
      }
      perInstance.add(runs);
    }
    Set<String> repeated = new TreeSet<>();
    timesPerDue.forEach(
        (due, times) -> {
          if (times > 1) {
            repeated.add(due);
          }
        });
    return new JobRunLog(perInstance, repeated);
  }

  /** Every job any instance ran, sorted. */
  Set<String> jobs() {
    Set<String> jobs = new TreeSet<>();
    runsPerInstance.forEach(runs -> jobs.addAll(runs.keySet()));
    return jobs;
  }

  int runs(int instance, String job) {
    return runsPerInstance.get(instance).getOrDefault(job, 0);
  }

  int total(String job) {
    return runsPerInstance.stream().mapToInt(runs -> runs.getOrDefault(job, 0)).sum();
  }
}
