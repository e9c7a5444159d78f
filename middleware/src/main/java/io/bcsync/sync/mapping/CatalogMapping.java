package io.bcsync.sync.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a store's {@code catalog:} section maps from a Salesforce {@code Product2} to its
 * BigCommerce product (docs/reverse-sync.md, "Catalog fields").
 *
 * @param skuField the Product2 field holding the product's SKU in this store; default {@code
 *     ProductCode}
 * @param weightField the numeric Product2 field that sets the product's weight; null: the weight is
 *     not written
 * @param customFields BigCommerce custom field name → the Product2 field that sets its value
 */
public record CatalogMapping(
    String skuField, String weightField, Map<String, String> customFields) {
  public static final String DEFAULT_SKU_FIELD = "ProductCode";

  public CatalogMapping {
    customFields = Map.copyOf(customFields);
  }

  /** The default: SKU from ProductCode, no weight, no custom fields. */
  public static CatalogMapping none() {
    return new CatalogMapping(DEFAULT_SKU_FIELD, null, Map.of());
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
