package io.bcsync.sim.bigcommerce.pricelists;

import io.bcsync.sim.bigcommerce.catalog.CatalogOperations;
import io.bcsync.sim.bigcommerce.store.Store;
import java.math.BigDecimal;

/**
 * The price a signed-in customer sees for a SKU on channel 1, in a currency: the record of the
 * active price list assigned to the customer's group (on channel 1 or on every channel) (price
 * lists override catalog prices for the groups they are assigned to; reference/bigcommerce.md §9),
 * else the catalog price. What a storefront would show, for tests of a tier change; no discount
 * rules, no sale prices.
 */
public final class PriceSeen {
  private PriceSeen() {}

  /** Call under the store's lock. */
  public static BigDecimal by(Store s, long customerId, String sku, String currency) {
    var variant =
        CatalogOperations.findVariantBySku(s, sku)
            .orElseThrow(() -> new IllegalArgumentException("no SKU " + sku));
    long group = s.customers.get(customerId).customerGroupId;
    return s.priceListAssignments.values().stream()
        .filter(a -> group != 0 && a.customerGroupId == group && a.channelId <= 1)
        .filter(a -> s.priceLists.containsKey(a.priceListId))
        .filter(a -> s.priceLists.get(a.priceListId).active)
        .flatMap(
            a ->
                s.priceRecords.stream()
                    .filter(r -> r.priceListId == a.priceListId)
                    .filter(r -> r.variantId == variant.id)
                    .filter(r -> r.currency.equalsIgnoreCase(currency)))
        .map(r -> r.price)
        .findFirst()
        .orElseGet(
            () -> variant.price != null ? variant.price : s.products.get(variant.productId).price);
  }
}
