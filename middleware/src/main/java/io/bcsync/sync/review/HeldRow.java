package io.bcsync.sync.review;

import io.micronaut.data.annotation.Embeddable;
import io.micronaut.data.annotation.EmbeddedId;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A row of {@code sync_review_hold}: work held back by an open review (escape = false: see
 * io.bcsync.db package docs).
 */
@MappedEntity(value = "sync_review_hold", escape = false)
record HeldRow(@EmbeddedId Key id) {

  @Embeddable
  record Key(
      @MappedProperty("review_id") long reviewId,
      @MappedProperty("entity_type") String entityType,
      @MappedProperty("entity_id") String entityId) {}
}
