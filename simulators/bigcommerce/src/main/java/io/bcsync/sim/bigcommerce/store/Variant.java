package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;

/** A product variant (SKU). A null price means "inherit the product price". */
public final class Variant {
  public long id;
  public long productId;
  public String sku;
  public long skuId;
  public BigDecimal price;
  public BigDecimal salePrice;
  public BigDecimal costPrice;
  public int inventoryLevel;
  public String optionLabel;
  public String optionValue;
}
