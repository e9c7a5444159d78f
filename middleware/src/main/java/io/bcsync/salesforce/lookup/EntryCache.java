package io.bcsync.salesforce.lookup;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Variant key -> order-book PricebookEntry id, least recently used evicted first. Thread-safe. */
final class EntryCache {
  private final Map<String, String> entries;

  EntryCache(int capacity) {
    this.entries =
        new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized Optional<String> get(String variantKey) {
    return Optional.ofNullable(entries.get(variantKey));
  }

  synchronized void put(String variantKey, String entryId) {
    entries.put(variantKey, entryId);
  }

  synchronized int size() {
    return entries.size();
  }
}
