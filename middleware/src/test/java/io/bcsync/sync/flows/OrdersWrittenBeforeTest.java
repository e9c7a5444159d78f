package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.StoreOrder;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Orders Salesforce has but the identity map does not know: every answer of an earlier attempt was
 * lost, or the worker died between Salesforce's commit and saving the rows. The in-memory org
 * refuses, as Salesforce does, an Activated Order's AccountId and the insert-only fields of lines
 * that exist; the flow must converge on the records instead of dead-lettering the order.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersWrittenBeforeTest implements TestPropertyProvider {
  static final String STORE = "owb1";
  static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;
  @Inject IdentityMap identities;

  private final AtomicLong itemIds = new AtomicLong(8_000);

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.withStore(
        InMemoryPorts.properties(), STORE, "orders:\n  activate_on_status: [2, 9]\n");
  }

  @Test
  void an_activated_order_unknown_here_is_retried_then_updated_as_the_existing_order()
      throws Exception {
    store.customer(STORE, 81).email("written.before@example.com").save();
    StoreOrder order =
        store.order(STORE, 801, 81).line(80101, 7, "MUG-1", "9.95", 1).status(9).modifiedAt(T0);
    order.save();
    assertThat(run(801, 1)).isEqualTo(Outcome.SUCCESS);
    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":801");
    assertThat(sfOrder).containsEntry("Status", "Activated");
    forget("801");

    order.status(2).modifiedAt(T0.plusSeconds(5)).save();
    Outcome first = run(801, 1);

    assertThat(first)
        .as("Salesforce refused AccountId on the Activated order it has: not a data error")
        .isInstanceOfSatisfying(
            Outcome.Failure.class,
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.error()).contains("is in Salesforce", sfOrder.get("Id").toString());
            });

    assertThat(run(801, 2)).as("the retry looks it up first").isEqualTo(Outcome.SUCCESS);
    assertThat(org.where("Order", "BC_Order_Id__c", STORE + ":801"))
        .singleElement()
        .satisfies(
            o ->
                assertThat(o)
                    .containsEntry("Id", sfOrder.get("Id"))
                    .containsEntry("Status", "Activated")
                    .containsEntry("BC_Status__c", "Shipped"));
    assertThat(org.where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(1);
    assertThat(identities.find(STORE, "order", List.of("801")).get("801").sfId())
        .isEqualTo(sfOrder.get("Id"));
  }

  @Test
  void a_draft_order_unknown_here_is_found_by_the_retry_without_sending_its_price_book_again()
      throws Exception {
    store.customer(STORE, 82).email("draft.before@example.com").save();
    StoreOrder order =
        store.order(STORE, 802, 82).line(80201, 7, "MUG-1", "9.95", 2).modifiedAt(T0);
    order.save();
    assertThat(run(802, 1)).isEqualTo(Outcome.SUCCESS);
    forget("802");
    int queries = org.calls("query", "Order");

    order.modifiedAt(T0.plusSeconds(5)).save();
    assertThat(run(802, 3)).isEqualTo(Outcome.SUCCESS);

    assertThat(org.calls("query", "Order")).as("one lookup by external id").isEqualTo(queries + 1);
    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":802");
    assertThat(org.where("OrderItem", "OrderId", sfOrder.get("Id")))
        .singleElement()
        .satisfies(line -> assertThat(line.get("Quantity").toString()).startsWith("2"));
  }

  /** As after a crash before the rows were saved: Salesforce has the order, this side not. */
  private void forget(String orderId) {
    identities.deleteRecords(
        STORE, "order", identities.find(STORE, "order", List.of(orderId)).values());
    identities.deleteRecords(
        STORE,
        "order_line",
        identities
            .children(STORE, "order_line", List.of(orderId))
            .getOrDefault(orderId, List.of()));
  }

  private Outcome run(long orderId, int attempt) throws Exception {
    WorkItem item =
        WorkItems.item(
            itemIds.incrementAndGet(),
            new EntityRef(STORE, "order", String.valueOf(orderId)),
            attempt);
    return flow.run(List.of(item)).get(item.id());
  }
}
