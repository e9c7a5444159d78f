package io.bcsync.sim.bigcommerce.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Per-endpoint concurrency caps (e.g. PUT /v3/customers allows 3 in flight per store). A call over
 * the cap is rejected with 429 immediately, as BigCommerce documents, rather than queued.
 */
public final class ConcurrencyLimiter {
  private final Map<String, Integer> caps;
  private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();

  public ConcurrencyLimiter(Map<String, Integer> caps) {
    this.caps = Map.copyOf(caps);
  }

  /**
   * Returns a permit to release, or null when the cap is reached. Keys without a cap always
   * succeed.
   */
  public Permit tryEnter(String key) {
    Integer cap = key == null ? null : caps.get(key);
    if (cap == null) {
      return () -> {};
    }
    Semaphore semaphore = permits.computeIfAbsent(key, k -> new Semaphore(cap));
    return semaphore.tryAcquire() ? semaphore::release : null;
  }

  /** Released when the request completes. */
  @FunctionalInterface
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }
}
