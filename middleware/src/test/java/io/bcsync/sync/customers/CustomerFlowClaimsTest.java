package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.flows.BigCommerceToSalesforceFlow;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A customer another worker holds a claim on, without threads: the test takes the claim itself, as
 * the other worker would, and the flow runs with {@code customer-claim-wait: 0s}, so the held
 * customer's items are retried at once while the batch's other customers are written. ({@code
 * UnlinkedCustomerRaceTest} forces real overlaps between two workers over the simulators.)
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerFlowClaimsTest implements TestPropertyProvider {
  static final String STORE = "claim1";

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject CustomerClaims claims;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;

  private final AtomicLong itemIds = new AtomicLong(5_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.properties();
    properties.put(CustomerClaims.WAIT_KEY, "0s");
    return properties;
  }

  @Test
  void a_customer_another_worker_holds_has_its_items_retried_and_the_others_are_written()
      throws Exception {
    store.customer(STORE, 81).email("held@example.com").save();
    store.order(STORE, 801, 81).line(80101, 7, "MUG-1", "9.95", 1).save();
    store.customer(STORE, 82).email("free@example.com").save();
    CustomerClaims.Claim otherWorker = claims.claim(STORE, List.of("customer:81"));
    WorkItem held = item("customer", 81);
    WorkItem heldOrder = item("order", 801);
    WorkItem free = item("customer", 82);

    Map<Long, Outcome> outcomes = flow.run(List.of(held, heldOrder, free));

    Outcome busy = Outcome.deferred("customer 81 is being written by another worker; deferred");
    assertThat(outcomes)
        .containsEntry(held.id(), busy)
        .containsEntry(heldOrder.id(), busy)
        .containsEntry(free.id(), Outcome.SUCCESS);
    assertThat(org.where("Contact", "BC_Customer_Id__c", STORE + ":81")).isEmpty();
    assertThat(org.where("Order", "BC_Order_Id__c", STORE + ":801")).isEmpty();
    assertThat(org.where("Contact", "BC_Customer_Id__c", STORE + ":82")).hasSize(1);

    claims.release(otherWorker);
    assertThat(flow.run(List.of(item("customer", 81), item("order", 801))).values())
        .as("the retry, once the other worker is done")
        .containsOnly(Outcome.SUCCESS);
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":801"))
        .containsEntry(
            "BC_Contact__c", org.one("Contact", "BC_Customer_Id__c", STORE + ":81").get("Id"));
  }

  @Test
  void a_linked_customer_needs_no_claim_so_another_workers_claim_does_not_hold_its_orders()
      throws Exception {
    store.customer(STORE, 83).email("linked@example.com").save();
    assertThat(flow.run(List.of(item("customer", 83))).values()).containsOnly(Outcome.SUCCESS);
    CustomerClaims.Claim otherWorker = claims.claim(STORE, List.of("customer:83"));
    store.order(STORE, 802, 83).line(80201, 7, "MUG-1", "9.95", 1).save();

    try {
      assertThat(flow.run(List.of(item("order", 802))).values()).containsOnly(Outcome.SUCCESS);
    } finally {
      claims.release(otherWorker);
    }
    assertThat(org.where("Order", "BC_Order_Id__c", STORE + ":802")).hasSize(1);
  }

  private WorkItem item(String type, long id) {
    return WorkItems.item(itemIds.incrementAndGet(), STORE, type, id);
  }
}
