package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One element of {@code PUT /v3/catalog/products}. Null fields are not sent and keep their value on
 * BigCommerce (partial update; a field cannot be cleared through this type). Prices are exact
 * decimals, never doubles.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductUpdate(
    @JsonProperty("id") long id,
    @JsonProperty("name") String name,
    @JsonProperty("sku") String sku,
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("cost_price") BigDecimal costPrice,
    @JsonProperty("retail_price") BigDecimal retailPrice,
    @JsonProperty("sale_price") BigDecimal salePrice,
    @JsonProperty("inventory_level") Integer inventoryLevel,
    @JsonProperty("inventory_warning_level") Integer inventoryWarningLevel,
    @JsonProperty("inventory_tracking") InventoryTracking inventoryTracking,
    @JsonProperty("is_visible") Boolean visible) {

  /** How BigCommerce tracks a product's stock; the wire values are lower case. */
  public enum InventoryTracking {
    @JsonProperty("none")
    NONE,
    @JsonProperty("product")
    PRODUCT,
    @JsonProperty("variant")
    VARIANT
  }

  public ProductUpdate {
    WriteChecks.positive(id, "product id");
    WriteChecks.notNegative(price, "price");
    WriteChecks.notNegative(costPrice, "cost price");
    WriteChecks.notNegative(retailPrice, "retail price");
    WriteChecks.notNegative(salePrice, "sale price");
    WriteChecks.notNegative(inventoryLevel, "inventory level");
    WriteChecks.notNegative(inventoryWarningLevel, "inventory warning level");
  }

  public static ProductUpdate of(long id) {
    return new ProductUpdate(id, null, null, null, null, null, null, null, null, null, null);
  }

  public ProductUpdate withName(String value) {
    return new ProductUpdate(
        id,
        value,
        sku,
        price,
        costPrice,
        retailPrice,
        salePrice,
        inventoryLevel,
        inventoryWarningLevel,
        inventoryTracking,
        visible);
  }

  public ProductUpdate withSku(String value) {
    return new ProductUpdate(
        id,
        name,
        value,
        price,
        costPrice,
        retailPrice,
        salePrice,
        inventoryLevel,
        inventoryWarningLevel,
        inventoryTracking,
        visible);
  }

  public ProductUpdate withPrice(BigDecimal value) {
    return new ProductUpdate(
        id,
        name,
        sku,
        value,
        costPrice,
        retailPrice,
        salePrice,
        inventoryLevel,
        inventoryWarningLevel,
        inventoryTracking,
        visible);
  }

  public ProductUpdate withCostPrice(BigDecimal value) {
    return new ProductUpdate(
        id,
        name,
        sku,
        price,
        value,
        retailPrice,
        salePrice,
        inventoryLevel,
        inventoryWarningLevel,
        inventoryTracking,
        visible);
  }

  public ProductUpdate withRetailPrice(BigDecimal value) {
    return new ProductUpdate(
        id,
        name,
        sku,
        price,
        costPrice,
        value,
        salePrice,
        inventoryLevel,
        inventoryWarningLevel,
        inventoryTracking,
        visible);
  }

  public ProductUpdate withSalePrice(BigDecimal value) {
    return new ProductUpdate(
        id,
        name,
        sku,
        price,
        costPrice,
        retailPrice,
        value,
        inventoryLevel,
        inventoryWarningLevel,
        inventoryTracking,
        visible);
  }

  /**
   * Catalog stock writes still work but inventory adjustments ({@link
   * PricingApi#adjustInventoryAbsolute}) are the method BigCommerce prefers; this is here for
   * stores that track stock on the product.
   */
  public ProductUpdate withInventory(int level, InventoryTracking tracking) {
    return new ProductUpdate(
        id,
        name,
        sku,
        price,
        costPrice,
        retailPrice,
        salePrice,
        level,
        inventoryWarningLevel,
        tracking,
        visible);
  }

  public ProductUpdate withInventoryWarningLevel(int value) {
    return new ProductUpdate(
        id,
        name,
        sku,
        price,
        costPrice,
        retailPrice,
        salePrice,
        inventoryLevel,
        value,
        inventoryTracking,
        visible);
  }

  public ProductUpdate withVisible(boolean value) {
    return new ProductUpdate(
        id,
        name,
        sku,
        price,
        costPrice,
        retailPrice,
        salePrice,
        inventoryLevel,
        inventoryWarningLevel,
        inventoryTracking,
        value);
  }
}
