package io.bcsync.sim.bigcommerce.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What clients asked of a store: the last calls (with write bodies) and call counts per endpoint.
 */
public final class RequestLog {
  private static final int KEPT = 2000;
  private final Deque<Entry> entries = new ArrayDeque<>();
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  public synchronized void record(Entry entry) {
    entries.addLast(entry);
    if (entries.size() > KEPT) {
      entries.removeFirst();
    }
    counts
        .computeIfAbsent(entry.method() + " " + entry.route(), k -> new AtomicLong())
        .incrementAndGet();
  }

  public synchronized List<Entry> entries() {
    return new ArrayList<>(entries);
  }

  /** Calls per "METHOD /route/template", for benchmarks. */
  public Map<String, Long> counts() {
    Map<String, Long> copy = new java.util.TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  public synchronized void clear() {
    entries.clear();
    counts.clear();
  }

  /** One call. {@code body} is kept for writes only. */
  public record Entry(
      Instant at,
      String method,
      String path,
      String query,
      String route,
      int status,
      String clientId,
      JsonNode body) {}
}
