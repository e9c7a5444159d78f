package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.customers.CustomerFiguresFlush;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.StoreOrder;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A B2C customer's figures on its Contact and household Account, against the in-memory org and
 * store: recomputed from the order ledger on every write, so a replay, a retry or a failed write
 * never double-counts, and a refund lowers the revenue (and may change the segment).
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerFiguresIntoSalesforceTest implements TestPropertyProvider {
  static final String STORE = "fig1";
  static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;
  @Inject CustomerFiguresFlush flush;

  private final AtomicLong itemIds = new AtomicLong(11_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.withStore(InMemoryPorts.properties(), STORE);
    properties.put("bcsync.sync.customer-figures.vip-revenue", "60");
    properties.put("bcsync.sync.customer-figures.at-risk-days", "90");
    return properties;
  }

  @Test
  void two_orders_and_a_refund_give_the_customers_figures_and_a_replay_changes_nothing()
      throws Exception {
    store.category(STORE, 1, "Mugs");
    store.category(STORE, 2, "Lamps");
    store.product(STORE, 7, List.of(1L));
    store.product(STORE, 8, List.of(1L, 2L));
    store.customer(STORE, 81).email("figures@example.com").save();
    store.order(STORE, 801, 81).line(80101, 7, "MUG-1", "30.00", 1).createdAt(T0).save();
    StoreOrder second =
        store
            .order(STORE, 802, 81)
            .line(80201, 8, "LAMP-1", "40.00", 1)
            .createdAt(T0.plus(java.time.Duration.ofDays(10)))
            .modifiedAt(T0.plus(java.time.Duration.ofDays(10)));
    second.save();
    assertThat(run("customer", 81, "order", 801)).containsOnly(Outcome.SUCCESS);
    assertThat(run("order", 802)).containsOnly(Outcome.SUCCESS);
    flush.run(); // the customer was linked: its batch owes its figures, the flush job writes them

    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", STORE + ":81");
    assertThat(contact)
        .containsEntry("BC_Lifetime_Revenue__c", new BigDecimal("70.00"))
        .containsEntry("BC_Segment__c", "VIP");

    second.status(14).refunded("15.00").modifiedAt(T0.plus(java.time.Duration.ofDays(12)));
    second.save();
    assertThat(run("order", 802)).containsOnly(Outcome.SUCCESS);
    flush.run();

    Map<String, Object> expected =
        Map.of(
            "BC_Lifetime_Revenue__c",
            new BigDecimal("55.00"),
            "BC_Order_Count__c",
            new BigDecimal("2"),
            "BC_First_Order_Date__c",
            LocalDate.of(2024, 6, 1),
            "BC_Last_Order_Date__c",
            LocalDate.of(2024, 6, 11),
            "BC_Avg_Days_Between_Orders__c",
            new BigDecimal("10.0"),
            "BC_Top_Categories__c",
            "Mugs; Lamps",
            "BC_Segment__c",
            "At Risk");
    contact = org.one("Contact", "BC_Customer_Id__c", STORE + ":81");
    assertThat(contact).containsAllEntriesOf(expected);
    assertThat(org.record((String) contact.get("AccountId")).orElseThrow())
        .as("the household Account carries the same figures")
        .containsAllEntriesOf(expected);

    assertThat(run("order", 801, "order", 802)).containsOnly(Outcome.SUCCESS);
    org.failNext(1, "upsert", "Contact", "UNABLE_TO_LOCK_ROW");
    assertThat(flush.run()).as("the flush's write failed: still owed").isZero();
    assertThat(flush.run()).as("written by the next run").isEqualTo(1);

    contact = org.one("Contact", "BC_Customer_Id__c", STORE + ":81");
    assertThat(contact).as("replayed and retried: counted once").containsAllEntriesOf(expected);
    assertThat(org.record((String) contact.get("AccountId")).orElseThrow())
        .containsAllEntriesOf(expected);
  }

  private Collection<Outcome> run(Object... typesAndIds) throws Exception {
    List<WorkItem> items = new java.util.ArrayList<>();
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
