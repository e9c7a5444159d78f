package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.FieldDef;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads field values including the ones the platform derives (names, totals, status codes), so
 * query, retrieve and the control API all see the same thing.
 */
public final class RecordReader {
  private final RecordStore store;

  public RecordReader(RecordStore store) {
    this.store = store;
  }

  public Object value(Record record, FieldDef field) {
    if (field.name().equals("IsDeleted")) {
      return record.isDeleted();
    }
    if (!field.isCalculated()) {
      return record.get(field.name());
    }
    return switch (record.type().name() + "." + field.name()) {
      case "Contact.Name", "Lead.Name", "User.Name" ->
          joinNonBlank(record.get("FirstName"), record.get("LastName"));
      case "OrderItem.TotalPrice" -> multiply(record.get("Quantity"), record.get("UnitPrice"));
      case "Order.TotalAmount" -> orderTotal(record);
      case "Order.StatusCode" -> "Activated".equals(record.get("Status")) ? "A" : "D";
      case "PricebookEntry.Name" -> productField(record, "Name");
      case "PricebookEntry.ProductCode" -> productField(record, "ProductCode");
      case "OpportunityLineItem.Name" -> productField(record, "Name");
      case "Case.IsClosed" -> "Closed".equals(record.get("Status"));
      case "Lead.IsConverted" -> Boolean.TRUE.equals(record.get("IsConverted"));
      case "CampaignMember.HasResponded" -> Boolean.FALSE;
      case "User.UserType" -> "Standard";
      default -> record.get(field.name());
    };
  }

  private static String joinNonBlank(Object... parts) {
    String joined =
        Stream.of(parts)
            .filter(Objects::nonNull)
            .map(Object::toString)
            .collect(Collectors.joining(" "));
    return joined.isEmpty() ? null : joined;
  }

  private static Object multiply(Object quantity, Object price) {
    return quantity instanceof BigDecimal q && price instanceof BigDecimal p ? q.multiply(p) : null;
  }

  private BigDecimal orderTotal(Record order) {
    return store.inTransaction(
        () ->
            store.liveOfTypeName("OrderItem").stream()
                .filter(r -> order.id().equals(r.get("OrderId")))
                .map(r -> (BigDecimal) multiply(r.get("Quantity"), r.get("UnitPrice")))
                .filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  private Object productField(Record entry, String field) {
    Object productId = entry.get("Product2Id");
    return productId == null
        ? null
        : store.findLive((String) productId).map(p -> p.get(field)).orElse(null);
  }
}
