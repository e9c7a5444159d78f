package io.bcsync.bigcommerce.reading;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code bc_entity_version} (escape = false: see io.bcsync.db package docs). */
@MappedEntity(value = "bc_entity_version", escape = false)
record EntityVersionRow(@EmbeddedId Key id, long dateModifiedMs, long readAtMs) {

  @Embeddable
  record Key(
      @MappedProperty("store_hash") String storeHash,
      @MappedProperty("entity_type") String entityType,
      @MappedProperty("entity_id") String entityId) {}
}
