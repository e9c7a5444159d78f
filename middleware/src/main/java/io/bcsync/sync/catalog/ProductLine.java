package io.bcsync.sync.catalog;

import java.math.BigDecimal;

/**
 * A product as an order line sells it: the BigCommerce product and variant, its SKU and name, and
 * the unit price the price book entry is created with when it does not exist yet (existing entries
 * are never repriced here: the line carries its own unit price).
 *
 * @param variantKey the value of {@code Product2.BC_Variant_Key__c}: {@code
 *     {store_hash}:{product_id}:{variant_id}}
 */
public record ProductLine(
    String storeHash,
    long productId,
    long variantId,
    String sku,
    String name,
    BigDecimal unitPrice,
    String currencyCode) {

  public String variantKey() {
    return storeHash + ":" + productId + ":" + variantId;
  }
}
