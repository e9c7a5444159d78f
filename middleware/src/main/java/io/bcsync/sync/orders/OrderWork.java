package io.bcsync.sync.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.customers.CustomerLink;

/**
 * An order to write on behalf of work item {@code itemId}, with the customer it is written against.
 *
 * @param order the V2 order with its {@code products}, {@code shipping_addresses} and {@code
 *     coupons}
 * @param modifiedMs its {@code date_modified}, recorded so an older read never overwrites it
 */
public record OrderWork(long itemId, JsonNode order, Long modifiedMs, CustomerLink customer) {
  public long orderId() {
    return order.path("id").asLong();
  }
}
