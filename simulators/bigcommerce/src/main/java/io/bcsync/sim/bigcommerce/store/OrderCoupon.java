package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;

/**
 * A coupon applied to an order. type: 0 per-item $, 1 per-item %, 2 per-total $, 3 per-total %, 4
 * shipping.
 */
public final class OrderCoupon {
  public long id;
  public long couponId;
  public long orderId;
  public String code;
  public int type;
  public BigDecimal amount;
  public BigDecimal discount;
}
