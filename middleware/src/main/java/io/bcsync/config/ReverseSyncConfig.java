package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.List;

/**
 * Salesforce → BigCommerce (issue 17). Bound from {@code bcsync.sync.reverse.*}.
 *
 * @param pricebookId the price book whose entries set variant prices; null: the standard price book
 * @param inventoryField the numeric Product2 field that holds the stock level (the package adds
 *     {@code BC_Inventory_Level__c}; any other numeric field can be named)
 * @param locationId the BigCommerce inventory location the stock level is set at (1: the location
 *     every store has)
 * @param customerFields the BigCommerce customer fields Salesforce owns, written from a linked
 *     Contact: any of {@code first_name}, {@code last_name}, {@code phone}, {@code company}, {@code
 *     notes} (from the Contact's {@code Description} unless a store maps another field). Default
 *     {@code phone} and {@code company}: customer identity is BigCommerce-owned (issue 17), and the
 *     names are what the shopper typed at sign-up, while a phone or a company is what service
 *     corrects in Salesforce. E-mail is never written (it is the shopper's login).
 * @param currency the currency variant prices are in; null (the default): the connected stores'
 *     default currency, read from {@code GET /v2/store} ({@code currency}, "Default currency code"
 *     in store_information.v2.yml). In a single-currency org every entry is in it; in a
 *     multi-currency org, entries in another currency never set the variant price (they can go to a
 *     price list)
 * @param multiCurrency whether the org has multi-currency on: then each entry's {@code
 *     CurrencyIsoCode} is read (a single-currency org has no such field, so it is not queried)
 */
@ConfigurationProperties(ReverseSyncConfig.PREFIX)
public record ReverseSyncConfig(
    @Nullable String pricebookId,
    @Bindable(defaultValue = "BC_Inventory_Level__c") String inventoryField,
    @Bindable(defaultValue = "1") long locationId,
    @Bindable(defaultValue = "phone,company") List<String> customerFields,
    @Nullable String currency,
    @Bindable(defaultValue = "false") boolean multiCurrency) {

  public static final String PREFIX = "bcsync.sync.reverse";

  /** The customer fields a Contact can set, in the order they are written. */
  public static final List<String> CUSTOMER_FIELDS =
      List.of("first_name", "last_name", "phone", "company", "notes", "tax_exempt_category");

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
    if (currency != null && currency.isBlank()) {
      currency = null;
    }
    if (currency != null && !currency.matches("[A-Za-z]{3}")) {
      throw new InvalidConfigurationException(
          PREFIX + ".currency", "must be a 3-letter ISO 4217 currency code");
    }
    currency = currency == null ? null : currency.toUpperCase(java.util.Locale.ROOT);
    customerFields = customerFields == null ? List.of() : List.copyOf(customerFields);
    for (String field : customerFields) {
      if (!CUSTOMER_FIELDS.contains(field)) {
        throw new InvalidConfigurationException(
            PREFIX + ".customer-fields", "each must be one of " + CUSTOMER_FIELDS);
      }
      if (field.equals("tax_exempt_category")) {
        // It has no standard Contact field: only a store's customers.fields can name its source.
        throw new InvalidConfigurationException(
            PREFIX + ".customer-fields",
            "tax_exempt_category is owned per store, with customers.fields naming its Contact"
                + " field");
      }
    }
  }
}
