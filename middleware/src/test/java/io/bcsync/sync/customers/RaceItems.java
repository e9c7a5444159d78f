package io.bcsync.sync.customers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.testsupport.WebhookCalls;

/**
 * The work items the racing workers run, as the pipeline would hand them over: a customer's own
 * item, an order naming it as buyer, and a guest's order.
 */
final class RaceItems {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE = WebhookCalls.STORE;

  private RaceItems() {}

  static CustomerNeed customerItem(long customerId, String email) {
    ObjectNode customer =
        JSON.createObjectNode()
            .put("id", customerId)
            .put("email", email)
            .put("first_name", "Connie")
            .put("last_name", "Vert")
            .put("date_modified", "2024-05-01T10:00:00Z");
    customer.putArray("addresses");
    return new CustomerNeed(
        CustomerRef.ofCustomer(STORE, customer, 1_714_557_600_000L), 9_000 + customerId, false);
  }

  static CustomerNeed orderItem(long orderId, long customerId, String billingEmail) {
    ObjectNode order =
        JSON.createObjectNode()
            .put("id", orderId)
            .put("customer_id", customerId)
            .put("status_id", 11);
    order
        .putObject("billing_address")
        .put("first_name", "Connie")
        .put("last_name", "Vert")
        .put("email", billingEmail)
        .put("country_iso2", "US");
    return new CustomerNeed(CustomerRef.ofOrder(STORE, order).orElseThrow(), 8_000 + orderId, true);
  }

  static CustomerNeed guestOrderItem(long orderId, String billingEmail) {
    ObjectNode order =
        JSON.createObjectNode().put("id", orderId).put("customer_id", 0).put("status_id", 11);
    order
        .putObject("billing_address")
        .put("first_name", "Gus")
        .put("last_name", "Guest")
        .put("email", billingEmail)
        .put("country_iso2", "US");
    return new CustomerNeed(CustomerRef.ofOrder(STORE, order).orElseThrow(), 8_000 + orderId, true);
  }
}
