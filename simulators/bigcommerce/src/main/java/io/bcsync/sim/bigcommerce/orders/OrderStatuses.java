package io.bcsync.sim.bigcommerce.orders;

import java.util.List;

/** BigCommerce's fixed order status table (ids are stable; merchants can only relabel them). */
public final class OrderStatuses {
  public static final int INCOMPLETE = 0;
  public static final int PENDING = 1;
  public static final int SHIPPED = 2;
  public static final int REFUNDED = 4;
  public static final int CANCELLED = 5;
  public static final int AWAITING_FULFILLMENT = 11;
  public static final int PARTIALLY_REFUNDED = 14;

  /** One status row. */
  public record Status(int id, String name, String description, int order) {}

  public static final List<Status> ALL =
      List.of(
          new Status(
              0,
              "Incomplete",
              "An incomplete order happens when a shopper reached the payment page, but did not complete the transaction.",
              0),
          new Status(
              1, "Pending", "Customer started the checkout process, but did not complete it.", 1),
          new Status(
              2,
              "Shipped",
              "Order has been shipped, but receipt has not been confirmed; seller has used the Ship Items action.",
              8),
          new Status(
              3,
              "Partially Shipped",
              "Only some items in the order have been shipped, due to some products being pre-order only or other reasons.",
              6),
          new Status(4, "Refunded", "Seller has used the Refund action.", 11),
          new Status(
              5,
              "Cancelled",
              "Seller has cancelled an order, due to a stock inconsistency or other reasons.",
              9),
          new Status(
              6,
              "Declined",
              "Seller has marked the order as declined for lack of manual payment, or other reasons.",
              10),
          new Status(
              7,
              "Awaiting Payment",
              "Customer has completed checkout process, but payment has yet to be confirmed.",
              2),
          new Status(
              8,
              "Awaiting Pickup",
              "Order has been pulled, and is awaiting customer pickup from a seller-specified location.",
              5),
          new Status(
              9,
              "Awaiting Shipment",
              "Order has been pulled and packaged, and is awaiting collection from a shipping provider.",
              4),
          new Status(
              10,
              "Completed",
              "Client has paid for their digital product and their file(s) are available for download.",
              7),
          new Status(
              11,
              "Awaiting Fulfillment",
              "Customer has completed the checkout process and payment has been confirmed.",
              3),
          new Status(
              12,
              "Manual Verification Required",
              "Order is on hold while some aspect needs to be manually confirmed.",
              13),
          new Status(
              13,
              "Disputed",
              "Customer has initiated a dispute resolution process for the PayPal transaction that paid for the order.",
              12),
          new Status(14, "Partially Refunded", "Seller has partially refunded the order.", 14));

  private OrderStatuses() {}

  public static Status byId(int id) {
    return ALL.stream().filter(s -> s.id() == id).findFirst().orElse(null);
  }

  public static String name(int id) {
    Status s = byId(id);
    return s == null ? "" : s.name();
  }
}
