package io.bcsync.sync.matching;

import com.fasterxml.jackson.databind.JsonNode;

/** Builds {@link CustomerProfile}s from the JSON BigCommerce returns. */
public final class CustomerProfiles {
  private CustomerProfiles() {}

  /**
   * From a V3 customer ({@code GET /v3/customers?include=addresses}); the first address gives
   * postal code and country.
   */
  public static CustomerProfile fromCustomer(String storeHash, JsonNode customer) {
    long id = customer.path("id").asLong(0);
    if (id <= 0) {
      throw new IllegalArgumentException("a V3 customer needs a positive id");
    }
    JsonNode address = customer.path("addresses").path(0);
    String phone = text(customer, "phone");
    return new CustomerProfile(
        "customer " + id,
        storeHash,
        id,
        text(customer, "email"),
        text(customer, "first_name"),
        text(customer, "last_name"),
        text(customer, "company"),
        phone != null ? phone : text(address, "phone"),
        text(address, "postal_code"),
        text(address, "country_code"));
  }

  /**
   * From a V2 order's billing address. {@code customer_id} 0 is a guest checkout: the profile has
   * no customer id and can only match by email, phone or the review hint. For a registered
   * customer's order the id is kept, so the external id rule still applies even before the customer
   * record itself was fetched.
   */
  public static CustomerProfile fromOrder(String storeHash, JsonNode order) {
    long orderId = order.path("id").asLong(0);
    long customerId = order.path("customer_id").asLong(0);
    JsonNode billing = order.path("billing_address");
    return new CustomerProfile(
        customerId > 0
            ? "customer " + customerId + " (order " + orderId + ")"
            : "guest order " + orderId,
        storeHash,
        customerId > 0 ? customerId : null,
        text(billing, "email"),
        text(billing, "first_name"),
        text(billing, "last_name"),
        text(billing, "company"),
        text(billing, "phone"),
        text(billing, "zip"),
        text(billing, "country_iso2"));
  }

  /**
   * Text of a field, or null when missing, JSON null or blank: BigCommerce sends "" for unset
   * strings.
   */
  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isValueNode() || value.isNull()) {
      return null;
    }
    String text = value.asText();
    return text.isBlank() ? null : text;
  }
}
