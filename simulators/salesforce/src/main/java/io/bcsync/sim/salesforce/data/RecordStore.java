package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.SObjectType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The org's records, in memory. One lock serialises API calls, which makes each call atomic like a
 * database transaction; the data sets of tests and demos are small enough that this never matters
 * for throughput.
 */
public final class RecordStore {
  private final ReentrantLock lock = new ReentrantLock();
  private Map<String, Record> byId = new LinkedHashMap<>();

  /**
   * The same records grouped by type, so per-type reads do not walk the whole org (kept in step
   * with byId).
   */
  private Map<SObjectType, Map<String, Record>> byType = new HashMap<>();

  public <T> T inTransaction(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** Any record with this 18-character id, deleted or not. */
  public Optional<Record> find(String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
  }

  public Optional<Record> findLive(String id) {
    return find(id).filter(r -> !r.isDeleted());
  }

  public List<Record> live(SObjectType type) {
    return inTransaction(() -> ofType(type).stream().filter(r -> !r.isDeleted()).toList());
  }

  /**
   * Live records of the named type; callers hold the transaction lock. Walks only that type's
   * records: the business rules' checks ran over the whole org per inserted record before, which
   * made a burst of CampaignMember creates quadratic in the org's size (sync benchmark profile).
   */
  List<Record> liveOfTypeName(String typeName) {
    List<Record> out = new java.util.ArrayList<>();
    byType.forEach(
        (type, records) -> {
          if (type.name().equals(typeName)) {
            records
                .values()
                .forEach(
                    r -> {
                      if (!r.isDeleted()) {
                        out.add(r);
                      }
                    });
          }
        });
    return out;
  }

  /** Live and deleted (recycle-bin) records, for queryAll. */
  public List<Record> withDeleted(SObjectType type) {
    return inTransaction(() -> List.copyOf(ofType(type)));
  }

  public int count(SObjectType type) {
    return live(type).size();
  }

  Record insert(SObjectType type, String id, Map<String, Object> values) {
    Record record = new Record(type, id, values);
    byId.put(id, record);
    byType.computeIfAbsent(type, t -> new LinkedHashMap<>()).put(id, record);
    return record;
  }

  Map<String, Record> snapshot() {
    Map<String, Record> copy = new LinkedHashMap<>();
    byId.forEach((k, v) -> copy.put(k, v.copy()));
    return copy;
  }

  void restore(Map<String, Record> snapshot) {
    byId = snapshot;
    byType = new HashMap<>();
    snapshot.forEach(
        (id, record) ->
            byType.computeIfAbsent(record.type(), t -> new LinkedHashMap<>()).put(id, record));
  }

  private java.util.Collection<Record> ofType(SObjectType type) {
    return byType.getOrDefault(type, Map.of()).values();
  }
}
