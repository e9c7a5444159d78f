package io.bcsync.sim.bigcommerce.orders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.store.Order;
import io.bcsync.sim.bigcommerce.store.OrderLine;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.Transaction;
import java.util.UUID;

/**
 * What goes wrong with orders, for the order-rule triggers: a declined payment attempt and a
 * shopper's return of line items.
 */
public final class OrderProblems {
  private OrderProblems() {}

  /**
   * A payment attempt the gateway declined: an {@code error} transaction (the spec's {@code
   * Transaction.status} enumerates {@code ok} and {@code error}, orders.v3.yml) of the order's
   * total, served by {@code GET /v3/orders/{id}/transactions}. The order's status is left as it is:
   * a failed attempt on an order awaiting payment does not decline the order by itself. BigCommerce
   * documents {@code store/order/transaction/created} ({@code data.order_id}, {@code
   * transaction_id}, {@code transaction_status}; ../shared/reference/bigcommerce.md 3.3), so that
   * callback is fired.
   */
  public static Transaction declinePayment(Store store, Order o, String message) {
    Transaction t = new Transaction();
    t.id = store.nextId();
    t.orderId = o.id;
    t.event = "purchase";
    t.amount = o.total();
    t.currency = o.currencyCode;
    t.gatewayTransactionId = UUID.randomUUID().toString();
    t.status = "error";
    t.dateCreated = store.now();
    store.transactions.put(t.id, t);
    ObjectNode data = Json.object();
    data.put("type", "transaction");
    data.put("order_id", String.valueOf(o.id));
    data.put("transaction_id", t.id);
    data.put("transaction_status", "error");
    data.put("transaction_type", "purchase");
    data.putObject("result")
        .put("code", "DECLINED")
        .put("message", message == null ? "Card declined" : message)
        .put("type", "error");
    store.publish("store/order/transaction/created", data);
    return t;
  }

  /**
   * A return of {@code quantity} of the line with {@code sku}: the line gets a {@code return_id}
   * (the V2 order product field; the quantity returned is not a field of its own, so a refund of
   * the goods, which sets {@code quantity_refunded}, is a separate step). Fires {@code
   * store/order/updated}, as any change of the order does.
   */
  public static long markReturned(Store store, Order o, String sku) {
    OrderLine line =
        o.lines.stream()
            .filter(l -> l.sku != null && l.sku.equals(sku))
            .findFirst()
            .orElseThrow(
                () ->
                    ApiException.unprocessable(
                        "sku", "No line with SKU " + sku + " on this order."));
    line.returnId = store.nextId();
    OrderOperations.touch(store, o);
    return line.returnId;
  }

  /** An order metafield written by the storefront's own API account, readable by other apps. */
  public static long storefrontMetafield(
      io.bcsync.sim.bigcommerce.store.Store s,
      long orderId,
      String namespace,
      String key,
      String value) {
    io.bcsync.sim.bigcommerce.store.Metafield m = new io.bcsync.sim.bigcommerce.store.Metafield();
    m.id = s.nextId();
    m.resourceType = "order";
    m.resourceId = orderId;
    m.namespace = namespace;
    m.key = key;
    m.value = value;
    m.permissionSet = "read";
    m.ownerClientId = "storefront";
    m.dateCreated = s.now();
    m.dateModified = m.dateCreated;
    s.metafields.put(m.id, m);
    return m.id;
  }
}
