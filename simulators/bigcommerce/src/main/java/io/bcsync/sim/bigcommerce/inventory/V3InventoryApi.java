package io.bcsync.sim.bigcommerce.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.catalog.CatalogOperations;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** V3 inventory absolute adjustments at the single default location (id 1). */
public final class V3InventoryApi {
  private static final int MAX_ITEMS = 2000;
  private static final long DEFAULT_LOCATION = 1;

  public void register(Router r) {
    r.add("PUT", "/v3/inventory/adjustments/absolute", this::absolute);
  }

  private ApiResponse absolute(ApiRequest req) {
    JsonNode items = req.json().path("items");
    if (!items.isArray() || items.isEmpty()) {
      throw ApiException.unprocessable("items", "The field 'items' is required.");
    }
    if (items.size() > MAX_ITEMS) {
      throw new ApiException(
          413, "The request payload is too large. The maximum items allowed is " + MAX_ITEMS + ".");
    }
    // Validate everything first: BigCommerce applies an adjustment all-or-nothing.
    List<Target> targets = new ArrayList<>();
    for (JsonNode item : items) {
      if (Json.longValue(item, "location_id", DEFAULT_LOCATION) != DEFAULT_LOCATION) {
        throw ApiException.unprocessable(
            "items.location_id",
            "Location " + item.get("location_id").asText() + " does not exist.");
      }
      if (!item.hasNonNull("quantity") || item.get("quantity").asInt() < 0) {
        throw ApiException.unprocessable("items.quantity", "Quantity must be zero or more.");
      }
      targets.add(resolve(req.store(), item));
    }
    for (int i = 0; i < targets.size(); i++) {
      Target t = targets.get(i);
      CatalogOperations.setStock(
          req.store(), t.product, t.variant, items.get(i).get("quantity").asInt(), "updated");
    }
    return ApiResponse.ok(Json.object().put("transaction_id", UUID.randomUUID().toString()));
  }

  private record Target(Product product, Variant variant) {}

  private static Target resolve(Store store, JsonNode item) {
    if (item.hasNonNull("variant_id")) {
      long id = item.get("variant_id").asLong();
      for (Product p : store.products.values()) {
        for (Variant v : p.variants) {
          if (v.id == id) {
            if ("product".equals(p.inventoryTracking) && p.variants.size() > 1) {
              throw ApiException.unprocessable(
                  "items.variant_id",
                  "Inventory of product " + p.id + " is tracked by product, not by variant.");
            }
            return new Target(p, v);
          }
        }
      }
      throw ApiException.unprocessable("items.variant_id", "Variant " + id + " does not exist.");
    }
    if (item.hasNonNull("sku")) {
      String sku = item.get("sku").asText();
      Variant v =
          CatalogOperations.findVariantBySku(store, sku)
              .orElseThrow(
                  () -> ApiException.unprocessable("items.sku", "SKU " + sku + " does not exist."));
      return new Target(store.products.get(v.productId), v);
    }
    if (item.hasNonNull("product_id")) {
      Product p = store.products.get(item.get("product_id").asLong());
      if (p == null) {
        throw ApiException.unprocessable(
            "items.product_id", "Product " + item.get("product_id").asText() + " does not exist.");
      }
      if ("variant".equals(p.inventoryTracking)) {
        throw ApiException.unprocessable(
            "items.product_id", "Inventory of product " + p.id + " is tracked by variant.");
      }
      return new Target(p, p.baseVariant());
    }
    throw ApiException.unprocessable("items", "Each item needs variant_id, sku or product_id.");
  }
}
