package io.bcsync.sim.bigcommerce.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.catalog.CatalogOperations;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.sim.bigcommerce.store.Coupon;
import io.bcsync.sim.bigcommerce.store.Events;
import io.bcsync.sim.bigcommerce.store.Order;
import io.bcsync.sim.bigcommerce.store.OrderCoupon;
import io.bcsync.sim.bigcommerce.store.OrderLine;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.Refund;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.Transaction;
import io.bcsync.sim.bigcommerce.store.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Order state changes shared by the REST API and the control API, each firing the webhooks
 * BigCommerce fires.
 */
public final class OrderOperations {
  private OrderOperations() {}

  public static Order create(Store store, OrderDraft draft) {
    if (draft.lines.isEmpty()) {
      throw ApiException.unprocessable("products", "An order needs at least one product.");
    }
    if (draft.customerId != 0 && !store.customers.containsKey(draft.customerId)) {
      throw ApiException.unprocessable(
          "customer_id", "Customer " + draft.customerId + " does not exist.");
    }
    Order o = new Order();
    o.id = store.nextId();
    o.customerId = draft.customerId;
    o.statusId = draft.statusId;
    o.dateCreated = store.now();
    o.dateModified = o.dateCreated;
    o.billing = draft.billing.copy();
    o.shippingCost = draft.shippingCost;
    o.shippingCostTax =
        draft.shippingTax != null ? draft.shippingTax : taxOf(draft.shippingCost, draft.taxRate);
    o.manualDiscount = draft.discount;
    o.orderSource = draft.orderSource;
    o.externalSource = draft.externalSource;
    o.externalOrderId = draft.externalOrderId;
    o.staffNotes = draft.staffNotes;
    o.customerMessage = draft.customerMessage;
    o.paymentMethod = draft.paymentMethod;
    o.cartId = UUID.randomUUID().toString();
    o.paymentStatus = paymentStatusFor(draft.statusId);
    Address shipTo = (draft.shipping == null ? draft.billing : draft.shipping).copy();
    shipTo.id = store.nextId();
    o.shippingAddresses.add(shipTo);
    for (OrderDraft.Line draftLine : draft.lines) {
      o.lines.add(line(store, o, shipTo, draftLine, draft.taxRate));
    }
    // The spec's applied_discounts: a manual discount is spread over the products in proportion to
    // their price.
    spread(o, o.manualDiscount, (l, share) -> l.manualDiscount = share);
    if (draft.couponCode != null) {
      applyCoupon(store, o, draft.couponCode);
    }
    store.orders.put(o.id, o);
    // BigCommerce fires store/order/created for every new order, incomplete (status 0) ones
    // included.
    store.publish("store/order/created", Events.resource("order", o.id));
    if (o.statusId != OrderStatuses.INCOMPLETE && o.statusId != OrderStatuses.PENDING) {
      recordPurchase(store, o);
      for (OrderLine line : o.lines) {
        CatalogOperations.consumeStock(store, line.productId, line.variantId, line.quantity);
      }
    }
    return o;
  }

  public static void changeStatus(Store store, Order o, int newStatus) {
    if (OrderStatuses.byId(newStatus) == null) {
      throw ApiException.unprocessable(
          "status_id", "The status_id " + newStatus + " is not valid.");
    }
    int previous = o.statusId;
    if (previous == newStatus) {
      return;
    }
    o.statusId = newStatus;
    o.dateModified = store.now();
    if (newStatus == OrderStatuses.SHIPPED) {
      o.dateShipped = store.now();
      o.lines.forEach(l -> l.quantityShipped = l.quantity);
    }
    if (previous == OrderStatuses.INCOMPLETE || previous == OrderStatuses.PENDING) {
      o.paymentStatus = paymentStatusFor(newStatus);
      if (!"".equals(o.paymentStatus)) {
        recordPurchase(store, o);
      }
    }
    ObjectNode data = Events.resource("order", o.id);
    data.putObject("status").put("previous_status_id", previous).put("new_status_id", newStatus);
    // A status change fires both statusUpdated and updated, as on the real platform.
    store.publish("store/order/statusUpdated", data);
    store.publish("store/order/updated", Events.resource("order", o.id));
  }

  public static void touch(Store store, Order o) {
    o.dateModified = store.now();
    store.publish("store/order/updated", Events.resource("order", o.id));
  }

  public static void archive(Store store, Order o) {
    o.deleted = true;
    o.dateModified = store.now();
    store.publish("store/order/archived", Events.resource("order", o.id));
  }

