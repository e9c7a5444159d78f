package io.bcsync.sync.rules;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.port.OrderPayments;
import io.bcsync.sync.port.OrderPayments.PaymentTransaction;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the transactions of a batch's orders, but only of those whose facts need them: a rule that
 * reads transactions ({@code payment_failed}) is enabled, the order is not paid yet (Pending,
 * Awaiting Payment, Manual Verification Required: a Declined order holds without them, and a paid
 * order's failed attempts are no problem any more), and that rule has not fired for the order yet
 * (one firing query for the batch). So an order costs one BigCommerce call per sync only while it
 * is unpaid and unflagged, and nothing once its Case is open.
 */
@Singleton
public class PaymentFacts {
  /** Pending (1), Awaiting Payment (7), Manual Verification Required (12). */
  static final Set<Integer> UNPAID = Set.of(1, 7, 12);

  private final OrderPayments payments;
  private final RuleFirings firings;

  public PaymentFacts(OrderPayments payments, RuleFirings firings) {
    this.payments = payments;
    this.firings = firings;
  }

  /** The transactions read, by order id, and the items whose read failed (to retry). */
  public record Read(Map<Long, List<PaymentTransaction>> byOrder, Map<Long, Outcome> failed) {}

  /** {@code orders}: the batch's orders, by order id, with their facts before payments. */
  public Read read(String storeHash, OrderRules rules, Map<Long, Candidate> orders) {
    List<OrderRule> reading =
        rules.enabled().stream()
            .filter(
                r ->
                    r.trigger().readsTransactions()
                        || r.when().stream().anyMatch(Condition::readsTransactions))
            .toList();
    if (reading.isEmpty()) {
      return new Read(Map.of(), Map.of());
    }
    Map<Long, List<String>> keysByOrder = new LinkedHashMap<>();
    orders.forEach(
        (orderId, c) -> {
          if (UNPAID.contains(c.facts().statusId())) {
            List<String> keys = new ArrayList<>();
            reading.forEach(r -> keys.add(r.firingKey(c.facts())));
            keysByOrder.put(orderId, keys);
          }
        });
    if (keysByOrder.isEmpty()) {
      return new Read(Map.of(), Map.of());
    }
    List<String> all = new ArrayList<>();
    keysByOrder.values().forEach(all::addAll);
    Set<String> done = firings.done(storeHash, all);
    List<Long> needed =
        keysByOrder.entrySet().stream()
            .filter(e -> !done.containsAll(e.getValue()))
            .map(Map.Entry::getKey)
            .toList();
    if (needed.isEmpty()) {
      return new Read(Map.of(), Map.of());
    }
    OrderPayments.Read read = payments.transactions(storeHash, needed);
    Map<Long, Outcome> failed = new HashMap<>();
    read.failed()
        .forEach(
            (orderId, failure) ->
                failed.put(
                    orders.get(orderId).itemId(),
                    failure.permanent()
                        ? Outcome.permanent(failure.error())
                        : Outcome.retry(failure.error())));
    return new Read(read.byOrder(), failed);
  }

  /** An order of the batch: its work item and its facts without payments. */
  public record Candidate(long itemId, OrderFacts facts) {}
}
