package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.customers.AtRiskSweep;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A customer who stops ordering turns At Risk without a new order: the sweep finds it in the ledger
 * once its last order is older than at-risk-days, writes the segment to its Contact and household
 * Account in batched updates, and does not write it again; a failed write, or one whose answer was
 * lost, is repeated by the next run.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AtRiskSweepTest implements TestPropertyProvider {
  static final String STORE = "fig3";

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;
  @Inject AtRiskSweep sweep;
  @Inject Clock clock;

  private final AtomicLong itemIds = new AtomicLong(13_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.withStore(InMemoryPorts.properties(), STORE);
    properties.put("test.mutable-clock", "true");
    properties.put("bcsync.sync.customer-figures.at-risk-days", "30");
    properties.putAll(databaseProperties());
    return properties;
  }

  /** The in-memory ports' H2 unless a subclass names another database. */
  protected Map<String, String> databaseProperties() {
    return Map.of();
  }

  @Test
  void a_customer_whose_last_order_crossed_the_threshold_turns_at_risk_once() throws Exception {
    MutableClock time = (MutableClock) clock;
    store.customer(STORE, 97).email("quiet@example.com").save();
    store.customer(STORE, 98).email("lively@example.com").save();
    store
        .order(STORE, 971, 97)
        .line(97101, 7, "MUG-1", "20.00", 1)
        .createdAt(time.instant().minus(Duration.ofDays(10)))
        .save();
    store
        .order(STORE, 981, 98)
        .line(98101, 7, "MUG-1", "20.00", 1)
        .createdAt(time.instant().minus(Duration.ofDays(1)))
        .save();
    assertThat(run(971, 981)).containsOnly(Outcome.SUCCESS);
    assertThat(segment(97)).isEqualTo("Standard");

    time.advance(Duration.ofDays(25)); // 35 days since 97's order, 26 since 98's
    org.failNext(1, "update", "Contact", "UNABLE_TO_LOCK_ROW");
    assertThat(sweep.run()).as("the write failed: nothing counted as done").isZero();
    assertThat(segment(97)).isEqualTo("Standard");

    Map<String, Integer> before = org.calls();
    assertThat(sweep.run()).as("the next run writes it").isEqualTo(1);
    assertThat(segment(97)).isEqualTo("At Risk");
    assertThat(accountSegment(97)).isEqualTo("At Risk");
    assertThat(segment(98)).isEqualTo("Standard");
    assertThat(org.calls().get("update Contact") - before.getOrDefault("update Contact", 0))
        .isEqualTo(1);
    assertThat(org.calls().get("update Account") - before.getOrDefault("update Account", 0))
        .isEqualTo(1);

    Map<String, Integer> after = org.calls();
    assertThat(sweep.run()).as("already swept").isZero();
    assertThat(org.calls()).isEqualTo(after);

    time.advance(Duration.ofDays(10)); // now 98 crossed too
    org.loseResponseOfNext("update", "Contact");
    assertThat(sweep.run()).as("written, but the answer was lost: not counted as done").isZero();
    assertThat(sweep.run()).as("written again, the same value").isEqualTo(1);
    assertThat(segment(98)).isEqualTo("At Risk");
    assertThat(sweep.run()).isZero();
  }

  private String segment(long customerId) {
    return (String)
        org.one("Contact", "BC_Customer_Id__c", STORE + ":" + customerId).get("BC_Segment__c");
  }

  private String accountSegment(long customerId) {
    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", STORE + ":" + customerId);
    return (String)
        org.record((String) contact.get("AccountId")).orElseThrow().get("BC_Segment__c");
  }

  private List<Outcome> run(long... orderIds) throws Exception {
    List<WorkItem> items = new java.util.ArrayList<>();
    for (long id : orderIds) {
      items.add(WorkItems.item(itemIds.incrementAndGet(), STORE, "order", id));
    }
    return List.copyOf(flow.run(items).values());
  }
}
