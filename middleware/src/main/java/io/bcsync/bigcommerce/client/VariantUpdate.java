package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One element of {@code PUT /v3/catalog/variants}. Null fields are not sent and keep their value (a
 * variant price therefore cannot be reset to "inherit the product price" through this type).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VariantUpdate(
    @JsonProperty("id") long id,
    @JsonProperty("sku") String sku,
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("sale_price") BigDecimal salePrice,
    @JsonProperty("retail_price") BigDecimal retailPrice,
    @JsonProperty("cost_price") BigDecimal costPrice,
    @JsonProperty("inventory_level") Integer inventoryLevel,
    @JsonProperty("upc") String upc) {

  public VariantUpdate {
    WriteChecks.positive(id, "variant id");
    WriteChecks.notNegative(price, "price");
    WriteChecks.notNegative(salePrice, "sale price");
    WriteChecks.notNegative(retailPrice, "retail price");
    WriteChecks.notNegative(costPrice, "cost price");
    WriteChecks.notNegative(inventoryLevel, "inventory level");
  }

  public static VariantUpdate of(long id) {
    return new VariantUpdate(id, null, null, null, null, null, null, null);
  }

  public VariantUpdate withSku(String value) {
    return new VariantUpdate(
        id, value, price, salePrice, retailPrice, costPrice, inventoryLevel, upc);
  }

  public VariantUpdate withPrice(BigDecimal value) {
    return new VariantUpdate(
        id, sku, value, salePrice, retailPrice, costPrice, inventoryLevel, upc);
  }

  public VariantUpdate withSalePrice(BigDecimal value) {
    return new VariantUpdate(id, sku, price, value, retailPrice, costPrice, inventoryLevel, upc);
  }

  public VariantUpdate withRetailPrice(BigDecimal value) {
    return new VariantUpdate(id, sku, price, salePrice, value, costPrice, inventoryLevel, upc);
  }

  public VariantUpdate withCostPrice(BigDecimal value) {
    return new VariantUpdate(id, sku, price, salePrice, retailPrice, value, inventoryLevel, upc);
  }

  public VariantUpdate withInventoryLevel(int value) {
    return new VariantUpdate(id, sku, price, salePrice, retailPrice, costPrice, value, upc);
  }

  public VariantUpdate withUpc(String value) {
    return new VariantUpdate(
        id, sku, price, salePrice, retailPrice, costPrice, inventoryLevel, value);
  }
}
