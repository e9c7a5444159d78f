package io.bcsync.sync.catalog;

import io.bcsync.sync.mapping.CatalogMapping;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * The mapped catalog fields of a Product2 that BigCommerce would refuse: checked for every store's
 * mapping before anything is sent, so bad data dead-letters the whole item instead of writing part
 * of it.
 */
final class ProductFieldChecks {
  /** productCustomField_Put: a value is 1 to 250 characters (products_catalog.v3.yml). */
  static final int MAX_CUSTOM_FIELD_VALUE = 250;

  private ProductFieldChecks() {}

  /** Why BigCommerce would refuse the product's mapped fields; null when it would not. */
  static String refusal(String id, Map<String, String> product, Collection<CatalogMapping> stores) {
    for (CatalogMapping store : stores) {
      String weightField = store.weightField();
      String weight = weightField == null ? null : product.get(weightField);
      if (weight != null && !weight.isBlank()) {
        BigDecimal value = WriteOutcomes.decimal(weight);
        if (value == null || value.signum() < 0) {
          return "Product2 "
              + id
              + " has a weight BigCommerce cannot hold in "
              + weightField
              + " ("
              + weight
              + "): a number from 0 is needed";
        }
      }
      for (Map.Entry<String, String> custom : store.customFields().entrySet()) {
        String value = product.get(custom.getValue());
        if (value != null && value.length() > MAX_CUSTOM_FIELD_VALUE) {
          return "Product2 "
              + id
              + " has "
              + value.length()
              + " characters in "
              + custom.getValue()
              + " for the custom field '"
              + custom.getKey()
              + "'; BigCommerce allows "
              + MAX_CUSTOM_FIELD_VALUE;
        }
      }
    }
    return null;
  }
}
