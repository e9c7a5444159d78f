package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * One element of {@code PUT /v3/pricelists/{id}/records}: the price of one variant (by id or SKU,
 * never both) in one currency. Upsert: a record for the same variant and currency is replaced. Bulk
 * pricing tiers are not modelled (the sync does not write them). For products with variants, use
 * variant records, not the parent product SKU.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PriceRecordUpsert(
    @JsonProperty("variant_id") Long variantId,
    @JsonProperty("sku") String sku,
    @JsonProperty("currency") String currency,
    @JsonProperty("price") BigDecimal price,
    @JsonProperty("sale_price") BigDecimal salePrice,
    @JsonProperty("retail_price") BigDecimal retailPrice,
    @JsonProperty("map_price") BigDecimal mapPrice) {

  public PriceRecordUpsert {
    WriteChecks.exactlyOne("a price record", variantId, sku);
    if (variantId != null) {
      WriteChecks.positive(variantId, "variant id");
    }
    currency = WriteChecks.notBlank(currency, "currency").toUpperCase(Locale.ROOT);
    if (price == null) {
      throw new IllegalArgumentException("price is required");
    }
    WriteChecks.notNegative(price, "price");
    WriteChecks.notNegative(salePrice, "sale price");
    WriteChecks.notNegative(retailPrice, "retail price");
    WriteChecks.notNegative(mapPrice, "MAP price");
  }

  public static PriceRecordUpsert forVariant(long variantId, String currency, BigDecimal price) {
    return new PriceRecordUpsert(variantId, null, currency, price, null, null, null);
  }

  public static PriceRecordUpsert forSku(String sku, String currency, BigDecimal price) {
    return new PriceRecordUpsert(
        null, WriteChecks.notBlank(sku, "sku"), currency, price, null, null, null);
  }

  public PriceRecordUpsert withSalePrice(BigDecimal value) {
    return new PriceRecordUpsert(variantId, sku, currency, price, value, retailPrice, mapPrice);
  }

  public PriceRecordUpsert withRetailPrice(BigDecimal value) {
    return new PriceRecordUpsert(variantId, sku, currency, price, salePrice, value, mapPrice);
  }

  public PriceRecordUpsert withMapPrice(BigDecimal value) {
    return new PriceRecordUpsert(variantId, sku, currency, price, salePrice, retailPrice, value);
  }
}
