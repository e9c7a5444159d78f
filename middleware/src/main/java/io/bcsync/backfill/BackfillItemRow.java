package io.bcsync.backfill;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A row of {@code backfill_item}: an entity a backfill enqueued and the work item it joined or
 * opened (escape = false: see io.bcsync.db package docs).
 */
@MappedEntity(value = "backfill_item", escape = false)
record BackfillItemRow(@EmbeddedId Key id, long workItemId) {

  @Embeddable
  record Key(
      @MappedProperty("backfill_id") long backfillId,
      @MappedProperty("entity_type") String entityType,
      @MappedProperty("entity_id") String entityId) {}
}
