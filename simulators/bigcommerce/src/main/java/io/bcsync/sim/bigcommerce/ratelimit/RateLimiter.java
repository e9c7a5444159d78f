package io.bcsync.sim.bigcommerce.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * BigCommerce's per-store quota: N requests per fixed window (150 per 30 s on Standard/Plus plans).
 * The window starts with the first request after the previous one ended; every request consumes one
 * unit whoever sends it.
 */
public final class RateLimiter {
  private final int quota;
  private final Duration window;
  private Instant windowStart;
  private int used;

  public RateLimiter(int quota, Duration window) {
    this.quota = quota;
    this.window = window;
  }

  public synchronized Decision tryAcquire(Instant now) {
    roll(now);
    if (used >= quota) {
      return decision(now, false);
    }
    used++;
    return decision(now, true);
  }

  /**
   * The current numbers without consuming a unit, for responses that are not counted (401, 429).
   */
  public synchronized Decision peek(Instant now) {
    roll(now);
    return decision(now, used < quota);
  }

  /** Consumes the rest of the window, as a burst from another app on the same store would. */
  public synchronized void exhaust(Instant now) {
    roll(now);
    used = quota;
  }

  private void roll(Instant now) {
    if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
      windowStart = now;
      used = 0;
    }
  }

  private Decision decision(Instant now, boolean allowed) {
    long resetMs = Math.max(0, Duration.between(now, windowStart.plus(window)).toMillis());
    return new Decision(allowed, quota, Math.max(0, quota - used), resetMs, window.toMillis());
  }

  /** The outcome and the numbers the X-Rate-Limit-* headers report. */
  public record Decision(boolean allowed, int quota, int left, long resetMs, long windowMs) {}
}
