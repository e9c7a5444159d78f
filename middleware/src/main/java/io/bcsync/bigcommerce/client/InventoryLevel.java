package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of {@code PUT /v3/inventory/adjustments/absolute}: the stock level to set at a location,
 * for an item named by exactly one of variant id, SKU, or product id (the last only for products
 * tracked without variants; BigCommerce answers 422 when the key does not match how the item is
 * tracked).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InventoryLevel(
    @JsonProperty("location_id") long locationId,
    @JsonProperty("variant_id") Long variantId,
    @JsonProperty("sku") String sku,
    @JsonProperty("product_id") Long productId,
    @JsonProperty("quantity") int quantity) {

  /** The location every store has; multi-location stores name theirs. */
  public static final long DEFAULT_LOCATION = 1;

  public InventoryLevel {
    WriteChecks.positive(locationId, "location id");
    WriteChecks.exactlyOne("an inventory item", variantId, sku, productId);
    if (quantity < 0) {
      throw new IllegalArgumentException("an absolute stock level must not be negative");
    }
  }

  public static InventoryLevel ofVariant(long locationId, long variantId, int quantity) {
    return new InventoryLevel(locationId, variantId, null, null, quantity);
  }

  public static InventoryLevel ofSku(long locationId, String sku, int quantity) {
    return new InventoryLevel(locationId, null, WriteChecks.notBlank(sku, "sku"), null, quantity);
  }

  public static InventoryLevel ofProduct(long locationId, long productId, int quantity) {
    return new InventoryLevel(locationId, null, null, productId, quantity);
  }
}