  /**
   * Refunds an amount (spread over the order) or specific PRODUCT lines. A full refund moves the
   * order to Refunded, a partial one to Partially Refunded.
   */
  public static Refund refund(
      Store store,
      Order o,
      Map<Long, Integer> productQuantities,
      BigDecimal amount,
      String reason) {
    Refund r = new Refund();
    r.id = store.nextId();
    r.orderId = o.id;
    r.created = store.now();
    r.reason = reason == null ? "" : reason;
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<Long, Integer> e : productQuantities.entrySet()) {
      OrderLine line =
          o.lines.stream()
              .filter(l -> l.id == e.getKey())
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.unprocessable(
                          "items", "Order product " + e.getKey() + " is not on this order."));
      if (line.quantityRefunded + e.getValue() > line.quantity) {
        throw ApiException.unprocessable(
            "items", "Quantity to refund exceeds the quantity available.");
      }
      line.quantityRefunded += e.getValue();
      Refund.Item item = new Refund.Item();
      item.itemType = "PRODUCT";
      item.itemId = line.id;
      item.quantity = e.getValue();
      item.amount = line.price.multiply(BigDecimal.valueOf(e.getValue()));
      r.items.add(item);
      total = total.add(item.amount);
    }
    if (amount != null) {
      Refund.Item item = new Refund.Item();
      item.itemType = "ORDER";
      item.itemId = o.id;
      item.amount = amount;
      r.items.add(item);
      total = total.add(amount);
    }
    BigDecimal refundable = o.total().subtract(o.refundedAmount);
    if (total.signum() <= 0 || total.compareTo(refundable) > 0) {
      throw ApiException.unprocessable(
          "payments", "Refund amount must be positive and at most " + refundable + ".");
    }
    r.totalAmount = total.setScale(2, RoundingMode.HALF_UP);
    r.paymentId = store.nextId();
    o.refundedAmount = o.refundedAmount.add(r.totalAmount);
    Transaction t = transaction(store, o, "refund", r.totalAmount);
    r.transactionId = t.id;
    store.refunds.put(r.id, r);
    ObjectNode data = Events.resource("order", o.id);
    data.putObject("refund").put("refund_id", r.id);
    store.publish("store/order/refund/created", data);
    boolean full = o.refundedAmount.compareTo(o.total()) >= 0;
    o.paymentStatus = full ? "refunded" : "partially refunded";
    changeStatus(store, o, full ? OrderStatuses.REFUNDED : OrderStatuses.PARTIALLY_REFUNDED);
    o.dateModified = store.now();
    return r;
  }

  private static BigDecimal taxOf(BigDecimal amount, BigDecimal ratePercent) {
    return amount.multiply(ratePercent).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
  }

  private static OrderLine line(
      Store store, Order o, Address shipTo, OrderDraft.Line d, BigDecimal taxRate) {
    OrderLine l = new OrderLine();
    l.id = store.nextId();
    l.orderId = o.id;
    l.orderAddressId = shipTo.id;
    l.quantity = d.quantity;
    if (d.quantity < 1) {
      throw ApiException.unprocessable("products.quantity", "Quantity must be at least 1.");
    }
    Product p = d.productId == 0 ? null : store.products.get(d.productId);
    if (d.productId != 0 && p == null) {
      throw ApiException.unprocessable(
          "products.product_id", "Product " + d.productId + " does not exist.");
    }
    if (p != null) {
      Variant v =
          p.variants.stream().filter(x -> x.id == d.variantId).findFirst().orElse(p.baseVariant());
      l.productId = p.id;
      l.variantId = v.id;
      l.name = d.name != null ? d.name : p.name;
      l.sku = d.sku != null ? d.sku : v.sku;
      l.price = d.price != null ? d.price : (v.price != null ? v.price : p.price);
    } else {
      l.name = d.name == null ? "Custom item" : d.name;
      l.sku = d.sku == null ? "" : d.sku;
      l.price = d.price == null ? BigDecimal.ZERO : d.price;
    }
    l.priceTax = d.priceTax != null ? d.priceTax : taxOf(l.price, taxRate);
    return l;
  }

  private static void applyCoupon(Store store, Order o, String code) {
    Coupon coupon =
        store.coupons.values().stream()
            .filter(c -> c.code.equalsIgnoreCase(code))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.unprocessable(
                        "coupon_code", "Coupon " + code + " does not exist."));
    OrderCoupon oc = new OrderCoupon();
    oc.id = store.nextId();
    oc.couponId = coupon.id;
    oc.orderId = o.id;
    oc.code = coupon.code;
    oc.type = coupon.type;
    oc.amount = coupon.amount;
    BigDecimal subtotal = o.subtotal();
    BigDecimal discount =
        coupon.type == 1 || coupon.type == 3
            ? subtotal
                .multiply(coupon.amount)
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP)
            : coupon.amount.min(subtotal);
    oc.discount = discount;
    o.coupons.add(oc);
    spread(o, discount, (l, share) -> l.couponDiscount = share);
  }

  /**
   * Spreads an order-level discount over the lines in proportion to their totals, so
   * discounted_total_inc_tax adds up; the rounding rest goes on the first line.
   */
  private static void spread(
      Order o, BigDecimal discount, BiConsumer<OrderLine, BigDecimal> assign) {
    BigDecimal subtotal = o.subtotal();
    List<BigDecimal> shares = new ArrayList<>();
    for (OrderLine l : o.lines) {
      shares.add(
          subtotal.signum() == 0
              ? BigDecimal.ZERO
              : discount.multiply(l.total()).divide(subtotal, 2, RoundingMode.DOWN));
    }
    BigDecimal assigned = shares.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    shares.set(0, shares.get(0).add(discount.subtract(assigned)));
    for (int i = 0; i < o.lines.size(); i++) {
      assign.accept(o.lines.get(i), shares.get(i));
    }
  }

  private static void recordPurchase(Store store, Order o) {
    boolean exists =
        store.transactions.values().stream()
            .anyMatch(t -> t.orderId == o.id && "purchase".equals(t.event));
    if (!exists && o.total().signum() > 0) {
      transaction(store, o, "purchase", o.total());
    }
  }

  private static Transaction transaction(Store store, Order o, String event, BigDecimal amount) {
    Transaction t = new Transaction();
    t.id = store.nextId();
    t.orderId = o.id;
    t.event = event;
    t.amount = amount;
    t.currency = o.currencyCode;
    t.gatewayTransactionId = UUID.randomUUID().toString();
    t.dateCreated = store.now();
    store.transactions.put(t.id, t);
    return t;
  }

  private static String paymentStatusFor(int statusId) {
    return switch (statusId) {
      case OrderStatuses.INCOMPLETE, OrderStatuses.PENDING -> "";
      case 7 -> "pending";
      default -> "captured";
    };
  }
}
