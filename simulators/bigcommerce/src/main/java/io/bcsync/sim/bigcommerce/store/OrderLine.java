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

  /**
   * The return this line is on ({@code return_id}), 0 for none: set when a shopper's return is
   * recorded for the line (which need not be refunded yet).
   */
  public long returnId;

  /** Tax per unit, on the undiscounted price (as in the spec's order-products example). */
  public BigDecimal priceTax = BigDecimal.ZERO;

  /** This line's share of the order's coupon discount. */
  public BigDecimal couponDiscount = BigDecimal.ZERO;

  /** This line's share of the order's manual discount ({@code discount_amount}). */
  public BigDecimal manualDiscount = BigDecimal.ZERO;

  /** Total excluding tax, before discounts. */
  public BigDecimal total() {
    return price.multiply(BigDecimal.valueOf(quantity));
  }

  public BigDecimal totalTax() {
    return priceTax.multiply(BigDecimal.valueOf(quantity));
  }

  public BigDecimal discount() {
    return couponDiscount.add(manualDiscount);
  }
}
