package io.bcsync.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The shortest drain the two simulated APIs allow for the calls this run made (issue 20): the
 * BigCommerce calls at the rate the middleware allows itself (the quota less its headroom), and the
 * Salesforce calls at the simulated latency, as many at a time as the middleware has pipeline
 * workers. The two overlap (one worker reads while another writes), so the floor is the larger of
 * the two, not their sum.
 */
record ApiFloor(
    long bcCalls, double bcPerSecond, long sfCalls, int sfLatencyMs, int sfConcurrency) {

  static ApiFloor of(
      SyncBenchmark.Settings settings, long bcCalls, Map<String, Long> sfCallsByOperation) {
    long sfCalls = sfCallsByOperation.values().stream().mapToLong(Long::longValue).sum();
    return new ApiFloor(
        bcCalls,
        settings.bigCommerceAllowedPerSecond(),
        sfCalls,
        settings.sfLatencyMs(),
        settings.salesforceConcurrency());
  }

  Duration bigCommerce() {
    return Duration.ofMillis(Math.round(bcCalls / bcPerSecond * 1000));
  }

  Duration salesforce() {
    return Duration.ofMillis(sfCalls * sfLatencyMs / sfConcurrency);
  }

  Duration floor() {
    Duration bc = bigCommerce();
    Duration sf = salesforce();
    return bc.compareTo(sf) >= 0 ? bc : sf;
  }

  /** The floor's row and the row "drain time ÷ API floor", Markdown. */
  String rows(Duration drain) {
    Duration floor = floor();
    double ratio = floor.isZero() ? 0 : drain.toMillis() / (double) floor.toMillis();
    return String.format(
            Locale.ROOT,
            "| API floor: the larger of BigCommerce %d calls ÷ %.1f/s = %s and Salesforce %d calls"
                + " (until the drain) × %d ms ÷ %d workers = %s | – | %s |%n",
            bcCalls,
            bcPerSecond,
            ResultTable.format(bigCommerce()),
            sfCalls,
            sfLatencyMs,
            sfConcurrency,
            ResultTable.format(salesforce()),
            ResultTable.format(floor))
        + String.format(Locale.ROOT, "| drain time ÷ API floor | ≤ 1.5× | %.2f× |%n", ratio);
  }
}
