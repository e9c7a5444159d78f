package io.bcsync.sim.bigcommerce.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.catalog.CatalogOperations;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Handler;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Location;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * V3 inventory (inventory.v3.yml): absolute adjustments per location, and the items' stock at every
 * location ({@code GET /inventory/items}). An item is a variant of a product tracked by variant,
 * else the product (its base variant).
 */
public final class V3InventoryApi {
  /** inventory.v3.yml: "Limit of 2000 items for payload length." */
  private static final int MAX_ITEMS = 2000;

  /** inventory.v3.yml, {@code GET /inventory/items}: "Limit of 1000 items for payload length." */
  private static final int MAX_ITEMS_READ = 1000;

  public void register(Router r) {
    r.add("PUT", "/v3/inventory/adjustments/absolute", Handler.problemJson(this::absolute));
    r.add("GET", "/v3/inventory/items", Handler.problemJson(this::items));
  }

  /**
   * Sets each item's stock at its location. Every item needs {@code location_id}, {@code quantity}
   * (a whole number from 0) and exactly one of {@code variant_id}, {@code sku}, {@code product_id}
   * (AdjustmentsAbsoluteRequest: {@code oneOf}, each with all three required); the location must
   * exist. One bad item refuses the whole request with 422 and nothing is set (the simulator's
   * reading of the single 200/422 answer the spec documents, which has no per-item result).
   */
  private ApiResponse absolute(ApiRequest req) {
    JsonNode items = req.json().path("items");
    if (!items.isArray() || items.isEmpty()) {
      throw ApiException.unprocessable("items", "The field 'items' is required.");
    }
    if (items.size() > MAX_ITEMS) {
      throw new ApiException(
          413, "The request payload is too large. The maximum items allowed is " + MAX_ITEMS + ".");
    }
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String at = "items." + i + ".";
      JsonNode location = item.get("location_id");
      if (location == null || !location.isIntegralNumber()) {
        throw ApiException.unprocessable(
            at + "location_id", "The field 'location_id' is required.");
      }
      if (!req.store().locations.containsKey(location.asLong())) {
        throw ApiException.unprocessable(
            at + "location_id", "Location " + location.asText() + " does not exist.");
      }
      JsonNode quantity = item.get("quantity");
      if (quantity == null
          || !quantity.isIntegralNumber()
          || quantity.asLong() < 0
          || quantity.asLong() > Integer.MAX_VALUE) {
        throw ApiException.unprocessable(
            at + "quantity", "Quantity must be a whole number from 0 to 2147483647.");
      }
      Target t = resolve(req.store(), item, at);
      targets.add(new Target(t.product, t.variant, location.asLong(), quantity.asInt()));
    }
    for (Target t : targets) {
      CatalogOperations.setStock(
          req.store(), t.product, t.variant, t.location, t.quantity, "updated");
    }
    return ApiResponse.ok(Json.object().put("transaction_id", UUID.randomUUID().toString()));
  }

  /**
   * The items (filtered by {@code variant_id:in}, {@code product_id:in}, {@code sku:in}) with their
   * stock at every location (or those of {@code location_id:in}), as ItemResponse: the on-hand
   * count, available to sell (no safety stock is kept here, so the same), default settings.
   */
  private ApiResponse items(ApiRequest req) {
    Optional<List<String>> variantIds = req.queryList("variant_id:in");
    Optional<List<String>> productIds = req.queryList("product_id:in");
    Optional<List<String>> skus = req.queryList("sku:in");
    Optional<List<String>> locationIds = req.queryList("location_id:in");
    Store store = req.store();
    List<Target> found = new ArrayList<>();
    for (Product p : store.products.values()) {
      List<Variant> items =
          "variant".equals(p.inventoryTracking) ? p.variants : List.of(p.baseVariant());
      for (Variant v : items) {
        if (variantIds.isPresent() && !variantIds.get().contains(Long.toString(v.id))
            || productIds.isPresent() && !productIds.get().contains(Long.toString(p.id))
            || skus.isPresent() && !skus.get().contains(v.sku)) {
          continue;
        }
        found.add(new Target(p, v, 0, 0));
      }
    }
    Paging.Page requested = Paging.of(req, 50);
    Paging.Page page =
        new Paging.Page(requested.page(), Math.min(MAX_ITEMS_READ, requested.limit()));
    ArrayNode data = Json.array();
    for (Target t : page.slice(found)) {
      ObjectNode item = data.addObject();
      ObjectNode identity = item.putObject("identity");
      identity.put("sku", t.variant.sku);
      identity.put("variant_id", t.variant.id);
      identity.put("product_id", t.product.id);
      identity.put("sku_id", t.variant.skuId == 0 ? t.variant.id : t.variant.skuId);
      ArrayNode at = item.putArray("locations");
      for (Location l : store.locations.values()) {
        if (locationIds.isPresent() && !locationIds.get().contains(Long.toString(l.id))) {
          continue;
        }
        int onHand = CatalogOperations.stockAt(t.product, t.variant, l.id);
        ObjectNode entry = at.addObject();
        entry.put("location_id", l.id);
        entry.put("location_code", l.code);
        entry.put("location_name", l.label);
        entry.put("available_to_sell", onHand);
        entry.put("total_inventory_onhand", onHand);
        entry.put("location_enabled", l.enabled);
        entry
            .putObject("settings")
            .put("safety_stock", 0)
            .put("is_in_stock", true)
            .put("warning_level", 0)
            .put("bin_picking_number", "");
      }
    }
    return ApiResponse.ok(Paging.v3Collection(data, found.size(), page));
  }

  private record Target(Product product, Variant variant, long location, int quantity) {}

  private static Target resolve(Store store, JsonNode item, String at) {
    int keys =
        (item.hasNonNull("variant_id") ? 1 : 0)
            + (item.hasNonNull("sku") ? 1 : 0)
            + (item.hasNonNull("product_id") ? 1 : 0);
    if (keys != 1) {
      throw ApiException.unprocessable(
          at.substring(0, at.length() - 1), "Each item needs one of variant_id, sku, product_id.");
    }
    if (item.hasNonNull("variant_id")) {
      long id = item.get("variant_id").asLong();
      for (Product p : store.products.values()) {
        for (Variant v : p.variants) {
          if (v.id == id) {
            if ("product".equals(p.inventoryTracking) && p.variants.size() > 1) {
              // The spec's example of this refusal (inventory.v3.yml, 422 "Item has another
              // tracking mode error").
              throw new ApiException(
                  422,
                  "[Item with variant_id "
                      + id
                      + " is tracked by product, please update stock by product id]");
            }
            return new Target(p, v, 0, 0);
          }
        }
      }
      throw ApiException.unprocessable(at + "variant_id", "Variant " + id + " does not exist.");
    }
    if (item.hasNonNull("sku")) {
      String sku = item.get("sku").asText();
      Variant v =
          CatalogOperations.findVariantBySku(store, sku)
              .orElseThrow(
                  () -> ApiException.unprocessable(at + "sku", "SKU " + sku + " does not exist."));
      return new Target(store.products.get(v.productId), v, 0, 0);
    }
    Product p = store.products.get(item.get("product_id").asLong());
    if (p == null) {
      throw ApiException.unprocessable(
          at + "product_id", "Product " + item.get("product_id").asText() + " does not exist.");
    }
    if ("variant".equals(p.inventoryTracking)) {
      throw ApiException.unprocessable(
          at + "product_id", "Inventory of product " + p.id + " is tracked by variant.");
    }
    return new Target(p, p.baseVariant(), 0, 0);
  }
}
