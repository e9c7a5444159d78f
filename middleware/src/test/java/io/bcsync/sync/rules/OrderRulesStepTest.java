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
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.accounts.CompanyLedger;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import java.math.BigDecimal;
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
 * The triggers over order facts and the ledger, and the step's once-only firing: a replayed
 * webhook, a late older order and a lost CampaignMember answer never make a second membership.
 * Salesforce is a fake of the port that keeps one membership per Campaign and Contact, refusing a
 * second with DUPLICATE_VALUE as Salesforce does.
 */
class OrderRulesStepTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String STORE = "s1";
  private static final String FIRST = "701000000000001AAA";
  private static final String REPEAT = "701000000000002AAA";

  private final Map<String, List<Long>> ledger = new HashMap<>();
  private final Set<String> members = new HashSet<>();
  private final List<RecordWrite> memberWrites = new ArrayList<>();
  private boolean loseNextMemberAnswer;
  private OrderRulesStep step;
  private final Set<String> recorded = new HashSet<>();

  private final OrderRules rules =
      new OrderRules(
          List.of(
              rule("first", new Condition.FirstOrder(), FIRST),
              rule("repeat", new Condition.RepeatOrder(null), REPEAT)));

  @BeforeEach
  void setUp() {
    CompanyLedger sequences = mock(CompanyLedger.class);
    when(sequences.orderSequence(anyString(), anyCollection()))
        .thenAnswer(call -> new HashMap<>(ledger));
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
              Map<String, Long> firings,
              java.util.List<io.bcsync.sync.port.Notice> owed,
              java.util.List<RuleWrite> written) {
            recorded.addAll(firings.keySet());
          }
        };
    SalesforceRecords salesforce = mock(SalesforceRecords.class);
    when(salesforce.write(any())).thenAnswer(call -> write(call.getArgument(0)));
    step =
        new OrderRulesStep(
            sequences,
            firings,
            new CampaignEnrolments(salesforce),
            new CaseWrites(salesforce),
            new PaymentFacts(mock(io.bcsync.sync.port.OrderPayments.class), firings),
            mock(FulfilmentWatch.class),
            java.time.Clock.systemUTC(),
            null);
  }

  private WriteReport write(List<RecordWrite> writes) {
    List<RecordResult> results = new ArrayList<>();
    boolean lose = loseNextMemberAnswer;
    loseNextMemberAnswer = false;
    for (RecordWrite w : writes) {
      memberWrites.add(w);
      String key = w.fields().get("CampaignId") + "/" + w.fields().get("ContactId");
      RecordResult result =
          members.add(key)
              ? new RecordResult(w, true, "00v" + members.size(), true, List.of())
              : new RecordResult(
                  w,
                  false,
                  null,
                  false,
                  List.of(
                      new RecordError(
                          "DUPLICATE_VALUE", "Already a campaign member.", null, false)));
      if (lose) {
        result =
            new RecordResult(
                w, false, null, false, List.of(new RecordError("TIMEOUT", "lost", null, true)));
      }
      results.add(result);
    }
    return new WriteReport(results, 1);
  }

  private static OrderRule rule(String name, Condition trigger, String campaignId) {
    return new OrderRule(
        name,
        trigger,
        List.of(),
        List.of(
            new RuleAction.EnrolInCampaign(
                new CampaignTarget(CampaignTarget.Kind.ID, campaignId, null, false), "Sent")),
        "test");
  }

  private static JsonNode order(long id, String total, String... coupons) {
    ObjectNode order = JSON.createObjectNode().put("id", id).put("total_inc_tax", total);
    order.put("status_id", 11);
    var list = order.putArray("coupons");
    for (String code : coupons) {
      list.addObject().put("code", code);
    }
    return order;
  }

  private Map<Long, Outcome> run(long itemId, long orderId, String contact) {
    return step.apply(
        STORE,
        rules,
        // The fake ledger is keyed by the same name for the customer as for its Contact.
        List.of(new OrderRulesStep.RuleOrder(itemId, order(orderId, "10"), contact, contact)));
  }

  @Test
  void a_first_order_fires_once_across_a_replayed_webhook_and_a_repeat_lands_in_its_campaign() {
    ledger.put("003A", List.of(100L));
    assertThat(run(1, 100, "003A")).isEmpty();
    assertThat(run(2, 100, "003A")).as("the replay").isEmpty();
    ledger.put("003A", List.of(100L, 101L));
    assertThat(run(3, 101, "003A")).isEmpty();

    assertThat(members).containsExactlyInAnyOrder(FIRST + "/003A", REPEAT + "/003A");
    assertThat(memberWrites).as("the replay cost no call").hasSize(2);
  }

  @Test
  void an_older_order_arriving_late_does_not_fire_first_order_a_second_time() {
    ledger.put("003B", List.of(201L));
    run(1, 201, "003B"); // the 2nd order arrives first and is, for now, the first
    ledger.put("003B", List.of(200L, 201L));
    run(2, 200, "003B");

    assertThat(memberWrites).extracting(w -> w.fields().get("CampaignId")).containsExactly(FIRST);
  }

  @Test
  void a_lost_membership_answer_is_retried_and_the_duplicate_refusal_is_success() {
    ledger.put("003C", List.of(300L));
    loseNextMemberAnswer = true;
    Map<Long, Outcome> lost = run(1, 300, "003C");
    assertThat(lost.get(1L)).isInstanceOf(Outcome.Failure.class);
    assertThat(recorded).isEmpty();

    assertThat(run(1, 300, "003C")).as("the retry").isEmpty();
    assertThat(members).containsExactly(FIRST + "/003C");
    assertThat(recorded).containsExactly("first|first:003C");
  }

  @Test
  void orders_without_a_contact_or_not_counted_fire_no_customer_trigger() {
    assertThat(run(1, 400, null)).isEmpty();
    ledger.put("003D", List.of());
    assertThat(run(2, 401, "003D")).isEmpty();
    assertThat(memberWrites).isEmpty();
  }

  @Test
  void threshold_and_coupon_conditions_read_the_order() {
    OrderFacts facts = OrderFacts.of(STORE, order(5, "250.00", "SPRING10", "VIP"), "003E", 2);
    assertThat(new Condition.TotalAtLeast(new BigDecimal("250")).holds(facts)).isTrue();
    assertThat(new Condition.TotalAtLeast(new BigDecimal("250.01")).holds(facts)).isFalse();
    assertThat(new Condition.CouponPresent(Set.of()).holds(facts)).isTrue();
    assertThat(new Condition.CouponPresent(Set.of("spring10")).holds(facts)).isTrue();
    assertThat(new Condition.CouponPresent(Set.of("WINTER")).holds(facts)).isFalse();
    assertThat(new Condition.RepeatOrder(2).holds(facts)).isTrue();
    assertThat(new Condition.RepeatOrder(3).holds(facts)).isFalse();
    assertThat(new Condition.FirstOrder().holds(facts)).isFalse();
    assertThat(OrderFacts.couponKey(STORE, " Spring10 ")).isEqualTo("s1:coupon:spring10");

    ObjectNode declined = (ObjectNode) order(6, "900.00", "SPRING10");
    declined.put("status_id", 6);
    OrderFacts notASale = OrderFacts.of(STORE, declined, "003E", 0);
    assertThat(new Condition.TotalAtLeast(new BigDecimal("250")).holds(notASale)).isFalse();
    assertThat(new Condition.CouponPresent(Set.of()).holds(notASale)).isFalse();
  }
}
