package io.bcsync.backfill;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A row of {@code backfill_item_pruned}: how many of a finished backfill's work items of one type
 * ended in one status before the history retention deleted them (escape = false: see io.bcsync.db
 * package docs).
 */
@MappedEntity(value = "backfill_item_pruned", escape = false)
record BackfillPrunedCountRow(@EmbeddedId Key id, long itemCount) {

  @Embeddable
  record Key(
      @MappedProperty("backfill_id") long backfillId,
      @MappedProperty("entity_type") String entityType,
      @MappedProperty("status") String status) {}
}
