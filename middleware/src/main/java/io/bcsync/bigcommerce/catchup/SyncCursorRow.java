package io.bcsync.bigcommerce.catchup;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code bc_sync_cursor} (escape = false: see io.bcsync.db package docs). */
@MappedEntity(value = "bc_sync_cursor", escape = false)
record SyncCursorRow(@EmbeddedId Key id, long highWaterMs, long polledAtMs) {

  @Embeddable
  record Key(
      @MappedProperty("store_hash") String storeHash,
      @MappedProperty("resource") String resource) {}
}
