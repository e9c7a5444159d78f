package io.bcsync.sync.mapping;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a store's mapping file says about Salesforce → BigCommerce writes.
 *
 * @param segmentField the Contact field (or {@code Account.<field>}, read through the Contact's
 *     Account) whose value names the customer's BigCommerce group; default {@code BC_Segment__c}
 * @param groups segment value → BigCommerce customer group id (0: no group); empty: groups are not
 *     written
 * @param priceLists {@code standard/<currency>} or {@code <15-character price book id>/<currency>}
 *     (upper case) → BigCommerce price list id
 * @param createProducts whether a Salesforce product found in no store may be created in this one
 *     ({@code catalog.create_products}; default false: update only)
 * @param catalog the SKU, weight and custom fields a Product2 sets ({@code catalog:})
 */
public record ReverseMapping(
    String segmentField,
    Map<String, Long> groups,
    Map<String, Long> priceLists,
    boolean createProducts,
    CatalogMapping catalog) {
  public static final String DEFAULT_SEGMENT_FIELD = "BC_Segment__c";

  public ReverseMapping {
    groups = Map.copyOf(groups);
    priceLists = Map.copyOf(priceLists);
    catalog = catalog == null ? CatalogMapping.none() : catalog;
  }

  /** Without catalog field mappings (SKU from ProductCode, no weight, no custom fields). */
  public ReverseMapping(
      String segmentField,
      Map<String, Long> groups,
      Map<String, Long> priceLists,
      boolean createProducts) {
    this(segmentField, groups, priceLists, createProducts, CatalogMapping.none());
  }

  /** Nothing configured: no group writes, no price lists. */
  public static ReverseMapping none() {
    return new ReverseMapping(DEFAULT_SEGMENT_FIELD, Map.of(), Map.of(), false);
  }

  /**
   * The price list of a price book's entries in a currency, if the store has one: by the book's id,
   * else, for the standard price book, by {@code standard}.
   */
  public Optional<Long> priceList(String pricebookId, boolean standard, String currency) {
    if (currency == null) {
      return Optional.empty();
    }
    String cur = currency.toUpperCase(Locale.ROOT);
    if (pricebookId != null && pricebookId.length() >= 15) {
      Long byId = priceLists.get(pricebookId.substring(0, 15) + "/" + cur);
      if (byId != null) {
        return Optional.of(byId);
      }
    }
    return standard ? Optional.ofNullable(priceLists.get("standard/" + cur)) : Optional.empty();
  }
}
