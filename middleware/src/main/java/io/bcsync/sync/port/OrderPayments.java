package io.bcsync.sync.port;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: an order's payment transactions ({@code GET /v3/orders/{id}/transactions}), for the rules
 * that need them (the failed-transaction side of {@code payment_failed}). BigCommerce has no
 * transactions read across orders, so an adapter reads one call per order; callers ask only for the
 * orders whose facts need them. Adapter: {@code
 * io.bcsync.bigcommerce.reading.BigCommerceOrderPayments}.
 */
public interface OrderPayments {

  /**
   * The transactions of each order; an order with none maps to an empty list. An order whose read
   * failed is in {@link Read#failed} with the reason and whether it is worth retrying; the others
   * are still answered.
   */
  Read transactions(String storeHash, Collection<Long> orderIds);

  /** What was read, and what could not be. */
  record Read(Map<Long, List<PaymentTransaction>> byOrder, Map<Long, Failure> failed) {
    public Read {
      byOrder = Map.copyOf(byOrder);
      failed = Map.copyOf(failed);
    }
  }

  /** Why one order's transactions could not be read. */
  record Failure(String error, boolean permanent) {}

  /**
   * One transaction, in BigCommerce's terms.
   *
   * @param event purchase, authorization, capture, refund, void, pending or settled
   * @param status {@code ok} or {@code error} (the spec's enumeration): error is a failed attempt
   */
  record PaymentTransaction(
      long id,
      long orderId,
      String event,
      String method,
      BigDecimal amount,
      String currency,
      String gateway,
      String status,
      Instant dateCreated) {

    /** A declined or otherwise failed payment attempt. */
    public boolean failed() {
      return "error".equalsIgnoreCase(status);
    }
  }
}
