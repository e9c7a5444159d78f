package io.bcsync.bigcommerce.client;

import io.bcsync.pipeline.RetryableFailureException;
import java.time.Clock;
import java.time.Duration;

/**
 * One store's share of its API quota. BigCommerce counts every call of every app on a store against
 * one quota per window, so this budget never lets bcsync push the remaining quota below a reserve
 * left for the other apps, and after a 429 it pauses all of bcsync's calls to that store until the
 * window resets.
 *
 * <p>Waiting happens in {@link Waiter#await}, which blocks on this object's monitor (woken when a
 * call finishes or the pause ends) - threads never spin. Tests substitute a waiter that moves a
 * fake clock instead.
 */
public final class RateBudget {
  /**
   * Extra wait after a reported reset, so a call never arrives a hair before the window rolls over.
   */
  static final long RESET_MARGIN_MS = 50;

  private final String storeHash;
  private final double headroom;
  private final Duration overloadBackoff;
  private final Duration overloadBackoffMax;
  private final Duration maxWait;
  private final Clock clock;
  private final Waiter waiter;

  // Guarded by this.
  private int quota = -1;
  private int left;
  private long windowMs;
  private long resetAtMs;
  private int inFlight;
  private long pausedUntilMs;
  private int overloadStreak;

  public RateBudget(
      String storeHash,
      double headroom,
      Duration overloadBackoff,
      Duration overloadBackoffMax,
      Duration maxWait,
      Clock clock,
      Waiter waiter) {
    this.storeHash = storeHash;
    this.headroom = headroom;
    this.overloadBackoff = overloadBackoff;
    this.overloadBackoffMax = overloadBackoffMax;
    this.maxWait = maxWait;
    this.clock = clock;
    this.waiter = waiter;
  }

  /** How a caller waits; production blocks on the monitor, tests advance a fake clock. */
  @FunctionalInterface
  public interface Waiter {
    /** Called holding {@code monitor}'s lock; may return early (the budget re-checks). */
    void await(Object monitor, long millis) throws InterruptedException;

    Waiter BLOCKING = (monitor, millis) -> monitor.wait(Math.max(1, millis));
  }

  /**
   * Blocks until one call may be sent, then counts it as in flight. Pair with {@link #completed}.
   */
  public synchronized void acquire() throws InterruptedException {
    long start = clock.millis();
    while (true) {
      long now = clock.millis();
      long wait = waitNeeded(now);
      if (wait == 0) {
        inFlight++;
        if (quota >= 0) {
          left--;
        }
        return;
      }
      if (now - start + wait > maxWait.toMillis()) {
        throw new RetryableFailureException(
            "BigCommerce quota of store "
                + storeHash
                + " not available within "
                + maxWait.toSeconds()
                + " s; the call is left for a later attempt");
      }
      waiter.await(this, wait);
    }
  }

  /**
   * 0 when a call may go now; otherwise how long to wait (or the longest sensible wait before
   * re-checking).
   */
  private long waitNeeded(long now) {
    if (now < pausedUntilMs) {
      return pausedUntilMs - now;
    }
    if (quota < 0) {
      // Nothing known yet: send one call to learn the numbers from its headers, hold the rest until
      // it answers.
      return inFlight == 0 ? 0 : 1000;
    }
    if (now >= resetAtMs) {
      // The window we knew about is over; assume a fresh one until the next response says
      // otherwise.
      left = quota;
      resetAtMs = now + windowMs;
    }
    if (left > reserve()) {
      return 0;
    }
    return Math.max(1, resetAtMs - now + RESET_MARGIN_MS);
  }

  /** Requests this budget always leaves to the store's other apps. */
  int reserve() {
    return (int) Math.ceil(quota * headroom);
  }

  /** Records the X-Rate-Limit-* numbers of a response (any status) and frees the in-flight slot. */
  public synchronized void completed(RateLimitHeaders headers) {
    inFlight = Math.max(0, inFlight - 1);
    if (headers.complete()) {
      long now = clock.millis();
      long reportedResetAt = now + headers.resetMs();
      boolean newWindow = quota < 0 || reportedResetAt > resetAtMs + headers.windowMs() / 2;
      quota = headers.quota();
      windowMs = headers.windowMs();
      if (newWindow) {
        left = Math.max(0, headers.left() - inFlight);
      } else {
        // Responses of concurrent calls arrive in any order: the lowest count seen in a window is
        // the truth.
        left = Math.min(left, headers.left());
      }
      resetAtMs = reportedResetAt;
      overloadStreak = 0;
    }
    notifyAll();
  }

  /**
   * A 429: pause every call to this store, and free the in-flight slot. Returns the pause chosen.
   */
  public synchronized Duration rateLimited(RateLimitHeaders headers) {
    inFlight = Math.max(0, inFlight - 1);
    long now = clock.millis();
    long pauseMs;
    if (headers.resetMs() >= 0 || headers.retryAfterSeconds() >= 0) {
      // Documented rule: wait X-Rate-Limit-Time-Reset-Ms, or X-Retry-After when that is longer.
      pauseMs = Math.max(headers.resetMs(), headers.retryAfterSeconds() * 1000) + RESET_MARGIN_MS;
      overloadStreak = 0;
      if (headers.complete()) {
        quota = headers.quota();
        windowMs = headers.windowMs();
      }
      left = 0;
      resetAtMs = now + pauseMs;
    } else {
      // A 429 without rate-limit headers means the platform itself is overloaded: back off harder,
      // and more
      // each time it happens again.
      long base = overloadBackoff.toMillis() << Math.min(overloadStreak, 20);
      pauseMs = Math.min(overloadBackoffMax.toMillis(), base);
      overloadStreak++;
    }
    pausedUntilMs = Math.max(pausedUntilMs, now + pauseMs);
    notifyAll();
    return Duration.ofMillis(pauseMs);
  }

  /** Frees the in-flight slot of a call that got no response at all. */
  public synchronized void failed() {
    inFlight = Math.max(0, inFlight - 1);
    notifyAll();
  }

  public synchronized Snapshot snapshot() {
    return new Snapshot(quota, quota < 0 ? -1 : left, quota < 0 ? -1 : reserve(), inFlight);
  }

  /** Current numbers for metrics: -1 while unknown. */
  public record Snapshot(int quota, int left, int reserve, int inFlight) {}
}
