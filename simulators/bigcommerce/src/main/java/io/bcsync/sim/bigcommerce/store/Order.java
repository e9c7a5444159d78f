package io.bcsync.sim.bigcommerce.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A V2 order. Totals are derived from lines, shipping and discounts so they always add up. */
public final class Order {
  public long id;
  public long customerId;
  public int statusId;
  public Instant dateCreated;
  public Instant dateModified;
  public Instant dateShipped;
  public Address billing = new Address();
  public final List<OrderLine> lines = new ArrayList<>();
  public final List<Address> shippingAddresses = new ArrayList<>();
  public final List<OrderCoupon> coupons = new ArrayList<>();

  /** Shipping excluding tax. */
  public BigDecimal shippingCost = BigDecimal.ZERO;

  public BigDecimal shippingCostTax = BigDecimal.ZERO;
  public BigDecimal manualDiscount = BigDecimal.ZERO;
  public BigDecimal refundedAmount = BigDecimal.ZERO;
  public String paymentMethod = "Credit Card";
  public String paymentStatus = "captured";
  public String currencyCode = "USD";
  public String staffNotes = "";
  public String customerMessage = "";
  public String orderSource = "www";
  public String externalSource = "";
  public String externalOrderId = "";
  public String cartId = "";
  public String ipAddress = "127.0.0.1";
  public long channelId = 1;
  public boolean deleted;

  public BigDecimal subtotal() {
    return lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal couponDiscount() {
    return coupons.stream().map(c -> c.discount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal subtotalTax() {
    return lines.stream().map(OrderLine::totalTax).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal totalTax() {
    return subtotalTax().add(shippingCostTax);
  }

  /**
   * Items and shipping less discounts, excluding tax (tax-exclusive pricing, as the simulator
   * renders).
   */
  public BigDecimal totalExTax() {
    BigDecimal t = subtotal().add(shippingCost).subtract(manualDiscount).subtract(couponDiscount());
    return t.signum() < 0 ? BigDecimal.ZERO : t;
  }

  /** What the shopper pays: {@link #totalExTax()} plus tax. */
  public BigDecimal total() {
    return totalExTax().add(totalTax());
  }

  public int itemsTotal() {
    return lines.stream().mapToInt(l -> l.quantity).sum();
  }

  public int itemsShipped() {
    return lines.stream().mapToInt(l -> l.quantityShipped).sum();
  }
}
