package io.bcsync.sim.salesforce.data;

import java.util.Map;
import java.util.Optional;

/**
 * Activated Orders are locked: their OrderItems cannot be added, changed or deleted until the Order
 * is set back to Draft, and an Order without OrderItems cannot be activated
 * (../shared/reference/salesforce.md G and E.6; Order object reference, "Status"). The reference
 * does not give the status codes: ENTITY_IS_LOCKED for the item changes and
 * FIELD_INTEGRITY_EXCEPTION for the activation are the simulator's plausible choices, not verified
 * copies.
 */
final class OrderLocks {
  static final String ACTIVATED = "Activated";

  private final RecordStore store;

  OrderLocks(RecordStore store) {
    this.store = store;
  }

  /** An OrderItem added to, changed on or deleted from an Activated Order. */
  void refuseItemChange(Object orderId) {
    Optional<Record> order =
        orderId == null ? Optional.empty() : store.findLive(orderId.toString());
    if (order.isPresent() && ACTIVATED.equals(order.get().get("Status"))) {
      throw RecordError.of(
              "ENTITY_IS_LOCKED",
              "the entity is locked for editing: order products of an activated order can't be"
                  + " added, edited or deleted; set the order back to Draft first",
              "OrderId")
          .fail();
    }
  }

  /** An Order created Activated, or set to Activated, while it has no OrderItems. */
  void refuseEmptyActivation(Record existing, Map<String, Object> values) {
    if (!ACTIVATED.equals(values.get("Status"))) {
      return;
    }
    if (existing != null && ACTIVATED.equals(existing.get("Status"))) {
      return;
    }
    boolean hasItems =
        existing != null
            && store.inTransaction(
                () ->
                    store.liveOfTypeName("OrderItem").stream()
                        .anyMatch(r -> existing.id().equals(r.get("OrderId"))));
    if (!hasItems) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: Status (an order without order products can't be"
                  + " activated)",
              "Status")
          .fail();
    }
  }
}
