package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;

/** A store coupon definition that simulated shoppers can apply at checkout. */
public final class Coupon {
  public long id;
  public String code;
  public int type;
  public BigDecimal amount;
}
