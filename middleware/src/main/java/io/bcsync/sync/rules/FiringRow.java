package io.bcsync.sync.rules;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code sync_rule_firing} (escape = false: see io.bcsync.db package docs). */
@MappedEntity(value = "sync_rule_firing", escape = false)
record FiringRow(@EmbeddedId Key id, long orderId, long firedAtMs) {

  @Embeddable
  record Key(
      @MappedProperty("store_hash") String storeHash,
      @MappedProperty("firing_key") String firingKey) {}
}
