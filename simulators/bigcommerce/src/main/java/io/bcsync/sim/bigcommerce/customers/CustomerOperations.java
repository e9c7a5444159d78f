package io.bcsync.sim.bigcommerce.customers;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.store.Customer;
import io.bcsync.sim.bigcommerce.store.CustomerAddress;
import io.bcsync.sim.bigcommerce.store.Events;
import io.bcsync.sim.bigcommerce.store.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Customer creation and updates shared by the REST and control APIs. */
public final class CustomerOperations {
  private CustomerOperations() {}

  /**
   * Creates a customer from a V3 body. The REST API refuses an email already in use (compared
   * case-insensitively); the control API can bypass that to model legacy stores holding the same
   * address in different case.
   */
  public static Customer create(Store store, JsonNode body, boolean enforceUniqueEmail) {
    for (String field : List.of("email", "first_name", "last_name")) {
      if (!body.hasNonNull(field) || body.get(field).asText().isBlank()) {
        throw ApiException.unprocessable(field, "The field '" + field + "' is required.");
      }
    }
    String email = body.get("email").asText();
    if (enforceUniqueEmail && emailInUse(store, email, 0)) {
      throw ApiException.unprocessable(
          "email", "The email address " + email + " is already in use.");
    }
    Customer c = new Customer();
    c.id = store.nextId();
    c.email = email;
    c.dateCreated = store.now();
    apply(c, body);
    for (JsonNode a : body.path("addresses")) {
      c.addresses.add(address(store, c.id, a));
    }
    c.dateModified = store.now();
    store.customers.put(c.id, c);
    store.publish("store/customer/created", Events.resource("customer", c.id));
    return c;
  }

  public static void update(Store store, Customer c, JsonNode body) {
    if (body.hasNonNull("email") && emailInUse(store, body.get("email").asText(), c.id)) {
      throw ApiException.unprocessable("email", "The email address is already in use.");
    }
    c.email = Json.text(body, "email", c.email);
    apply(c, body);
    c.dateModified = store.now();
    store.publish("store/customer/updated", Events.resource("customer", c.id));
  }

  /**
   * A {@code customer_group_id} must name an existing group (0: none). customers.v3.yml does not
   * say what an unknown group gets; the simulator refuses the whole batch with 422, its answer for
   * invalid data (the stricter plausible behaviour: a customer is never put into a group that does
   * not exist).
   */
  public static void checkGroup(Store store, JsonNode item) {
    if (!item.hasNonNull("customer_group_id")) {
      return;
    }
    long group = item.get("customer_group_id").asLong(-1);
    if (group != 0 && !store.customerGroups.containsKey(group)) {
      throw ApiException.unprocessable(
          "customer_group_id",
          "Customer group " + item.get("customer_group_id").asText() + " does not exist.");
    }
  }

  private static void apply(Customer c, JsonNode body) {
    c.firstName = Json.text(body, "first_name", c.firstName);
    c.lastName = Json.text(body, "last_name", c.lastName);
    c.company = Json.text(body, "company", c.company);
    c.phone = Json.text(body, "phone", c.phone);
    c.notes = Json.text(body, "notes", c.notes);
    c.taxExemptCategory = Json.text(body, "tax_exempt_category", c.taxExemptCategory);
    c.customerGroupId = Json.longValue(body, "customer_group_id", c.customerGroupId);
    c.acceptsMarketing =
        Json.bool(body, "accepts_product_review_abandoned_cart_emails", c.acceptsMarketing);
    if (body.has("channel_ids")) {
      List<Long> ids = new ArrayList<>();
      body.get("channel_ids").forEach(n -> ids.add(n.asLong()));
      c.channelIds = body.get("channel_ids").isNull() ? null : ids;
    }
  }

  static CustomerAddress address(Store store, long customerId, JsonNode a) {
    for (String field : List.of("first_name", "last_name", "address1", "city", "country_code")) {
      if (!a.hasNonNull(field)) {
        throw ApiException.unprocessable(
            "addresses." + field, "The field '" + field + "' is required.");
      }
    }
    CustomerAddress x = new CustomerAddress();
    x.id = store.nextId();
    x.customerId = customerId;
    x.firstName = a.get("first_name").asText();
    x.lastName = a.get("last_name").asText();
    x.company = Json.text(a, "company", "");
    x.address1 = a.get("address1").asText();
    x.address2 = Json.text(a, "address2", "");
    x.city = a.get("city").asText();
    x.stateOrProvince = Json.text(a, "state_or_province", "");
    x.postalCode = Json.text(a, "postal_code", "");
    x.countryCode = a.get("country_code").asText();
    x.country = "US".equals(x.countryCode) ? "United States" : x.countryCode;
    x.phone = Json.text(a, "phone", "");
    x.addressType = Json.text(a, "address_type", "residential");
    return x;
  }

  private static boolean emailInUse(Store store, String email, long exceptId) {
    String wanted = email.toLowerCase(Locale.ROOT);
    return store.customers.values().stream()
        .anyMatch(c -> c.id != exceptId && c.email.toLowerCase(Locale.ROOT).equals(wanted));
  }
}
