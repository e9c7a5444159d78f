package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A V3 refund of an order. */
public final class Refund {
  public long id;
  public long orderId;
  public long userId;
  public String reason = "";
  public BigDecimal totalAmount;
  public BigDecimal totalTax = BigDecimal.ZERO;
  public Instant created;
  public final List<Item> items = new ArrayList<>();
  public long paymentId;
  public String providerId = "storecredit";
  public long transactionId;

  /** One refunded item: PRODUCT lines refer to order product ids. */
  public static final class Item {
    public String itemType;
    public long itemId;
    public Integer quantity;
    public BigDecimal amount;
    public String reason = "";
  }
}
