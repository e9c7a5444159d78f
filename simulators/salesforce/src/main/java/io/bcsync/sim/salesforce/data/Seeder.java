package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.ids.IdGenerator;
import io.bcsync.sim.salesforce.schema.SObjectType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inserts the records a new org comes with (users, the standard price book, queues) without API
 * rules or CDC.
 */
public final class Seeder {
  private final RecordStore store;
  private final IdGenerator ids;
  private final Clock clock;

  public Seeder(RecordStore store, IdGenerator ids, Clock clock) {
    this.store = store;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * Seeds a record, with the given id or a new one; values are typed (String, Boolean,
   * BigDecimal...).
   */
  public String seed(SObjectType type, String id, Map<String, Object> values, String createdById) {
    String recordId = id != null ? id : ids.next(type.keyPrefix());
    Map<String, Object> all = new LinkedHashMap<>(values);
    all.put("Id", recordId);
    all.put("CreatedDate", clock.instant());
    all.put("CreatedById", createdById);
    all.put("LastModifiedDate", clock.instant());
    all.put("LastModifiedById", createdById);
    all.put("SystemModstamp", clock.instant());
    store.inTransaction(() -> store.insert(type, recordId, all));
    return recordId;
  }
}
