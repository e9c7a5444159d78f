package io.bcsync.sync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a store's {@code catalog:} section maps from a Salesforce {@code Product2} to its
 * BigCommerce product (docs/reverse-sync.md, "Catalog fields").
 *
 * @param skuField the Product2 field holding the product's SKU in this store; default {@code
 *     ProductCode}
 * @param weightField the numeric Product2 field that sets the product's weight; null: the weight is
 *     not written
 * @param customFields BigCommerce custom field name → the Product2 field that sets its value
 * @param salesforceOwned the catalog fields Salesforce owns in this store ({@code
 *     ownership.catalog_fields}; default {@link #FIELDS}, all of them): a field BigCommerce owns is
 *     not written from Salesforce
 */
public record CatalogMapping(
    String skuField,
    String weightField,
    Map<String, String> customFields,
    Set<String> salesforceOwned) {
  public static final String DEFAULT_SKU_FIELD = "ProductCode";

  public static final String PRICE = "price";
  public static final String STOCK = "stock";
  public static final String NAME = "name";
  public static final String DESCRIPTION = "description";
  public static final String VISIBILITY = "visibility";
  public static final String WEIGHT = "weight";
  public static final String CUSTOM_FIELDS = "custom_fields";

  /**
   * The catalog fields a side can own, Salesforce's by default (issue 17: "catalog prices,
   * inventory ... owned by Salesforce"). {@code price} covers variant prices and price-list
   * records.
   */
  public static final List<String> FIELDS =
      List.of(PRICE, STOCK, NAME, DESCRIPTION, VISIBILITY, WEIGHT, CUSTOM_FIELDS);

  public CatalogMapping {
    customFields = Map.copyOf(customFields);
    salesforceOwned = salesforceOwned == null ? Set.copyOf(FIELDS) : Set.copyOf(salesforceOwned);
  }

  /** Every catalog field owned by Salesforce (the default). */
  public CatalogMapping(String skuField, String weightField, Map<String, String> customFields) {
    this(skuField, weightField, customFields, null);
  }

  /** The default: SKU from ProductCode, no weight, no custom fields, Salesforce owning them all. */
  public static CatalogMapping none() {
    return new CatalogMapping(DEFAULT_SKU_FIELD, null, Map.of());
  }

  /** Whether Salesforce owns this catalog field (one of {@link #FIELDS}) in the store. */
  public boolean owns(String field) {
    return salesforceOwned.contains(field);
  }

  /** The Product2 fields this mapping reads besides the flows' own. */
  public List<String> productFields() {
    List<String> fields = new ArrayList<>();
    fields.add(skuField);
    if (weightField != null) {
      fields.add(weightField);
    }
    fields.addAll(customFields.values());
    return fields;
  }
}
