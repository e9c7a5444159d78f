package io.bcsync.sim.bigcommerce.webhooks;

import java.time.Duration;
import java.util.List;

/**
 * BigCommerce's documented retry delays after a failed delivery: 11 retries over about 48 hours,
 * after which the hook is deactivated. A time scale below 1 compresses the schedule for tests and
 * demos.
 */
public final class RetrySchedule {
  static final List<Duration> BIGCOMMERCE =
      List.of(60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400).stream()
          .map(Duration::ofSeconds)
          .toList();

  private final double timeScale;

  public RetrySchedule(double timeScale) {
    this.timeScale = timeScale;
  }

  public int maxRetries() {
    return BIGCOMMERCE.size();
  }

  /** Delay before retry number {@code retry} (1-based). */
  public Duration delayBefore(int retry) {
    long millis = Math.round(BIGCOMMERCE.get(retry - 1).toMillis() * timeScale);
    return Duration.ofMillis(Math.max(1, millis));
  }
}
