package io.bcsync.sync.port;

import io.bcsync.sync.port.StoreReader.StoreDocument;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: what the daily revenue summary reads from a BigCommerce store, always in batches (docs/
 * order-rules.md "Daily revenue", with the calls each costs). Adapter: {@code
 * io.bcsync.bigcommerce.reading.BigCommerceSalesReader}. Failures are unchecked, like {@link
 * StoreReader}'s.
 */
public interface SalesReader {

  /** The stores that can be read (connected with an API token), by hash. */
  List<String> readableStores();

  /** The store's time zone as its owner set it ({@code GET /v2/store}, {@code timezone.name}). */
  ZoneId timeZone(String storeHash);

  /**
   * Orders created in {@code [from, to)}, as the sync mapping reads them (V2 order with {@code
   * products}, {@code coupons} inlined), by ascending id.
   */
  List<StoreDocument> ordersCreated(String storeHash, Instant from, Instant to);

  /** Orders by id, like {@link StoreReader#orders} (those absent no longer exist). */
  Map<Long, StoreDocument> orders(String storeHash, Collection<Long> orderIds);

  /** Refunds created in {@code [from, to)} across all orders (V3 refunds API). */
  List<StoreRefund> refundsCreated(String storeHash, Instant from, Instant to);

  /**
   * The refunds of the given orders, by order id, oldest first ({@code GET
   * /v3/orders/payment_actions/refunds?order_id:in=...}: one call per 50 orders and 250 refunds);
   * orders without refunds are absent.
   */
  Map<Long, List<StoreRefund>> refundsOf(String storeHash, Collection<Long> orderIds);

  /**
   * The value of the order metafield {@code namespace}/{@code key} by order id, for metafields
   * created in {@code [from, to)} (one batch read of all orders' metafields, filtered by namespace,
   * key and date).
   */
  Map<Long, String> orderMetafieldsCreated(
      String storeHash, String namespace, String key, Instant from, Instant to);

  /** The same metafield of given orders, one call per order (for the few a day needs beyond). */
  Map<Long, String> orderMetafields(
      String storeHash, String namespace, String key, Collection<Long> orderIds);

  /** A refund: its amount (tax included), the order it belongs to and when it was made. */
  record StoreRefund(long id, long orderId, Instant created, BigDecimal amount) {}
}
