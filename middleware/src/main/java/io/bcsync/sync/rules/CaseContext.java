package io.bcsync.sync.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.stores.StoreRecords;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Case fields of an order's Case for a reason, all from the V2 order the sync already read (its
 * {@code products} embedded): service sees the order without opening BigCommerce, and the
 * control-panel link when they must.
 */
final class CaseContext {
  /** Case.Subject holds 255 characters; Description 32,000. */
  private static final int SUBJECT = 255;

  private static final int DESCRIPTION = 32_000;

  private CaseContext() {}

  /**
   * The Case to upsert; {@code orderObject}/{@code orderRecordId} link it to an Order or a
   * BC_Order__c (an Opportunity target has no Case lookup in the package, so it stays unlinked).
   */
  static CaseRequest request(
      String storeHash,
      JsonNode order,
      RuleAction.OpenCase action,
      String contactId,
      String accountId,
      String orderObject,
      String orderRecordId,
      ProblemFacts problems) {
    long orderId = order.path("id").asLong();
    String status = status(order);
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("BC_Case_Key__c", storeHash + ":" + orderId + ":" + action.reason());
    fields.put("BC_Reason__c", action.reason());
    fields.put(
        "Subject",
        cut(action.reason() + ": BigCommerce order #" + orderId + " (" + status + ")", SUBJECT));
    fields.put(
        "Description", cut(description(storeHash, order, action, status, problems), DESCRIPTION));
    if (contactId != null) {
      fields.put("ContactId", contactId);
    }
    if (accountId != null) {
      fields.put("AccountId", accountId);
    }
    if (orderRecordId != null && "Order".equals(orderObject)) {
      fields.put("BC_Related_Order__c", orderRecordId);
    } else if (orderRecordId != null && "BC_Order__c".equals(orderObject)) {
      fields.put("BC_Related_BC_Order__c", orderRecordId);
    }
    Map<String, Object> onCreate = new LinkedHashMap<>();
    putIf(onCreate, "Origin", action.origin());
    putIf(onCreate, "Priority", action.priority());
    putIf(onCreate, "Type", action.type());
    return new CaseRequest((String) fields.get("BC_Case_Key__c"), fields, onCreate, action.queue());
  }

  /** The control panel's page of the order. */
  static String orderUrl(String storeHash, long orderId) {
    return StoreRecords.controlPanelUrl(storeHash) + "/orders/" + orderId;
  }

  private static String description(
      String storeHash,
      JsonNode order,
      RuleAction.OpenCase action,
      String status,
      ProblemFacts problems) {
    long orderId = order.path("id").asLong();
    String currency = order.path("currency_code").asText("");
    JsonNode billing = order.path("billing_address");
    StringBuilder s = new StringBuilder();
    s.append("BigCommerce order #").append(orderId).append(" (store ").append(storeHash);
    s.append(")\nReason: ").append(action.reason());
    s.append("\nStatus: ").append(status);
    s.append("\nDate: ").append(order.path("date_created").asText(""));
    s.append("\nCustomer: ")
        .append(
            (billing.path("first_name").asText("") + " " + billing.path("last_name").asText(""))
                .trim())
        .append(" <")
        .append(billing.path("email").asText(""))
        .append(">");
    s.append("\nPayment method: ").append(order.path("payment_method").asText(""));
    s.append("\nSubtotal: ").append(amount(order, "subtotal_inc_tax", currency));
    s.append("\nShipping: ").append(amount(order, "shipping_cost_inc_tax", currency));
    s.append("\nTax: ").append(amount(order, "total_tax", currency));
    s.append("\nTotal: ").append(amount(order, "total_inc_tax", currency));
    if (!order.path("refunded_amount").asText("").isBlank()) {
      s.append("\nRefunded: ").append(amount(order, "refunded_amount", currency));
    }
    // Refund details (the V3 refunds: date, amount, reason, items) belong here, after the refunded
    // amount, once the refund reader exists (refund_created, docs/order-rules.md): the extension
    // point is a further list in ProblemFacts and a section appended at this spot.
    payments(s, problems);
    s.append("\nLines:");
    for (JsonNode line : order.path("products")) {
      s.append("\n- ")
          .append(line.path("sku").asText(""))
          .append(" x ")
          .append(line.path("quantity").asText(""))
          .append(" @ ")
          .append(line.path("price_inc_tax").asText(""))
          .append(" ")
          .append(line.path("name").asText(""));
    }
    returned(s, problems);
    s.append("\nControl panel: ").append(orderUrl(storeHash, orderId));
    return s.toString();
  }

  /** The failed payment attempts, when a rule read the order's transactions. */
  private static void payments(StringBuilder s, ProblemFacts problems) {
    if (problems == null || problems.failedPayments().isEmpty()) {
      return;
    }
    s.append("\nFailed payments:");
    problems
        .failedPayments()
        .forEach(
            t ->
                s.append("\n- ")
                    .append(t.dateCreated() == null ? "" : t.dateCreated().toString())
                    .append(" ")
                    .append(t.event())
                    .append(" of ")
                    .append(t.amount() == null ? "" : t.amount().toPlainString())
                    .append(" ")
                    .append(t.currency())
                    .append(" by ")
                    .append(t.method())
                    .append(" via ")
                    .append(t.gateway())
                    .append(": ")
                    .append(t.status())
                    .append(" (transaction ")
                    .append(t.id())
                    .append(")"));
  }

  /** The lines given back: returned (with the return's id) or refunded (with the quantity). */
  private static void returned(StringBuilder s, ProblemFacts problems) {
    if (problems == null || problems.returned().isEmpty()) {
      return;
    }
    s.append("\nReturned lines:");
    problems
        .returned()
        .forEach(
            l -> {
              s.append("\n- ").append(l.sku()).append(" ").append(l.name());
              if (l.quantityRefunded() > 0) {
                s.append(": ")
                    .append(l.quantityRefunded())
                    .append(" of ")
                    .append(l.quantity())
                    .append(" refunded");
              }
              if (l.returnId() > 0) {
                s.append(" (return ").append(l.returnId()).append(")");
              }
            });
  }

  private static String status(JsonNode order) {
    String name = order.path("status").asText("");
    return name.isBlank() ? OrderStatuses.name(order.path("status_id").asInt()) : name;
  }

  private static String amount(JsonNode order, String field, String currency) {
    return (order.path(field).asText("") + " " + currency).trim();
  }

  private static void putIf(Map<String, Object> fields, String name, String value) {
    if (value != null) {
      fields.put(name, value);
    }
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
