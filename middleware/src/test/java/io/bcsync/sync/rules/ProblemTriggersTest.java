package io.bcsync.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.accounts.CompanyLedger;
import io.bcsync.sync.port.OrderPayments;
import io.bcsync.sync.port.OrderPayments.PaymentTransaction;
import io.bcsync.sync.port.SalesforceRecords;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The problem triggers over order facts: a failed payment (Declined, or a failed transaction read
 * only for unpaid, unflagged orders), returned items and a fulfilment delay, and the step's upkeep
 * of the fulfilment watch.
 */
class ProblemTriggersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE = "s1";
  private static final Instant PLACED = Instant.parse("2026-03-02T10:00:00Z");
  private static final String PLACED_V2 = "Mon, 02 Mar 2026 10:00:00 +0000";

  private final Set<String> recorded = new HashSet<>();
  private final RuleFirings firings =
      new RuleFirings(null, null, null) {
        @Override
        public Set<String> done(String storeHash, Collection<String> keys) {
          Set<String> done = new HashSet<>(keys);
          done.retainAll(recorded);
          return done;
        }

        @Override
        public void record(
            String storeHash,
            Map<String, Long> fired,
            java.util.List<io.bcsync.sync.port.Notice> owed,
            java.util.List<RuleWrite> written) {
          recorded.addAll(fired.keySet());
        }
      };

  private static JsonNode order(long id, int status, String products) throws Exception {
    return JSON.readTree(
        """
        {"id": %d, "status_id": %d, "total_inc_tax": "20.0000", "date_created": "%s",
         "products": %s}
        """
            .formatted(id, status, PLACED_V2, products));
  }

  private static PaymentTransaction transaction(long orderId, String status) {
    return new PaymentTransaction(
        90,
        orderId,
        "purchase",
        "credit_card",
        new BigDecimal("20.00"),
        "USD",
        "testgateway",
        status,
        PLACED);
  }

  private static OrderFacts facts(JsonNode order, List<PaymentTransaction> payments, Instant now) {
    return OrderFacts.of(
        STORE, order, "003C", 1, ProblemFacts.of(order, payments, now.toEpochMilli()));
  }

  @Test
  void a_payment_failed_when_declined_or_when_a_transaction_failed() throws Exception {
    Condition failed = new Condition.PaymentFailed();

    assertThat(failed.holds(facts(order(1, 6, "[]"), List.of(), PLACED))).isTrue();
    assertThat(failed.holds(facts(order(2, 7, "[]"), List.of(transaction(2, "ok")), PLACED)))
        .isFalse();
    OrderFacts attempt = facts(order(3, 7, "[]"), List.of(transaction(3, "error")), PLACED);
    assertThat(failed.holds(attempt)).isTrue();
    assertThat(attempt.problems().failedPayments())
        .extracting(PaymentTransaction::id)
        .containsExactly(90L);
  }

  @Test
  void transactions_are_read_only_for_unpaid_orders_a_payment_rule_has_not_fired_for() {
    OrderPayments payments = mock(OrderPayments.class);
    when(payments.transactions(anyString(), anyCollection()))
        .thenReturn(
            new OrderPayments.Read(
                Map.of(2L, List.of(transaction(2, "error"))),
                Map.of(4L, new OrderPayments.Failure("timeout", false))));
    OrderRule rule =
        new OrderRule(
            "failed",
            new Condition.PaymentFailed(),
            List.of(),
            List.of(new RuleAction.OpenCase("Payment Failed", null, null, null, null)),
            "test");
    recorded.add("failed|order:3");
    Map<Long, PaymentFacts.Candidate> batch = new java.util.TreeMap<>();
    batch.putAll(
        Map.of(
            1L, candidate(11, 1, 10), // shipped: paid, not read
            2L, candidate(12, 2, 7), // awaiting payment: read
            3L, candidate(13, 3, 7), // awaiting payment, fired before: not read
            4L, candidate(14, 4, 1), // pending: read, and the read failed
            5L, candidate(15, 5, 6))); // declined: holds without reading

    PaymentFacts.Read read =
        new PaymentFacts(payments, firings).read(STORE, new OrderRules(List.of(rule)), batch);

    verify(payments).transactions(eq(STORE), eq(List.of(2L, 4L)));
    assertThat(read.byOrder()).containsOnlyKeys(2L);
    assertThat(read.failed()).containsOnlyKeys(14L);
    assertThat(read.failed().get(14L)).isInstanceOf(Outcome.Failure.class);
    assertThat(((Outcome.Failure) read.failed().get(14L)).permanent()).isFalse();
  }

  @Test
  void no_payment_rule_reads_no_transactions() {
    OrderPayments payments = mock(OrderPayments.class);
    OrderRule rule =
        new OrderRule(
            "returns",
            new Condition.ItemsReturned(),
            List.of(),
            List.of(new RuleAction.OpenCase("Returned", null, null, null, null)),
            "test");

    new PaymentFacts(payments, firings)
        .read(STORE, new OrderRules(List.of(rule)), Map.of(2L, candidate(12, 2, 7)));

    verify(payments, never()).transactions(anyString(), anyCollection());
  }

  private static PaymentFacts.Candidate candidate(long itemId, long orderId, int status) {
    return new PaymentFacts.Candidate(
        itemId, new OrderFacts(STORE, orderId, "003C", 1, BigDecimal.TEN, List.of(), status));
  }

  @Test
  void returned_items_fire_again_only_when_more_came_back() throws Exception {
    Condition returned = new Condition.ItemsReturned();
    JsonNode none = order(1, 10, "[{\"sku\":\"MUG\",\"quantity\":2,\"quantity_refunded\":0}]");
    JsonNode oneBack =
        order(1, 10, "[{\"sku\":\"MUG\",\"quantity\":2,\"quantity_refunded\":0,\"return_id\":77}]");
    JsonNode refunded =
        order(1, 14, "[{\"sku\":\"MUG\",\"quantity\":2,\"quantity_refunded\":1,\"return_id\":77}]");

    assertThat(returned.holds(facts(none, List.of(), PLACED))).isFalse();
    assertThat(returned.holds(facts(oneBack, List.of(), PLACED))).isTrue();
    assertThat(returned.holds(facts(refunded, List.of(), PLACED))).isTrue();
    assertThat(returned.occurrence(facts(oneBack, List.of(), PLACED)))
        .isEqualTo(returned.occurrence(facts(oneBack, List.of(), PLACED.plusSeconds(60))))
        .isNotEqualTo(returned.occurrence(facts(refunded, List.of(), PLACED)));
  }

  @Test
  void a_fulfilment_delay_holds_for_an_order_still_awaiting_after_the_hours() throws Exception {
    Condition late = new Condition.FulfilmentDelayed(Duration.ofHours(48));
    Instant later = PLACED.plus(Duration.ofHours(48));

    assertThat(late.holds(facts(order(1, 11, "[]"), List.of(), later.minusSeconds(1)))).isFalse();
    assertThat(late.holds(facts(order(1, 11, "[]"), List.of(), later))).isTrue();
    assertThat(late.holds(facts(order(1, 9, "[]"), List.of(), later))).isTrue();
    assertThat(late.holds(facts(order(1, 2, "[]"), List.of(), later))).isFalse();
  }

  @Test
  void the_step_watches_awaiting_orders_until_due_and_forgets_the_others() throws Exception {
    CompanyLedger ledger = mock(CompanyLedger.class);
    when(ledger.orderSequence(anyString(), anyCollection())).thenReturn(Map.of());
    FulfilmentWatch watch = mock(FulfilmentWatch.class);
    OrderRulesStep step =
        new OrderRulesStep(
            ledger,
            firings,
            new CampaignEnrolments(mock(SalesforceRecords.class)),
            new CaseWrites(mock(SalesforceRecords.class)),
            new PaymentFacts(mock(OrderPayments.class), firings),
            watch,
            Clock.fixed(PLACED.plus(Duration.ofHours(1)), ZoneOffset.UTC),
            null);
    OrderRule rule =
        new OrderRule(
            "late",
            new Condition.FulfilmentDelayed(Duration.ofHours(48)),
            List.of(),
            List.of(new RuleAction.OpenCase("Late", null, null, null, null)),
            "test");

    Map<Long, Outcome> outcomes =
        step.apply(
            STORE,
            new OrderRules(List.of(rule)),
            List.of(
                new OrderRulesStep.RuleOrder(1, order(1, 11, "[]"), "003C", "customer:1"),
                new OrderRulesStep.RuleOrder(2, order(2, 2, "[]"), "003C", "customer:1")));

    assertThat(outcomes).isEmpty();
    verify(watch)
        .keep(
            eq(STORE),
            eq(Map.of(1L, PLACED.plus(Duration.ofHours(48)).toEpochMilli())),
            eq(List.of(2L)));
    verify(watch, never()).enqueueDue(org.mockito.ArgumentMatchers.anyLong(), any(Integer.class));
  }
}
