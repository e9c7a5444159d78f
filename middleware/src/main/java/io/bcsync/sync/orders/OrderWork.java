package io.bcsync.sync.orders;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.customers.CustomerLink;

/**
 * An order to write on behalf of work item {@code itemId}, with the customer it is written against.
 *
 * @param order the V2 order with its {@code products}, {@code shipping_addresses} and {@code
 *     coupons}
 * @param modifiedMs its {@code date_modified}, recorded so an older read never overwrites it
 * @param attempt which attempt of the work item this is (1: the first); a later one may find
 *     records an earlier attempt wrote although their answer was lost
 */
public record OrderWork(
    long itemId, JsonNode order, Long modifiedMs, CustomerLink customer, int attempt) {
  public OrderWork(long itemId, JsonNode order, Long modifiedMs, CustomerLink customer) {
    this(itemId, order, modifiedMs, customer, 1);
  }

  public long orderId() {
    return order.path("id").asLong();
  }
}
