package io.bcsync.testsupport.ports;

import io.bcsync.testsupport.ports.OrgRecords.Stored;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The rules of Orders and their items that an order sync runs into, checked before a write. */
final class OrgOrderRules {
  private static final String ACTIVATED = "Activated";

  private final OrgRecords records;

  OrgOrderRules(OrgRecords records) {
    this.records = records;
  }

  /**
   * Orders and their items (../shared/reference/salesforce.md E.6 and G): an Activated Order's
   * items cannot be added, changed or deleted, its AccountId cannot be sent, an Order without items
   * cannot be activated, and an item's price book entry must be from its Order's price book. The
   * exact status codes of the activation rules are not documented in the reference; the codes are
   * the Salesforce simulator's (ActivatedOrderLockTest there): ENTITY_IS_LOCKED for an item change
   * on an Activated Order, FIELD_INTEGRITY_EXCEPTION for activating an Order without items.
   */
  void check(String type, Stored existing, Map<String, Object> values) {
    if (type.equals("OrderItem")) {
      Object orderId = existing == null ? values.get("OrderId") : existing.get("OrderId");
      refuseOnActivatedOrder(orderId);
      if (existing == null) {
        Stored order = records.find(orderId.toString()).orElseThrow();
        Stored entry = records.find(values.get("PricebookEntryId").toString()).orElseThrow();
        if (!Objects.equals(entry.get("Pricebook2Id"), order.get("Pricebook2Id"))) {
          throw OrgRecords.refuse(
              "FIELD_INTEGRITY_EXCEPTION",
              "Order Products must have a Price Book Entry that belongs to the Price Book related"
                  + " to the parent Order",
              "PricebookEntryId");
        }
      }
    }
    if (!type.equals("Order")) {
      return;
    }
    boolean activated = existing != null && ACTIVATED.equals(existing.get("Status"));
    if (activated && values.containsKey("AccountId")) {
      throw OrgRecords.refuse(
          "FIELD_INTEGRITY_EXCEPTION",
          "AccountId cannot be set on an activated order",
          "AccountId");
    }
    boolean hasItems = existing != null && !itemsOf(existing.id()).isEmpty();
    if (ACTIVATED.equals(values.get("Status")) && !activated && !hasItems) {
      throw OrgRecords.refuse(
          "FIELD_INTEGRITY_EXCEPTION", "an order without order products cannot be activated");
    }
    if (hasItems
        && values.containsKey("Pricebook2Id")
        && !Objects.equals(values.get("Pricebook2Id"), existing.get("Pricebook2Id"))) {
      throw OrgRecords.refuse(
          "FIELD_INTEGRITY_EXCEPTION",
          "the price book of an order with products cannot be changed",
          "Pricebook2Id");
    }
  }

  void refuseOnActivatedOrder(Object orderId) {
    Optional<Stored> order = orderId == null ? Optional.empty() : records.find(orderId.toString());
    if (order.isPresent() && ACTIVATED.equals(order.get().get("Status"))) {
      throw OrgRecords.refuse(
          "ENTITY_IS_LOCKED",
          "the entity is locked for editing: order products of an activated order can't be"
              + " added, edited or deleted; set the order back to Draft first",
          "OrderId");
    }
  }

  List<Stored> itemsOf(String orderId) {
    return records.live("OrderItem").stream()
        .filter(i -> orderId.equals(i.get("OrderId")))
        .toList();
  }
}
