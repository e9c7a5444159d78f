package io.bcsync.bigcommerce.stores;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small cache whose entries live for a fixed time and whose size is bounded (least recently used
 * first out), so lookups of many different keys (a flood of made-up store hashes) cannot grow it. A
 * value that failed to load is not cached. Thread-safe; loads run outside the lock.
 */
final class ExpiringCache<K, V> {
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final LinkedHashMap<K, Entry<V>> entries;

  ExpiringCache(Duration ttl, int maxEntries, Clock clock) {
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
            return size() > ExpiringCache.this.maxEntries;
          }
        };
  }

  V get(K key, Function<K, V> loader) {
    long now = clock.millis();
    synchronized (entries) {
      Entry<V> cached = entries.get(key);
      if (cached != null && cached.expiresAtMs > now) {
        return cached.value;
      }
    }
    V value = loader.apply(key);
    synchronized (entries) {
      entries.put(key, new Entry<>(value, now + ttl.toMillis()));
    }
    return value;
  }

  void invalidate(K key) {
    synchronized (entries) {
      entries.remove(key);
    }
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  private record Entry<V>(V value, long expiresAtMs) {}
}
