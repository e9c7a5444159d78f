package io.bcsync.sim.bigcommerce.orders;

import io.bcsync.sim.bigcommerce.store.Address;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a shopper checks out (or an API client posts). customerId 0 means a guest checkout, whose
 * email lives only in the billing address.
 */
public final class OrderDraft {
  public long customerId;
  public Address billing = new Address();
  public Address shipping;
  public final List<Line> lines = new ArrayList<>();
  public int statusId = OrderStatuses.AWAITING_FULFILLMENT;

  /** Shipping excluding tax. */
  public BigDecimal shippingCost = BigDecimal.ZERO;

  /** Tax on shipping; null = {@link #taxRate} of {@link #shippingCost}. */
  public BigDecimal shippingTax;

  /**
   * The store's tax rate in percent (BasicTaxProvider, prices entered excluding tax), applied to
   * undiscounted line prices and to shipping where no explicit tax is given.
   */
  public BigDecimal taxRate = BigDecimal.ZERO;

  /**
   * Manual discount ({@code discount_amount}), spread over the lines in proportion to their totals.
   */
  public BigDecimal discount = BigDecimal.ZERO;

  public String couponCode;
  public String orderSource = "www";
  public String externalSource = "";
  public String externalOrderId = "";
  public String staffNotes = "";
  public String customerMessage = "";
  public String paymentMethod = "Credit Card";

  /** One cart line; product fields not given are taken from the catalog. */
  public static final class Line {
    public long productId;
    public long variantId;
    public String sku;
    public String name;

    /** Price excluding tax. */
    public BigDecimal price;

    /** Tax per unit; null = the order's tax rate of the price. */
    public BigDecimal priceTax;

    public int quantity = 1;

    public static Line of(long productId, int quantity) {
      Line l = new Line();
      l.productId = productId;
      l.quantity = quantity;
      return l;
    }

    public static Line custom(String name, String sku, BigDecimal price, int quantity) {
      Line l = new Line();
      l.name = name;
      l.sku = sku;
      l.price = price;
      l.quantity = quantity;
      return l;
    }
  }

  public OrderDraft addLine(Line line) {
    lines.add(line);
    return this;
  }
}
