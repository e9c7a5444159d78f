package io.bcsync.bigcommerce.reading;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.WorkItem;

/**
 * The current state of a work item's entity as read from BigCommerce: a typed resource ({@link
 * io.bcsync.bigcommerce.client.Dtos.Order}, {@code Customer}, {@code Product}), or null when the
 * entity no longer exists (deleted or archived) - the sync must then treat it as gone.
 *
 * @param document the raw JSON the sync mapping reads (orders: V2 order with {@code products},
 *     {@code shipping_addresses} and {@code coupons} arrays; customers: V3 customer with {@code
 *     addresses}); null when gone or for types the mapping does not read
 */
public record FetchedEntity(WorkItem item, Object resource, JsonNode document) {
  public FetchedEntity(WorkItem item, Object resource) {
    this(item, resource, null);
  }

  public boolean gone() {
    return resource == null;
  }
}
