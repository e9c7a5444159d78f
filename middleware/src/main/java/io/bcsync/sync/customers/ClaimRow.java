package io.bcsync.sync.customers;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/** A row of {@code sync_customer_claim} (escape = false: see io.bcsync.db package docs). */
@MappedEntity(value = "sync_customer_claim", escape = false)
record ClaimRow(@EmbeddedId Key id, String claimedBy, long expiresAtMs) {

  @Embeddable
  record Key(
      @MappedProperty("store_hash") String storeHash,
      @MappedProperty("customer_key") String customerKey) {}
}
