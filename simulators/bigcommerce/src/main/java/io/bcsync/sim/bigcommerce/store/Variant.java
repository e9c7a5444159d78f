package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A product variant (SKU). A null price means "inherit the product price". {@link #inventoryLevel}
 * is the stock at the default location (1), the only one the Catalog API reports
 * (products_catalog.v3.yml, {@code inventory_level}: "The Catalog API returns the inventory for
 * only the default location"); the stock at other locations is kept beside it.
 */
public final class Variant {
  public long id;
  public long productId;
  public String sku;
  public long skuId;
  public BigDecimal price;
  public BigDecimal salePrice;
  public BigDecimal costPrice;
  public int inventoryLevel;

  /** Stock at locations other than the default one, by location id. */
  public final Map<Long, Integer> stockElsewhere = new TreeMap<>();

  public String optionLabel;
  public String optionValue;
}
