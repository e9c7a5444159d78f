package io.bcsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Figures and waiting helpers of {@link ReverseBenchmark}. */
final class ReverseBenchFigures {
  private ReverseBenchFigures() {}

  static String row(String what, String goal, String result) {
    return "| " + what + " | " + goal + " | " + result + " |\n";
  }

  static String ratio(long calls, int changes) {
    return String.format("%.4f", changes == 0 ? 0.0 : (double) calls / changes);
  }

  static long percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return -1;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> delta = new HashMap<>();
    after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
    return delta;
  }

  /** Polls (every 20 ms) until the condition holds or the time is up; answers whether it held. */
  static boolean until(BooleanSupplier condition, Duration atMost) throws InterruptedException {
    Instant deadline = Instant.now().plus(atMost);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
