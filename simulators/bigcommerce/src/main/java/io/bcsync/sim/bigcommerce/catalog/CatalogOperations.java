package io.bcsync.sim.bigcommerce.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.store.Events;
import io.bcsync.sim.bigcommerce.store.Location;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.ProductCustomField;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.Variant;
import java.math.BigDecimal;
import java.util.Optional;

/** Catalog and stock changes shared by the REST and control APIs, with their webhooks. */
public final class CatalogOperations {
  private CatalogOperations() {}

  /** Creates a product and its base variant from a V3 product body. */
  public static Product create(Store store, JsonNode body) {
    for (String field : new String[] {"name", "type", "weight", "price"}) {
      if (!body.hasNonNull(field)) {
        throw ApiException.unprocessable(field, "The field '" + field + "' is required.");
      }
    }
    String name = body.get("name").asText();
    if (store.products.values().stream().anyMatch(p -> p.name.equals(name))) {
      throw new ApiException(
          409,
          "The product name is a duplicate",
          java.util.Map.of("name", "The product name is a duplicate"));
    }
    String sku = Json.text(body, "sku", "");
    if (!sku.isEmpty() && findVariantBySku(store, sku).isPresent()) {
      throw new ApiException(
          409, "The SKU is a duplicate", java.util.Map.of("sku", "Sku " + sku + " is not unique"));
    }
    Product p = new Product();
    p.id = store.nextId();
    p.name = name;
    p.type = body.get("type").asText();
    p.sku = sku;
    p.dateCreated = store.now();
    apply(p, body);
    Variant base = new Variant();
    base.id = store.nextId();
    base.productId = p.id;
    base.sku = p.sku;
    base.skuId = 0;
    base.inventoryLevel = p.inventoryLevel;
    p.variants.add(base);
    p.dateModified = store.now();
    store.products.put(p.id, p);
    store.publish("store/product/created", Events.resource("product", p.id));
    return p;
  }

  /** Applies writable fields of a V3 product body (create or update). */
  public static void apply(Product p, JsonNode body) {
    p.name = Json.text(body, "name", p.name);
    p.sku = Json.text(body, "sku", p.sku);
    p.description = Json.text(body, "description", p.description);
    p.price = decimal(body, "price", p.price);
    p.costPrice = decimal(body, "cost_price", p.costPrice);
    p.retailPrice = decimal(body, "retail_price", p.retailPrice);
    p.salePrice = decimal(body, "sale_price", p.salePrice);
    p.weight = decimal(body, "weight", p.weight);
    p.inventoryLevel = (int) Json.longValue(body, "inventory_level", p.inventoryLevel);
    p.inventoryWarningLevel =
        (int) Json.longValue(body, "inventory_warning_level", p.inventoryWarningLevel);
    p.inventoryTracking = Json.text(body, "inventory_tracking", p.inventoryTracking);
    p.isVisible = Json.bool(body, "is_visible", p.isVisible);
    p.brandId = Json.longValue(body, "brand_id", p.brandId);
    if (body.has("categories")) {
      p.categories = new java.util.ArrayList<>();
      body.get("categories").forEach(c -> p.categories.add(c.asLong()));
    }
    if (!p.variants.isEmpty() && body.has("sku")) {
      p.baseVariant().sku = p.sku;
    }
    applyCustomFields(p, body);
  }

  /**
   * {@code custom_fields} of a product body: an element with an id updates that field of the
   * product, one without adds a field (productCustomField_Put: the id is "Required to update
   * existing custom field"), so sending a name twice without id leaves two fields of that name.
   */
  private static void applyCustomFields(Product p, JsonNode body) {
    for (JsonNode f : Json.elements(body.get("custom_fields"))) {
      ProductCustomField field =
          f.hasNonNull("id")
              ? p.customFields.stream()
                  .filter(x -> x.id == f.get("id").asLong())
                  .findFirst()
                  .orElseThrow()
              : null;
      if (field == null) {
        field = new ProductCustomField();
        field.id = p.customFields.stream().mapToLong(x -> x.id).max().orElse(0) + 1;
        p.customFields.add(field);
      }
      field.name = f.get("name").asText();
      field.value = f.get("value").asText();
    }
  }

  /**
   * Refuses (422) what a product update may not carry: custom fields whose name or value is not 1
   * to 250 characters or whose id the product lacks (productCustomField_Put), a negative weight
   * (stricter than the spec, which states no minimum: a weight below zero is meaningless).
   */
  public static void checkUpdate(Product p, JsonNode body) {
    if (body.hasNonNull("weight") && body.get("weight").decimalValue().signum() < 0) {
      throw ApiException.unprocessable("weight", "Product " + p.id + ": weight must be 0 or more.");
    }
    for (JsonNode f : Json.elements(body.get("custom_fields"))) {
      for (String part : new String[] {"name", "value"}) {
        String text = f.path(part).asText("");
        if (text.isEmpty() || text.length() > 250) {
          throw ApiException.unprocessable(
              "custom_fields." + part, "A custom field " + part + " is 1 to 250 characters long.");
        }
      }
      if (f.hasNonNull("id")
          && p.customFields.stream().noneMatch(x -> x.id == f.get("id").asLong())) {
        throw ApiException.unprocessable(
            "custom_fields.id", "Custom field " + f.get("id").asLong() + " was not found.");
      }
    }
  }

  public static void update(Store store, Product p, JsonNode body) {
    apply(p, body);
    p.dateModified = store.now();
    store.publish("store/product/updated", Events.resource("product", p.id));
  }

