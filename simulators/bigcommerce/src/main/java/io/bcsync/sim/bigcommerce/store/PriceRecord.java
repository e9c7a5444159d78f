package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;
import java.time.Instant;

/** A price-list record, unique per (price list, variant, currency). */
public final class PriceRecord {
  public long priceListId;
  public long variantId;
  public long productId;
  public String sku;
  public String currency;
  public BigDecimal price;
  public BigDecimal salePrice;
  public BigDecimal retailPrice;
  public BigDecimal mapPrice;
  public Instant dateCreated;
  public Instant dateModified;
}
