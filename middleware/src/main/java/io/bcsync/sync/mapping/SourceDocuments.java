package io.bcsync.sync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds the JSON documents that mapping paths are evaluated against, so every path names its
 * origin: {@code $.store.hash}, {@code $.order.total_inc_tax}, {@code $.line.sku}, {@code
 * $.customer.email}.
 */
public final class SourceDocuments {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private SourceDocuments() {}

  /**
   * A V2 order with its fetched sub-resources embedded under their own names (V2 returns {@code
   * products}, {@code shipping_addresses} and {@code coupons} as {@code {url, resource}} stubs):
   * pass e.g. {@code Map.of("products", productsArray, "coupons", couponsArray)}.
   */
  public static ObjectNode order(
      String storeHash, JsonNode order, Map<String, JsonNode> subresources) {
    ObjectNode copy = order.deepCopy();
    subresources.forEach(copy::set);
    ObjectNode document = JSON.objectNode();
    document.set("store", store(storeHash));
    document.set("order", copy);
    return document;
  }

  /** One line of an order document: {@code {store, order, line}}. */
  static ObjectNode line(JsonNode orderDocument, JsonNode line) {
    ObjectNode document = JSON.objectNode();
    document.set("store", orderDocument.path("store"));
    document.set("order", orderDocument.path("order"));
    document.set("line", line);
    return document;
  }

  /** A V3 customer: {@code {store, customer}}. */
  public static ObjectNode customer(String storeHash, JsonNode customer) {
    ObjectNode document = JSON.objectNode();
    document.set("store", store(storeHash));
    document.set("customer", customer);
    return document;
  }

  /**
   * A guest checkout seen as a customer: the order's billing address rewritten with V3 customer
   * field names, so the same Contact and Lead mappings serve registered and guest customers. {@code
   * $.customer.id} is absent and the order stays available as {@code $.order}.
   */
  public static ObjectNode guestCustomer(String storeHash, JsonNode order) {
    JsonNode billing = order.path("billing_address");
    ObjectNode customer = JSON.objectNode();
    copy(billing, "email", customer, "email");
    copy(billing, "first_name", customer, "first_name");
    copy(billing, "last_name", customer, "last_name");
    copy(billing, "company", customer, "company");
    copy(billing, "phone", customer, "phone");
    ObjectNode address = JSON.objectNode();
    copy(billing, "first_name", address, "first_name");
    copy(billing, "last_name", address, "last_name");
    copy(billing, "company", address, "company");
    copy(billing, "street_1", address, "address1");
    copy(billing, "street_2", address, "address2");
    copy(billing, "city", address, "city");
    copy(billing, "state", address, "state_or_province");
    copy(billing, "zip", address, "postal_code");
    copy(billing, "country", address, "country");
    copy(billing, "country_iso2", address, "country_code");
    copy(billing, "phone", address, "phone");
    ArrayNode addresses = customer.putArray("addresses");
    addresses.add(address);
    ObjectNode document = customer(storeHash, customer);
    document.set("order", order);
    return document;
  }

  private static ObjectNode store(String storeHash) {
    return JSON.objectNode().put("hash", storeHash);
  }

  private static void copy(JsonNode from, String fromField, ObjectNode to, String toField) {
    JsonNode value = from.get(fromField);
    if (value != null && !value.isNull()) {
      to.set(toField, value);
    }
  }
}
