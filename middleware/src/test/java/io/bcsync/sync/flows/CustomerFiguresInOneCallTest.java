package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
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
 * Issue 15's call budget: a buyer's figures are fields of the batch's own Contact and Account
 * upserts, new and linked customers alike, not update calls of their own after the orders; and they
 * stay right when the batch is replayed or the answer to the Contact upsert is lost.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerFiguresInOneCallTest implements TestPropertyProvider {
  static final String STORE = "fig2";
  static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;

  private final AtomicLong itemIds = new AtomicLong(12_000);

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.withStore(InMemoryPorts.properties(), STORE);
  }

  @Test
  void a_batchs_figures_travel_in_its_contact_and_account_upserts() throws Exception {
    store.customer(STORE, 91).email("linked@example.com").save();
    store.customer(STORE, 92).email("new@example.com").save();
    store.order(STORE, 901, 91).line(90101, 7, "MUG-1", "30.00", 1).createdAt(T0).save();
    assertThat(run("order", 901)).containsOnly(Outcome.SUCCESS);
    store.order(STORE, 902, 91).line(90201, 7, "MUG-1", "40.00", 1).createdAt(day(5)).save();
    store.order(STORE, 921, 92).line(92101, 7, "MUG-1", "10.00", 1).createdAt(T0).save();
    store.order(STORE, 922, 92).line(92201, 7, "MUG-1", "15.00", 2).createdAt(day(1)).save();
    Map<String, Integer> before = org.calls();

    assertThat(run("order", 902, "order", 921, "order", 922)).containsOnly(Outcome.SUCCESS);

    Map<String, Integer> batch = since(before);
    assertThat(batch)
        .as("one upsert call per object for a new and a linked customer, no figure updates")
        .containsEntry("upsert Contact", 1)
        .containsEntry("upsert Account", 1)
        .doesNotContainKeys("update Contact", "update Account");
    assertFigures(91, "70.00", 2);
    assertFigures(92, "40.00", 2);
  }

  @Test
  void a_lost_answer_and_a_replay_leave_the_figures_counted_once() throws Exception {
    store.customer(STORE, 93).email("lost@example.com").save();
    store.order(STORE, 931, 93).line(93101, 7, "MUG-1", "20.00", 1).createdAt(T0).save();
    assertThat(run("order", 931)).containsOnly(Outcome.SUCCESS);
    store.order(STORE, 932, 93).line(93201, 7, "MUG-1", "25.00", 1).createdAt(day(3)).save();

    // The Contact upsert carrying the figures is applied, but its answer never comes back.
    org.loseResponseOfNext("upsert", "Contact");
    assertThat(run("order", 932))
        .singleElement()
        .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.permanent()).isFalse());
    assertThat(run("order", 932)).as("the retry").containsOnly(Outcome.SUCCESS);
    assertFigures(93, "45.00", 2);

    Map<String, Integer> before = org.calls();
    assertThat(run("order", 931, "order", 932)).as("replayed").containsOnly(Outcome.SUCCESS);
    assertThat(run("order", 932)).as("and again").containsOnly(Outcome.SUCCESS);
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
