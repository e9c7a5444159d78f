package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Settings of the order sync's lookups in Salesforce (price book, lead conversion). Same prefix as
 * {@link SalesforceConfig}, kept apart so the connection settings record stays as it is.
 *
 * @param pricebookId the price book orders are created with (15 or 18 characters, 01s...); else
 * @param pricebookName a price book looked up by name once; neither: the org's standard price book
 * @param leadConvertedStatus the Lead status meaning "converted" in this org (a LeadStatus with
 *     IsConverted=true)
 * @param productCacheSize how many variant keys -> PricebookEntry ids are kept in memory
 */
@ConfigurationProperties(SalesforceConfig.PREFIX)
public record SalesforceLookupConfig(
    @Nullable String pricebookId,
    @Nullable String pricebookName,
    @Bindable(defaultValue = "Closed - Converted") String leadConvertedStatus,
    @Bindable(defaultValue = "50000") int productCacheSize) {

  public SalesforceLookupConfig {
    if (pricebookId != null && !pricebookId.matches("01s[0-9A-Za-z]{12}([0-9A-Za-z]{3})?")) {
      throw new InvalidConfigurationException(
          SalesforceConfig.PREFIX + ".pricebook-id",
          "must be a 15 or 18 character Pricebook2 id (01s...)");
    }
    if (pricebookId != null && pricebookName != null) {
      throw new InvalidConfigurationException(
          SalesforceConfig.PREFIX + ".pricebook-name",
          "set either pricebook-id or pricebook-name, not both");
    }
    if (leadConvertedStatus.isBlank()) {
      throw new InvalidConfigurationException(
          SalesforceConfig.PREFIX + ".lead-converted-status", "must not be blank");
    }
    if (productCacheSize < 1) {
      throw new InvalidConfigurationException(
          SalesforceConfig.PREFIX + ".product-cache-size", "must be positive");
    }
  }

  public static SalesforceLookupConfig defaults() {
    return new SalesforceLookupConfig(null, null, "Closed - Converted", 50_000);
  }
}
