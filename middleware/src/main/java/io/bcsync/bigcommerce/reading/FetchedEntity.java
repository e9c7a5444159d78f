package io.bcsync.bigcommerce.reading;

import io.bcsync.pipeline.WorkItem;

/**
 * The current state of a work item's entity as read from BigCommerce: a typed resource
 * ({@link io.bcsync.bigcommerce.client.Dtos.Order}, {@code Customer}, {@code Product}), or null when the entity no
 * longer exists (deleted or archived) - the sync must then treat it as gone.
 */
public record FetchedEntity(WorkItem item, Object resource) {
  public boolean gone() {
    return resource == null;
  }
}
