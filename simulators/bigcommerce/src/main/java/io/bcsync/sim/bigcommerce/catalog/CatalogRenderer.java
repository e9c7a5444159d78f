package io.bcsync.sim.bigcommerce.catalog;

import static io.bcsync.sim.bigcommerce.http.Formats.v3Date;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.Variant;

/** V3 catalog shapes: prices as numbers, ISO 8601 dates. */
public final class CatalogRenderer {
  private CatalogRenderer() {}

  public static ObjectNode product(Product p, boolean withVariants) {
    return product(p, withVariants, false);
  }

  /**
   * With {@code include=custom_fields}: the product's custom fields as {@code {id, name, value}}.
   */
  public static ObjectNode product(Product p, boolean withVariants, boolean withCustomFields) {
    ObjectNode n = Json.object();
    n.put("id", p.id);
    n.put("name", p.name);
    n.put("type", p.type);
    n.put("sku", p.sku);
    n.put("description", p.description);
    n.put("weight", p.weight);
    n.put("width", 0);
    n.put("depth", 0);
    n.put("height", 0);
    n.put("price", p.price);
    n.put("cost_price", p.costPrice);
    n.put("retail_price", p.retailPrice);
    n.put("sale_price", p.salePrice);
    n.put("map_price", 0);
    n.put("tax_class_id", 0);
    n.put("product_tax_code", "");
    n.put("calculated_price", p.salePrice.signum() > 0 ? p.salePrice : p.price);
    ArrayNode categories = n.putArray("categories");
    p.categories.forEach(categories::add);
    n.put("brand_id", p.brandId);
    n.put("option_set_id", 0);
    n.put("option_set_display", "right");
    n.put("inventory_level", p.inventoryLevel);
    n.put("inventory_warning_level", p.inventoryWarningLevel);
    n.put("inventory_tracking", p.inventoryTracking);
    n.put("is_free_shipping", false);
    n.put("is_visible", p.isVisible);
    n.put("is_featured", false);
    n.put("upc", "");
    n.put("mpn", "");
    n.put("gtin", "");
    n.put("availability", "available");
    n.put("condition", "New");
    n.put("is_condition_shown", false);
    n.put("sort_order", 0);
    n.put("total_sold", 0);
    n.put("base_variant_id", p.baseVariant().id);
    n.put("date_created", v3Date(p.dateCreated));
    n.put("date_modified", v3Date(p.dateModified));
    if (withVariants) {
      ArrayNode variants = n.putArray("variants");
      p.variants.forEach(v -> variants.add(variant(p, v)));
    }
    if (withCustomFields) {
      ArrayNode fields = n.putArray("custom_fields");
      p.customFields.forEach(
          f -> fields.addObject().put("id", f.id).put("name", f.name).put("value", f.value));
    }
    return n;
  }

  public static ObjectNode variant(Product p, Variant v) {
    ObjectNode n = Json.object();
    n.put("id", v.id);
    n.put("product_id", p.id);
    n.put("sku", v.sku);
    if (v.skuId == 0) {
      n.putNull("sku_id");
    } else {
      n.put("sku_id", v.skuId);
    }
    if (v.price == null) n.putNull("price");
    else n.put("price", v.price);
    n.put("calculated_price", v.price == null ? p.price : v.price);
    // Unset variant prices inherit from the product; the spec types them as numbers, so they are
    // left out.
    if (v.salePrice != null) n.put("sale_price", v.salePrice);
    n.put("cost_price", v.costPrice == null ? java.math.BigDecimal.ZERO : v.costPrice);
    n.put("calculated_weight", p.weight);
    n.put("inventory_level", v.inventoryLevel);
    n.put("inventory_warning_level", 0);
    n.put("purchasing_disabled", false);
    n.put("purchasing_disabled_message", "");
    n.put("upc", "");
    n.put("mpn", "");
    n.put("gtin", "");
    ArrayNode options = n.putArray("option_values");
    if (v.optionLabel != null) {
      options
          .addObject()
          .put("id", v.id)
          .put("label", v.optionValue)
          .put("option_id", 1)
          .put("option_display_name", v.optionLabel);
    }
    return n;
  }
}
