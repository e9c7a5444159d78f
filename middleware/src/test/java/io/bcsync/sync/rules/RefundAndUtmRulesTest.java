package io.bcsync.sync.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sync.accounts.CompanyLedger;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesReader.StoreRefund;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.sync.revenue.Utm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code refund_created} and {@code utm_source_present}: their facts come from {@link OrderExtras}
 * (here a fake answering what the store would), a refund Case carries the refund details, and a
 * rule fires once per order and latest refund.
 */
class RefundAndUtmRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE = "s1";
  private static final String ADS = "701000000000009AAA";

  private final Map<Long, OrderExtras.Extra> extras = new HashMap<>();
  private final List<RecordWrite> writes = new ArrayList<>();
  private final Set<String> recorded = new HashSet<>();
  private OrderRulesStep step;

  @BeforeEach
  void setUp() {
    CompanyLedger ledger = mock(CompanyLedger.class);
    when(ledger.orderSequence(anyString(), anyCollection())).thenReturn(Map.of());
    RuleFirings firings =
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
    SalesforceRecords salesforce = mock(SalesforceRecords.class);
    when(salesforce.idsByKey(anyString(), anyString(), anyCollection())).thenReturn(Map.of());
    when(salesforce.write(any()))
        .thenAnswer(
            call -> {
              List<RecordWrite> batch = call.getArgument(0);
              writes.addAll(batch);
              List<RecordResult> results = new ArrayList<>();
              batch.forEach(w -> results.add(new RecordResult(w, true, "500X", true, List.of())));
              return new WriteReport(results, 1);
            });
    OrderExtras fake =
        new OrderExtras(null, null) {
          @Override
          public Map<Long, Extra> of(String storeHash, OrderRules rules, List<JsonNode> orders) {
            return extras;
          }
        };
    step =
        new OrderRulesStep(
            ledger,
            firings,
            new CampaignEnrolments(salesforce),
            new CaseWrites(salesforce),
            new PaymentFacts(
                org.mockito.Mockito.mock(io.bcsync.sync.port.OrderPayments.class), firings),
            org.mockito.Mockito.mock(FulfilmentWatch.class),
            java.time.Clock.systemUTC(),
            fake);
  }

  @Test
  void conditionsReadTheExtraFacts() {
    OrderFacts plain = OrderFacts.of(STORE, order(1), "003A", 1);
    OrderFacts fromGoogle =
        plain.withExtras(new Utm("Google", "cpc"), List.of(refund(7, 1, "5.00")));

    assertThat(new Condition.UtmSourcePresent(Set.of()).holds(plain)).isFalse();
    assertThat(new Condition.UtmSourcePresent(Set.of()).holds(fromGoogle)).isTrue();
    assertThat(new Condition.UtmSourcePresent(Set.of("GOOGLE")).holds(fromGoogle)).isTrue();
    assertThat(new Condition.UtmSourcePresent(Set.of("newsletter")).holds(fromGoogle)).isFalse();
    assertThat(new Condition.RefundCreated().holds(plain)).isFalse();
    assertThat(new Condition.RefundCreated().holds(fromGoogle)).isTrue();
    assertThat(new Condition.RefundCreated().occurrence(fromGoogle)).isEqualTo("order:1:refund:7");
  }

  @Test
  void aRefundOpensACaseWithTheRefundDetailsOncePerLatestRefund() {
    OrderRules rules =
        new OrderRules(
            List.of(
                new OrderRule(
                    "refunds",
                    new Condition.RefundCreated(),
                    List.of(),
                    List.of(new RuleAction.OpenCase("Refund", null, null, null, null)),
                    "test")));
    extras.put(10L, new OrderExtras.Extra(null, List.of(refund(70, 10, "15.00"))));

    assertThat(run(rules, 10)).isEmpty();
    assertThat(run(rules, 10)).as("the same refund again").isEmpty();

    List<RecordWrite> cases = writes.stream().filter(w -> w.sobjectType().equals("Case")).toList();
    assertThat(cases).hasSize(1);
    assertThat(String.valueOf(cases.get(0).fields().get("Description")))
        .contains(
            "Refunds (BigCommerce V3):", "refund 70", "15.00 USD", "total refunded: 15.00 USD");

    extras.put(
        10L, new OrderExtras.Extra(null, List.of(refund(70, 10, "15.00"), refund(71, 10, "5.00"))));
    assertThat(run(rules, 10)).isEmpty();

    List<RecordWrite> after = writes.stream().filter(w -> w.sobjectType().equals("Case")).toList();
    assertThat(after).as("a later refund updates the order's Case").hasSize(2);
    assertThat(after.get(1).fields().get("BC_Case_Key__c")).isEqualTo("s1:10:Refund");
    assertThat(String.valueOf(after.get(1).fields().get("Description")))
        .contains("refund 71", "total refunded: 20.00 USD");
  }

  @Test
  void anOrderWithARecordedUtmSourceIsEnrolled() {
    OrderRules rules =
        new OrderRules(
            List.of(
                new OrderRule(
                    "from_google",
                    new Condition.UtmSourcePresent(Set.of("google")),
                    List.of(),
                    List.of(
                        new RuleAction.EnrolInCampaign(
                            new CampaignTarget(CampaignTarget.Kind.ID, ADS, null, false), "Sent")),
                    "test")));
    extras.put(20L, new OrderExtras.Extra(new Utm("google", "cpc"), List.of()));
    extras.put(21L, new OrderExtras.Extra(new Utm("newsletter", null), List.of()));

    run(rules, 20);
    run(rules, 21);

    assertThat(writes)
        .filteredOn(w -> w.sobjectType().equals("CampaignMember"))
        .singleElement()
        .satisfies(w -> assertThat(w.fields()).containsEntry("CampaignId", ADS));
  }

  private Map<Long, io.bcsync.pipeline.Outcome> run(OrderRules rules, long orderId) {
    return step.apply(
        STORE, rules, List.of(new OrderRulesStep.RuleOrder(orderId, order(orderId), "003A", null)));
  }

  private static StoreRefund refund(long id, long orderId, String amount) {
    return new StoreRefund(
        id, orderId, Instant.parse("2024-03-05T12:00:00Z"), new BigDecimal(amount));
  }

  private static JsonNode order(long id) {
    ObjectNode order = JSON.createObjectNode().put("id", id).put("total_inc_tax", "35.00");
    order.put("status_id", 14).put("currency_code", "USD");
    order.putArray("coupons");
    order.putArray("products");
    return order;
  }
}
