package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.customers.CustomerFiguresFlush;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 15's call budget: a new buyer's figures are fields of the batch's own Contact and Account
 * upserts; a linked buyer with nothing else to write costs the batch no call at all, its figures
 * are owed and written by the flush job, many customers per call. Both stay right when a batch is
 * replayed or the answer to a Contact upsert (the batch's or the flush's) is lost.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerFiguresInOneCallTest implements TestPropertyProvider {
  static final String STORE = "fig2";
  static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;
  @Inject CustomerFiguresFlush flush;

  private final AtomicLong itemIds = new AtomicLong(12_000);

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.withStore(InMemoryPorts.properties(), STORE);
  }

  @Test
  void new_customers_figures_ride_in_their_upserts_and_linked_ones_are_flushed_in_one_call_each()
      throws Exception {
    store.customer(STORE, 91).email("linked@example.com").save();
    store.customer(STORE, 94).email("linked2@example.com").save();
    store.customer(STORE, 92).email("new@example.com").save();
    store.order(STORE, 901, 91).line(90101, 7, "MUG-1", "30.00", 1).createdAt(T0).save();
    store.order(STORE, 941, 94).line(94101, 7, "MUG-1", "5.00", 1).createdAt(T0).save();
    assertThat(run("order", 901, "order", 941)).containsOnly(Outcome.SUCCESS);
    flush.run();
    store.order(STORE, 902, 91).line(90201, 7, "MUG-1", "40.00", 1).createdAt(day(5)).save();
    store.order(STORE, 942, 94).line(94201, 7, "MUG-1", "6.00", 1).createdAt(day(2)).save();
    store.order(STORE, 921, 92).line(92101, 7, "MUG-1", "10.00", 1).createdAt(T0).save();
    store.order(STORE, 922, 92).line(92201, 7, "MUG-1", "15.00", 2).createdAt(day(1)).save();
    Map<String, Integer> before = org.calls();

    assertThat(run("order", 902, "order", 942)).containsOnly(Outcome.SUCCESS);
    assertThat(since(before))
        .as("a batch of linked customers writes no Contact or Account")
        .doesNotContainKeys("upsert Contact", "upsert Account", "update Contact", "update Account");
    assertFigures(91, "30.00", 1);
    assertFigures(94, "5.00", 1);

    Map<String, Integer> beforeNew = org.calls();
    assertThat(run("order", 921, "order", 922)).containsOnly(Outcome.SUCCESS);
    assertThat(since(beforeNew))
        .as("a new customer's figures ride in its own upserts")
        .containsEntry("upsert Contact", 1)
        .containsEntry("upsert Account", 1)
        .doesNotContainKeys("update Contact", "update Account");
    assertFigures(92, "40.00", 2);

    Map<String, Integer> beforeFlush = org.calls();
    assertThat(flush.run()).as("both linked customers' figures").isEqualTo(2);
    assertThat(since(beforeFlush))
        .as("all owed figures in one Contact and one Account call")
        .containsOnly(Map.entry("upsert Contact", 1), Map.entry("upsert Account", 1));
    assertFigures(91, "70.00", 2);
    assertFigures(94, "11.00", 2);
    Map<String, Integer> afterFlush = org.calls();
    assertThat(flush.run()).as("nothing owed any more").isZero();
    assertThat(since(afterFlush)).isEmpty();
  }

  @Test
  void a_lost_flush_answer_is_written_again_by_the_next_run() throws Exception {
    store.customer(STORE, 95).email("lostflush@example.com").save();
    store.order(STORE, 951, 95).line(95101, 7, "MUG-1", "20.00", 1).createdAt(T0).save();
    assertThat(run("order", 951)).containsOnly(Outcome.SUCCESS);
    flush.run();
    store.order(STORE, 952, 95).line(95201, 7, "MUG-1", "25.00", 1).createdAt(day(3)).save();
    assertThat(run("order", 952)).containsOnly(Outcome.SUCCESS);

    // The flush's Contact upsert is applied, but its answer never comes back.
    org.loseResponseOfNext("upsert", "Contact");
    assertThat(flush.run()).as("nothing confirmed, the mark stays").isZero();
    assertThat(flush.run()).as("the next run writes the same figures again").isEqualTo(1);
    assertFigures(95, "45.00", 2);
    assertThat(flush.run()).isZero();
    assertThat(org.where("Contact", "BC_Customer_Id__c", STORE + ":95")).hasSize(1);
  }

  @Test
  void a_lost_answer_and_a_replay_leave_the_figures_counted_once() throws Exception {
    store.customer(STORE, 93).email("lost@example.com").save();
    store.order(STORE, 931, 93).line(93101, 7, "MUG-1", "20.00", 1).createdAt(T0).save();
    assertThat(run("order", 931)).containsOnly(Outcome.SUCCESS);
    store.order(STORE, 932, 93).line(93201, 7, "MUG-1", "25.00", 1).createdAt(day(3)).save();

    // The order's upsert is applied, but its answer never comes back: the retry records the
    // order in the ledger again (one row), and the flush writes the figures once.
    org.loseResponseOfNext("upsert", "Order");
    assertThat(run("order", 932))
        .singleElement()
        .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.permanent()).isFalse());
    assertThat(run("order", 932)).as("the retry").containsOnly(Outcome.SUCCESS);
    flush.run();
    assertFigures(93, "45.00", 2);

    Map<String, Integer> before = org.calls();
    assertThat(run("order", 931, "order", 932)).as("replayed").containsOnly(Outcome.SUCCESS);
    assertThat(run("order", 932)).as("and again").containsOnly(Outcome.SUCCESS);
    flush.run();
    assertFigures(93, "45.00", 2);
    assertThat(since(before)).doesNotContainKeys("update Contact", "update Account");
    assertThat(org.where("Order", "BC_Order_Id__c", STORE + ":932")).hasSize(1);
  }

  private void assertFigures(long customerId, String revenue, int orders) {
    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", STORE + ":" + customerId);
    Map<String, Object> account = org.record((String) contact.get("AccountId")).orElseThrow();
    for (Map<String, Object> record : List.of(contact, account)) {
      assertThat(new BigDecimal(record.get("BC_Lifetime_Revenue__c").toString()))
          .as("customer " + customerId + " revenue")
          .isEqualByComparingTo(revenue);
      assertThat(record).containsEntry("BC_Order_Count__c", BigDecimal.valueOf(orders));
    }
  }

  private Map<String, Integer> since(Map<String, Integer> before) {
    Map<String, Integer> delta = new java.util.TreeMap<>();
    org.calls()
        .forEach(
            (call, count) -> {
              int added = count - before.getOrDefault(call, 0);
              if (added > 0) {
                delta.put(call, added);
              }
            });
    return delta;
  }

  private static Instant day(int days) {
    return T0.plus(Duration.ofDays(days));
  }

  private Collection<Outcome> run(Object... typesAndIds) throws Exception {
    List<WorkItem> items = new ArrayList<>();
    for (int i = 0; i < typesAndIds.length; i += 2) {
      items.add(
          WorkItems.item(
              itemIds.incrementAndGet(),
              STORE,
              (String) typesAndIds[i],
              ((Number) typesAndIds[i + 1]).longValue()));
    }
    return flow.run(items).values();
  }
}
