package io.bcsync.sync.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/**
 * A test on an order's facts. A rule's trigger is one condition and its {@code when} list holds
 * more, all of which must hold. Each condition also names the occurrence it fires for ({@link
 * #occurrence}): a rule fires at most once per occurrence, recorded durably, so a replayed or
 * duplicated webhook, or a retry, never fires it twice. Each trigger is a further implementation
 * over further facts.
 */
public interface Condition {
  boolean holds(OrderFacts facts);

  /**
   * What one firing stands for: the customer for "first order" (once per customer however the
   * orders arrive), the order for most others.
   */
  default String occurrence(OrderFacts facts) {
    return "order:" + facts.orderId();
  }

  /** The customer's first counted order. */
  record FirstOrder() implements Condition {
    @Override
    public boolean holds(OrderFacts facts) {
      return facts.contactId() != null && facts.customerOrderNumber() == 1;
    }

    @Override
    public String occurrence(OrderFacts facts) {
      return "first:" + facts.contactId();
    }
  }

  /**
   * A repeat order: exactly the {@code nth} counted order (2 or more) when given, else any counted
   * order after the first.
   */
  record RepeatOrder(Integer nth) implements Condition {
    @Override
    public boolean holds(OrderFacts facts) {
      int n = facts.customerOrderNumber();
      return facts.contactId() != null && (nth == null ? n >= 2 : n == nth);
    }

    @Override
    public String occurrence(OrderFacts facts) {
      return nth == null ? "order:" + facts.orderId() : "nth:" + nth + ":" + facts.contactId();
    }
  }

  /**
   * The order's total (tax included) at or above the threshold, in the store's currency; a
   * cancelled, declined or refunded order is no sale and does not count.
   */
  record TotalAtLeast(BigDecimal threshold) implements Condition {
    @Override
    public boolean holds(OrderFacts facts) {
      return facts.counted() && facts.total().compareTo(threshold) >= 0;
    }
  }

  /**
   * A coupon on the order; with {@code codes}, one of those (compared ignoring case). Counted
   * orders only, as {@link TotalAtLeast}.
   */
  record CouponPresent(Set<String> codes) implements Condition {
    public CouponPresent {
      codes =
          codes.stream()
              .map(c -> c.toLowerCase(Locale.ROOT))
              .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean holds(OrderFacts facts) {
      return facts.counted()
          && facts.coupons().stream()
              .anyMatch(c -> codes.isEmpty() || codes.contains(c.toLowerCase(Locale.ROOT)));
    }
  }

  /**
   * The order's status is one of {@code statusIds}. Fires once per order and status reached, so a
   * later change into another status of the set fires again (and a Case action updates the order's
   * Case for that reason with the new status), while a duplicated webhook does not.
   */
  record StatusIn(Set<Integer> statusIds) implements Condition {
    public StatusIn {
      statusIds = Set.copyOf(statusIds);
    }

    @Override
    public boolean holds(OrderFacts facts) {
      return statusIds.contains(facts.statusId());
    }

    @Override
    public String occurrence(OrderFacts facts) {
      return "order:" + facts.orderId() + ":status:" + facts.statusId();
    }
  }

  /**
   * Whether evaluating this condition needs the order's transactions (one read per order, made only
   * for orders where it can matter: see {@link PaymentFacts}).
   */
  default boolean readsTransactions() {
    return false;
  }

  /**
   * The payment failed: the order is Declined, or (for an order not paid yet: Pending, Awaiting
   * Payment, Manual Verification Required) a transaction of it failed ({@code status: error} in
   * {@code GET /v3/orders/{id}/transactions}). An order paid by now is no payment problem, so its
   * transactions are not read. Fires once per order: a declined attempt followed by the Declined
   * status is one problem.
   */
  record PaymentFailed() implements Condition {
    @Override
    public boolean holds(OrderFacts facts) {
      return facts.statusId() == OrderStatuses.DECLINED
          || !facts.problems().failedPayments().isEmpty();
    }

    @Override
    public boolean readsTransactions() {
      return true;
    }
  }

  /**
   * Line items came back: a line with a return ({@code return_id}) or a refunded quantity ({@code
   * quantity_refunded}). Fires once per order and extent of the returns, so a further return or
   * refunded quantity fires again (and updates the order's Case for the reason), a repeated event
   * does not.
   */
  record ItemsReturned() implements Condition {
    @Override
    public boolean holds(OrderFacts facts) {
      return !facts.problems().returned().isEmpty();
    }

    @Override
    public String occurrence(OrderFacts facts) {
      int refunded = 0;
      java.util.Set<Long> returns = new java.util.TreeSet<>();
      for (ProblemFacts.ReturnedLine line : facts.problems().returned()) {
        refunded += line.quantityRefunded();
        if (line.returnId() > 0) {
          returns.add(line.returnId());
        }
      }
      return "order:" + facts.orderId() + ":returned:" + refunded + ":" + returns.size();
    }
  }

  /**
   * The order is still Awaiting Fulfillment or Awaiting Shipment {@code after} its creation. Seen
   * whenever the order is synced, and found without any event by the {@code fulfilment-delay}
   * cluster job ({@link FulfilmentDelays}). Fires once per order.
   */
  record FulfilmentDelayed(java.time.Duration after) implements Condition {
    /** Awaiting Shipment (9) and Awaiting Fulfillment (11). */
    public static final java.util.Set<Integer> AWAITING = java.util.Set.of(9, 11);

    @Override
    public boolean holds(OrderFacts facts) {
      Long created = facts.problems().createdMs();
      return AWAITING.contains(facts.statusId())
          && created != null
          && facts.problems().nowMs() - created >= after.toMillis();
    }
  }

  /**
   * The storefront recorded a UTM source for the order (docs/order-rules.md, "UTM facts"); with
   * {@code sources}, one of those (lower-cased, as sources are compared). Counted orders only.
   */
  record UtmSourcePresent(Set<String> sources) implements Condition {
    public UtmSourcePresent {
      sources =
          sources.stream()
              .map(c -> c.trim().toLowerCase(Locale.ROOT))
              .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public boolean holds(OrderFacts facts) {
      return facts.counted()
          && facts.utm() != null
          && facts.utm().hasSource()
          && (sources.isEmpty() || sources.contains(facts.utm().source()));
    }

    /** Whether this condition needs the UTM facts read. */
    static boolean needs(Condition c) {
      return c instanceof UtmSourcePresent;
    }
  }

  /**
   * A refund was created on the order (V3 refunds, {@code store/order/refund/created}). Fires once
   * per order and latest refund: a later refund fires again (and its Case is updated with every
   * refund), a duplicated webhook does not. Two refunds synced in one batch fire once, for the
   * later.
   */
  record RefundCreated() implements Condition {
    @Override
    public boolean holds(OrderFacts facts) {
      return !facts.refunds().isEmpty();
    }

    @Override
    public String occurrence(OrderFacts facts) {
      long latest =
          facts.refunds().stream()
              .mapToLong(io.bcsync.sync.port.SalesReader.StoreRefund::id)
              .max()
              .orElse(0);
      return "order:" + facts.orderId() + ":refund:" + latest;
    }
  }
}