  public static Variant addVariant(Store store, Product p, JsonNode body) {
    String sku = Json.text(body, "sku", null);
    if (sku == null || sku.isEmpty()) {
      throw ApiException.unprocessable("sku", "The field 'sku' is required.");
    }
    if (findVariantBySku(store, sku).isPresent()) {
      throw new ApiException(
          409, "The SKU is a duplicate", java.util.Map.of("sku", "Sku " + sku + " is not unique"));
    }
    Variant v = new Variant();
    v.id = store.nextId();
    v.productId = p.id;
    v.sku = sku;
    v.skuId = store.nextId();
    applyVariant(v, body);
    p.variants.add(v);
    p.dateModified = store.now();
    ObjectNode data = Events.resource("sku", v.skuId);
    data.putObject("sku").put("product_id", p.id).put("variant_id", v.id);
    store.publish("store/sku/created", data);
    return v;
  }

  public static void updateVariant(Store store, Product p, Variant v, JsonNode body) {
    applyVariant(v, body);
    p.dateModified = store.now();
    ObjectNode data = Events.resource("sku", v.skuId == 0 ? v.id : v.skuId);
    data.putObject("sku").put("product_id", p.id).put("variant_id", v.id);
    store.publish("store/sku/updated", data);
  }

  private static void applyVariant(Variant v, JsonNode body) {
    v.sku = Json.text(body, "sku", v.sku);
    if (body.has("price"))
      v.price = body.get("price").isNull() ? null : new BigDecimal(body.get("price").asText());
    if (body.has("sale_price"))
      v.salePrice =
          body.get("sale_price").isNull() ? null : new BigDecimal(body.get("sale_price").asText());
    if (body.has("cost_price"))
      v.costPrice =
          body.get("cost_price").isNull() ? null : new BigDecimal(body.get("cost_price").asText());
    v.inventoryLevel = (int) Json.longValue(body, "inventory_level", v.inventoryLevel);
  }

  /**
   * Sets stock at the default location (1); see {@link #setStock(Store, Product, Variant, long,
   * int, String)}.
   */
  public static void setStock(Store store, Product p, Variant v, int level, String scopeSuffix) {
    setStock(store, p, v, Location.DEFAULT_ID, level, scopeSuffix);
  }

  /**
   * Sets the stock of an item at a location to an absolute level and fires the product- or
   * SKU-level inventory hook, per tracking mode. The hook's {@code value} is the change of the
   * item's count (webhooks.v3.yml, {@code store/product/inventory/updated}: "the difference between
   * an itemʼs inventory count before and after the inventory updates"; {@code
   * store/sku/inventory/updated}: "The number of items that the inventory changed by"). A product
   * tracked by variant totals its variants' default-location levels (products_catalog.v3.yml,
   * {@code inventory_level}: "The sum of the variant inventories, or the total inventory for a
   * product").
   */
  public static void setStock(
      Store store, Product p, Variant v, long location, int level, String scopeSuffix) {
    boolean byVariant = "variant".equals(p.inventoryTracking);
    Variant item = byVariant ? v : p.baseVariant();
    int change = level - stockAt(p, item, location);
    if (location != Location.DEFAULT_ID) {
      item.stockElsewhere.put(location, level);
    } else if (byVariant) {
      v.inventoryLevel = level;
      p.inventoryLevel = p.variants.stream().mapToInt(x -> x.inventoryLevel).sum();
    } else {
      p.inventoryLevel = level;
      item.inventoryLevel = level;
    }
    if (byVariant) {
      ObjectNode data = Events.resource("sku", v.skuId == 0 ? v.id : v.skuId);
      data.putObject("inventory")
          .put("product_id", p.id)
          .put("method", "absolute")
          .put("value", change)
          .put("variant_id", v.id);
      store.publish("store/sku/inventory/" + scopeSuffix, data);
    } else {
      ObjectNode data = Events.resource("product", p.id);
      data.putObject("inventory")
          .put("product_id", p.id)
          .put("method", "absolute")
          .put("value", change);
      store.publish("store/product/inventory/" + scopeSuffix, data);
    }
    p.dateModified = store.now();
  }

  /**
   * The stock of an inventory item (a variant tracked by variant, else the product's base variant)
   * at a location.
   */
  public static int stockAt(Product p, Variant item, long location) {
    if (location != Location.DEFAULT_ID) {
      return item.stockElsewhere.getOrDefault(location, 0);
    }
    return "variant".equals(p.inventoryTracking) ? item.inventoryLevel : p.inventoryLevel;
  }

  /**
   * Stock taken by an order: only for tracked products, firing the ".../inventory/order/updated"
   * hooks.
   */
  public static void consumeStock(Store store, long productId, long variantId, int quantity) {
    Product p = store.products.get(productId);
    if (p == null || "none".equals(p.inventoryTracking)) {
      return;
    }
    Variant v =
        p.variants.stream().filter(x -> x.id == variantId).findFirst().orElse(p.baseVariant());
    int current = "variant".equals(p.inventoryTracking) ? v.inventoryLevel : p.inventoryLevel;
    setStock(store, p, v, Math.max(0, current - quantity), "order/updated");
  }

  public static Optional<Variant> findVariantBySku(Store store, String sku) {
    return store.products.values().stream()
        .flatMap(p -> p.variants.stream())
        .filter(v -> sku.equals(v.sku))
        .findFirst();
  }

  private static BigDecimal decimal(JsonNode body, String field, BigDecimal fallback) {
    return body.hasNonNull(field) ? new BigDecimal(body.get(field).asText()) : fallback;
  }
}
