package io.bcsync.sync.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.FailureClassifier;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.testsupport.ports.WorkItems;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The router with tiny flows of its own: who gets which item, and what every item ends as. */
class WorkRouterTest {
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<Map<Long, Outcome>> observed = new ArrayList<>();

  private final WorkItem order = WorkItems.item(1, "store1", "order", 10);
  private final WorkItem customer = WorkItems.item(2, "store1", "customer", 20);
  private final WorkItem contact =
      WorkItems.item(3, EntityRef.salesforce("00D000000000001", "Contact", "003000000000001"));

  /** A flow for some kinds that records what it got and answers what {@code body} says. */
  private static final class TestFlow implements Flow {
    interface Body {
      Map<Long, Outcome> run(List<WorkItem> items) throws Exception;
    }

    final String name;
    final List<WorkKind> kinds;
    final Body body;
    final List<WorkItem> got = new ArrayList<>();

    TestFlow(String name, Body body, WorkKind... kinds) {
      this.name = name;
      this.body = body;
      this.kinds = List.of(kinds);
    }

    static TestFlow succeeding(String name, WorkKind... kinds) {
      return new TestFlow(name, TestFlow::allSucceed, kinds);
    }

    static Map<Long, Outcome> allSucceed(List<WorkItem> items) {
      Map<Long, Outcome> outcomes = new HashMap<>();
      items.forEach(i -> outcomes.put(i.id(), Outcome.SUCCESS));
      return outcomes;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public boolean handles(WorkKind kind) {
      return kinds.contains(kind);
    }

    @Override
    public Map<Long, Outcome> run(List<WorkItem> items) throws Exception {
      got.addAll(items);
      return body.run(items);
    }
  }

  private static final WorkKind BC_ORDER = new WorkKind(Origin.BIGCOMMERCE, "order");
  private static final WorkKind BC_CUSTOMER = new WorkKind(Origin.BIGCOMMERCE, "customer");
  private static final WorkKind SF_CONTACT = new WorkKind(Origin.SALESFORCE, "Contact");

  private WorkRouter router(Flow... flows) {
    return new WorkRouter(
        List.of(flows),
        new FailureClassifier(),
        new RoutingMetrics(meters),
        List.of((items, outcomes) -> observed.add(Map.copyOf(outcomes))));
  }

  @Test
  void items_go_to_the_first_flow_that_handles_their_origin_and_type() {
    TestFlow bigCommerce = TestFlow.succeeding("bc", BC_ORDER, BC_CUSTOMER);
    TestFlow salesforce = TestFlow.succeeding("sf", SF_CONTACT);
    TestFlow shadowed = TestFlow.succeeding("later", BC_ORDER);

    Map<Long, Outcome> outcomes =
        router(bigCommerce, salesforce, shadowed).handle(List.of(order, contact, customer));

    assertThat(bigCommerce.got).containsExactly(order, customer);
    assertThat(salesforce.got).containsExactly(contact);
    assertThat(shadowed.got).isEmpty();
    assertThat(outcomes).hasSize(3).allSatisfy((id, o) -> assertThat(o).isEqualTo(Outcome.SUCCESS));
    assertThat(meters.counter("bcsync.flow.items", "flow", "bc", "outcome", "success").count())
        .isEqualTo(2);
    assertThat(observed).containsExactly(outcomes);
  }

  @Test
  void an_item_of_a_kind_no_flow_handles_ends_skipped_with_that_reason_and_is_counted() {
    WorkItem coupon = WorkItems.item(4, "store1", "coupon", 5);

    Map<Long, Outcome> outcomes =
        router(TestFlow.succeeding("bc", BC_ORDER)).handle(List.of(coupon, order));

    assertThat(outcomes)
        .containsEntry(coupon.id(), Outcome.skipped("no flow handles bigcommerce coupon items yet"))
        .containsEntry(order.id(), Outcome.SUCCESS);
    assertThat(
            meters
                .counter("bcsync.sync.unrouted", "origin", "bigcommerce", "type", "coupon")
                .count())
        .isEqualTo(1);
  }

  @Test
  void a_flow_that_throws_fails_only_its_own_items_as_the_pipeline_classifies_the_exception() {
    TestFlow badData =
        new TestFlow(
            "bad-data",
            items -> {
              throw new PermanentFailureException("the store refused the call");
            },
            BC_ORDER);
    TestFlow outage =
        new TestFlow(
            "outage",
            items -> {
              throw new IllegalStateException("connection reset");
            },
            BC_CUSTOMER);
    TestFlow fine = TestFlow.succeeding("fine", SF_CONTACT);

    Map<Long, Outcome> outcomes =
        router(badData, outage, fine).handle(List.of(order, customer, contact));

    assertThat(outcomes)
        .containsEntry(
            order.id(), Outcome.permanent("PermanentFailureException: the store refused the call"))
        .containsEntry(customer.id(), Outcome.retry("IllegalStateException: connection reset"))
        .containsEntry(contact.id(), Outcome.SUCCESS);
    assertThat(
            meters
                .counter("bcsync.flow.items", "flow", "bad-data", "outcome", "permanent_failure")
                .count())
        .isEqualTo(1);
  }

  @Test
  void an_item_a_flow_forgot_to_answer_is_retried_with_the_flow_named() {
    TestFlow forgetful =
        new TestFlow(
            "forgetful", items -> Map.of(order.id(), Outcome.SUCCESS), BC_ORDER, BC_CUSTOMER);

    Map<Long, Outcome> outcomes = router(forgetful).handle(List.of(order, customer));

    assertThat(outcomes)
        .containsEntry(order.id(), Outcome.SUCCESS)
        .containsEntry(
            customer.id(), Outcome.retry("flow forgetful returned no outcome for this item"));
  }
}
