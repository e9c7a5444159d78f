package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Salesforce → BigCommerce (issue 17). Bound from {@code bcsync.sync.reverse.*}.
 *
 * @param pricebookId the price book whose entries set variant prices; null: the standard price book
 * @param inventoryField the numeric Product2 field that holds the stock level (the package adds
 *     {@code BC_Inventory_Level__c}; any other numeric field can be named)
 * @param locationId the BigCommerce inventory location the stock level is set at (1: the location
 *     every store has)
 */
@ConfigurationProperties(ReverseSyncConfig.PREFIX)
public record ReverseSyncConfig(
    @Nullable String pricebookId,
    @Bindable(defaultValue = "BC_Inventory_Level__c") String inventoryField,
    @Bindable(defaultValue = "1") long locationId) {

  public static final String PREFIX = "bcsync.sync.reverse";

  public ReverseSyncConfig {
    if (pricebookId != null && !pricebookId.matches("[a-zA-Z0-9]{15}|[a-zA-Z0-9]{18}")) {
      throw new InvalidConfigurationException(
          PREFIX + ".pricebook-id", "must be a 15- or 18-character Salesforce id");
    }
    // Put into SOQL as it is: only a field name is accepted.
    if (inventoryField == null || !inventoryField.matches("[A-Za-z]\\w{0,79}")) {
      throw new InvalidConfigurationException(
          PREFIX + ".inventory-field", "must be the API name of a Product2 field");
    }
    if (locationId < 1) {
      throw new InvalidConfigurationException(PREFIX + ".location-id", "must be positive");
    }
  }
}
