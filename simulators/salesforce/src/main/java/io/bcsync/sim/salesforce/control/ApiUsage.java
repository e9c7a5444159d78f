package io.bcsync.sim.salesforce.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts API calls by operation and object (benchmarks read these), and enforces the daily request
 * allocation reported in LimitInfoHeader.
 */
public final class ApiUsage {
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final AtomicLong usedToday = new AtomicLong();
  private final AtomicReference<Long> dailyLimit;

  public ApiUsage(long dailyLimit) {
    this.dailyLimit = new AtomicReference<>(dailyLimit);
  }

  /**
   * Records a call; sobject may be null for calls that do not target one object (login, query by
   * text...).
   */
  public void record(String operation, String sobject) {
    counts.computeIfAbsent(operation, k -> new AtomicLong()).incrementAndGet();
    if (sobject != null) {
      counts.computeIfAbsent(operation + " " + sobject, k -> new AtomicLong()).incrementAndGet();
    }
  }

  /** Counts against the daily allocation; false when the allocation is used up. */
  public boolean consumeRequest() {
    if (usedToday.get() >= dailyLimit.get()) {
      return false;
    }
    usedToday.incrementAndGet();
    return true;
  }

  public long count(String operation) {
    return counts.getOrDefault(operation, new AtomicLong()).get();
  }

  public long count(String operation, String sobject) {
    return counts.getOrDefault(operation + " " + sobject, new AtomicLong()).get();
  }

  /** "operation" and "operation Object" keys, sorted. */
  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  public long usedToday() {
    return usedToday.get();
  }

  public long dailyLimit() {
    return dailyLimit.get();
  }

  public void setDailyLimit(long limit) {
    dailyLimit.set(limit);
  }

  public void reset() {
    counts.clear();
    usedToday.set(0);
  }
}
