package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.SObjectType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Object-specific platform rules the sync runs into: price-book consistency for PricebookEntry,
 * OrderItem and OpportunityLineItem, locked Activated Orders ({@link OrderLocks}), one membership
 * per campaign, and the cascades of delete.
 */
final class BusinessRules {
  private static final String ENTRY_NOT_IN_ORDER_BOOK =
      "field integrity exception: PricebookEntryId (pricebook entry "
          + "is in a different pricebook than the one assigned to the order, or order has no pricebook assigned)";

  private final RecordStore store;
  private final OrderLocks orderLocks;

  BusinessRules(RecordStore store) {
    this.store = store;
    this.orderLocks = new OrderLocks(store);
  }

  void beforeInsert(SObjectType type, Map<String, Object> values) {
    switch (type.name()) {
      case "PricebookEntry" -> pricebookEntry(values);
      case "Order" -> orderLocks.refuseEmptyActivation(null, values);
      case "OrderItem" -> {
        orderLocks.refuseItemChange(values.get("OrderId"));
        orderItem(values);
      }
      case "OpportunityLineItem" -> opportunityLineItem(values);
      case "CampaignMember" -> campaignMember(values);
      default -> {
        // no object-specific rules
      }
    }
  }

  void beforeUpdate(SObjectType type, Record existing, Map<String, Object> changes) {
    if (type.name().equals("Lead") && Boolean.TRUE.equals(existing.get("IsConverted"))) {
      throw RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead")
          .fail();
    }
    if (type.name().equals("OrderItem")) {
      orderLocks.refuseItemChange(existing.get("OrderId"));
    }
    if (type.name().equals("Order")) {
      orderLocks.refuseEmptyActivation(existing, changes);
    }
    if (type.name().equals("Order")
        && "Activated".equals(existing.get("Status"))
        && changes.containsKey("AccountId")) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: AccountId (the account can't be changed on an activated order)",
              "AccountId")
          .fail();
    }
  }

  void beforeDelete(Record record) {
    String type = record.type().name();
    if (type.equals("OrderItem")) {
      orderLocks.refuseItemChange(record.get("OrderId"));
    }
    if (type.equals("Pricebook2") && Boolean.TRUE.equals(record.get("IsStandard"))) {
      throw RecordError.of("DELETE_FAILED", "Cannot delete the standard price book").fail();
    }
    if (type.equals("User")) {
      throw RecordError.of("DELETE_FAILED", "Users can't be deleted; deactivate them instead")
          .fail();
    }
    if (type.equals("Account") && !children(record, "Order", "AccountId").isEmpty()) {
      throw RecordError.of(
              "DELETE_FAILED",
              "Your attempt to delete "
                  + record.get("Name")
                  + " could not be completed because it is associated with the following orders.")
          .fail();
    }
  }

  /** Records the platform deletes along with the given one. */
  List<Record> cascadeDeletes(Record record) {
    List<Record> doomed = new ArrayList<>();
    switch (record.type().name()) {
      case "Account" -> {
        doomed.addAll(children(record, "Contact", "AccountId"));
        doomed.addAll(children(record, "Opportunity", "AccountId"));
      }
      case "Order" -> doomed.addAll(children(record, "OrderItem", "OrderId"));
      case "Opportunity" -> doomed.addAll(children(record, "OpportunityLineItem", "OpportunityId"));
      case "Campaign" -> doomed.addAll(children(record, "CampaignMember", "CampaignId"));
      case "Contact" -> doomed.addAll(children(record, "CampaignMember", "ContactId"));
      case "Lead" -> doomed.addAll(children(record, "CampaignMember", "LeadId"));
      default -> {
        // no cascade
      }
    }
    List<Record> nested = new ArrayList<>();
    doomed.forEach(child -> nested.addAll(cascadeDeletes(child)));
    doomed.addAll(nested);
    return doomed;
  }

  private List<Record> children(Record parent, String childType, String lookup) {
    return liveOfType(childType).stream().filter(r -> parent.id().equals(r.get(lookup))).toList();
  }

  private List<Record> liveOfType(String typeName) {
    return store.inTransaction(() -> store.liveOfTypeName(typeName));
  }

  private void pricebookEntry(Map<String, Object> values) {
    Record book = store.findLive((String) values.get("Pricebook2Id")).orElseThrow();
    Object product = values.get("Product2Id");
    boolean exists =
        liveOfType("PricebookEntry").stream()
            .anyMatch(
                e ->
                    book.id().equals(e.get("Pricebook2Id"))
                        && Objects.equals(product, e.get("Product2Id")));
    if (exists) {
      throw RecordError.of(
              "DUPLICATE_VALUE", "This price definition already exists in this price book")
          .fail();
    }
    boolean standardBook = Boolean.TRUE.equals(book.get("IsStandard"));
    if (standardBook && Boolean.TRUE.equals(values.get("UseStandardPrice"))) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: UseStandardPrice (a standard price entry cannot use the standard price)",
              "UseStandardPrice")
          .fail();
    }
    if (!standardBook) {
      Record standardEntry =
          liveOfType("PricebookEntry").stream()
              .filter(
                  e ->
                      Objects.equals(product, e.get("Product2Id"))
                          && isStandardBook(e.get("Pricebook2Id")))
              .filter(e -> Boolean.TRUE.equals(e.get("IsActive")))
              .findFirst()
              .orElseThrow(
                  () ->
                      RecordError.of(
                              "STANDARD_PRICE_NOT_DEFINED",
                              "No standard price defined for this product")
                          .fail());
      if (Boolean.TRUE.equals(values.get("UseStandardPrice"))) {
        values.put("UnitPrice", standardEntry.get("UnitPrice"));
      }
    }
  }

  private boolean isStandardBook(Object bookId) {
    return bookId != null
        && store
            .findLive((String) bookId)
            .map(b -> Boolean.TRUE.equals(b.get("IsStandard")))
            .orElse(false);
  }

  private void orderItem(Map<String, Object> values) {
    Record order = store.findLive((String) values.get("OrderId")).orElseThrow();
    Record entry = store.findLive((String) values.get("PricebookEntryId")).orElseThrow();
    if (order.get("Pricebook2Id") == null
        || !order.get("Pricebook2Id").equals(entry.get("Pricebook2Id"))) {
      throw RecordError.of("FIELD_INTEGRITY_EXCEPTION", ENTRY_NOT_IN_ORDER_BOOK, "PricebookEntryId")
          .fail();
    }
    requireActiveAndMatchingProduct(entry, values);
    values.put("ListPrice", entry.get("UnitPrice"));
  }

  private void opportunityLineItem(Map<String, Object> values) {
    if (values.get("PricebookEntryId") == null) {
      throw new RecordError(
              "REQUIRED_FIELD_MISSING",
              "Required fields are missing: [PricebookEntryId]",
              List.of("PricebookEntryId"))
          .fail();
    }
    Record opportunity = store.findLive((String) values.get("OpportunityId")).orElseThrow();
    Record entry = store.findLive((String) values.get("PricebookEntryId")).orElseThrow();
    Object book = opportunity.get("Pricebook2Id");
    if (book == null) {
      opportunity.put(
          "Pricebook2Id", entry.get("Pricebook2Id")); // the platform adopts the first line's book
    } else if (!book.equals(entry.get("Pricebook2Id"))) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: PricebookEntryId (pricebook entry "
                  + "is in a different pricebook than the one assigned to the opportunity)",
              "PricebookEntryId")
          .fail();
    }
    requireActiveAndMatchingProduct(entry, values);
    BigDecimal quantity = (BigDecimal) values.get("Quantity");
    BigDecimal unit = (BigDecimal) values.get("UnitPrice");
    BigDecimal total = (BigDecimal) values.get("TotalPrice");
    if (unit != null && total != null) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: TotalPrice (only one of unit price or total price may be specified)",
              "TotalPrice")
          .fail();
    }
    if (unit == null && total == null) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: TotalPrice (must specify either TotalPrice or UnitPrice)",
              "TotalPrice")
          .fail();
    }
    if (unit != null) {
      values.put("TotalPrice", unit.multiply(quantity));
    } else if (quantity.signum() != 0) {
      values.put("UnitPrice", total.divide(quantity, 2, RoundingMode.HALF_UP));
    }
  }

  private static void requireActiveAndMatchingProduct(Record entry, Map<String, Object> values) {
    if (!Boolean.TRUE.equals(entry.get("IsActive"))) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: PricebookEntryId (pricebook entry is inactive)",
              "PricebookEntryId")
          .fail();
    }
    Object product = values.get("Product2Id");
    if (product != null && !product.equals(entry.get("Product2Id"))) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: Product2Id (product doesn't match the price book entry)",
              "Product2Id")
          .fail();
    }
    values.put("Product2Id", entry.get("Product2Id"));
  }

  private void campaignMember(Map<String, Object> values) {
    Object contact = values.get("ContactId");
    Object lead = values.get("LeadId");
    if (contact == null && lead == null) {
      throw new RecordError(
              "REQUIRED_FIELD_MISSING",
              "Required fields are missing: [ContactId, LeadId]",
              List.of("ContactId", "LeadId"))
          .fail();
    }
    boolean member =
        liveOfType("CampaignMember").stream()
            .anyMatch(
                m ->
                    Objects.equals(values.get("CampaignId"), m.get("CampaignId"))
                        && ((contact != null && contact.equals(m.get("ContactId")))
                            || (lead != null && lead.equals(m.get("LeadId")))));
    if (member) {
      throw RecordError.of("DUPLICATE_VALUE", "Already a campaign member.").fail();
    }
  }
}
