package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;

/** An order product line; its id is the `item_id` refunds refer to. */
public final class OrderLine {
  public long id;
  public long orderId;
  public long productId;
  public long variantId;
  public long orderAddressId;
  public String name;
  public String sku;
  public BigDecimal price;
  public int quantity;
  public int quantityShipped;
  public int quantityRefunded;
  public BigDecimal discount = BigDecimal.ZERO;

  public BigDecimal total() {
    return price.multiply(BigDecimal.valueOf(quantity));
  }
}
