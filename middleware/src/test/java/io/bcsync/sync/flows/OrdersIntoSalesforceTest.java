package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.port.StoreReader.StoreAccess;
import io.bcsync.sync.routing.WorkRouter;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.StoreOrder;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Orders on their way into Salesforce as Order and OrderItem, against the in-memory org and store:
 * what {@code SyncEndToEndTest} covers for orders over both simulators (stale versions, removed
 * lines, activation, a record Salesforce rejects, a call that fails) and what only a fake can count
 * (calls per batch). Store {@value #STORE} activates orders in status 2 and 9, as that test's store
 * does.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersIntoSalesforceTest implements TestPropertyProvider {
  static final String STORE = "ord1";
  static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject WorkRouter router;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;
  @Inject IdentityMap identities;

  private final AtomicLong itemIds = new AtomicLong(2_000);

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.withStore(
        InMemoryPorts.properties(), STORE, "orders:\n  activate_on_status: [2, 9]\n");
  }

  @Test
  void an_order_read_at_an_older_version_than_the_one_written_is_skipped_and_writes_nothing()
      throws Exception {
    StoreOrder order = mugAndLamp(201, 21).modifiedAt(T0.plusSeconds(10));
    order.save();
    assertThat(run(item("order", 201))).isEqualTo(Outcome.SUCCESS);
    int upserts = org.calls("upsert", "Order");

    order.status(10).modifiedAt(T0).save();
    Outcome stale = run(item("order", 201));

    assertThat(stale)
        .isEqualTo(
            Outcome.skipped("read at an older version than the one already written to Salesforce"));
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":201"))
        .containsEntry("BC_Status__c", "Awaiting Fulfillment");
    assertThat(org.calls("upsert", "Order")).isEqualTo(upserts);
  }

  @Test
  void
      a_line_removed_from_the_order_is_deleted_the_others_kept_and_a_retry_after_the_delete_passes()
          throws Exception {
    StoreOrder order = mugAndLamp(202, 22);
    order.save();
    run(item("order", 202));
    String sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":202").get("Id").toString();
    String mugItem =
        org.one("OrderItem", "BC_Order_Line_Id__c", STORE + ":20201").get("Id").toString();
    String lampItem =
        org.one("OrderItem", "BC_Order_Line_Id__c", STORE + ":20202").get("Id").toString();

    order.withoutLine(20202).modifiedAt(T0.plusSeconds(5)).save();
    // The delete reaches Salesforce but its answer does not reach us: the whole batch is retried.
    org.loseResponseOfNext("delete", "OrderItem");
    WorkItem first = item("order", 202);
    Outcome lost = router.handle(List.of(first)).get(first.id());
    assertThat(lost).isInstanceOf(Outcome.Failure.class);
    assertThat(((Outcome.Failure) lost).permanent()).isFalse();
    assertThat(org.isDeleted(lampItem)).isTrue();

    assertThat(run(item("order", 202)))
        .as("the retry deletes the line again, which is already gone")
        .isEqualTo(Outcome.SUCCESS);
    assertThat(org.where("OrderItem", "OrderId", sfOrder))
        .singleElement()
        .satisfies(i -> assertThat(i.get("Id")).as("kept, not re-created").isEqualTo(mugItem));
    assertThat(identities.children(STORE, "order_line", List.of("202")).get("202"))
        .singleElement()
        .satisfies(line -> assertThat(line.sfId()).isEqualTo(mugItem));
  }

  @Test
  void an_order_reaching_an_activating_status_is_activated_and_a_line_change_goes_through_draft()
      throws Exception {
    StoreOrder order = mugAndLamp(203, 23);
    order.save();
    run(item("order", 203));
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":203"))
        .as("11 does not activate")
        .containsEntry("Status", "Draft");

    order.status(2).modifiedAt(T0.plusSeconds(1)).save();
    assertThat(run(item("order", 203))).isEqualTo(Outcome.SUCCESS);
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":203"))
        .containsEntry("Status", "Activated");

    // The in-memory org refuses item changes on an Activated Order: only Draft first lets this
    // pass.
    int drafts = org.calls("update", "Order");
    order.withoutLine(20302).status(9).modifiedAt(T0.plusSeconds(2)).save();
    assertThat(run(item("order", 203))).isEqualTo(Outcome.SUCCESS);

    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":203");
    assertThat(sfOrder).containsEntry("Status", "Activated");
    assertThat(org.where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(1);
    assertThat(org.calls("update", "Order")).as("set back to Draft once").isEqualTo(drafts + 1);
  }

  @Test
  void a_quantity_changed_as_the_order_reaches_an_activating_status_is_written_before_activation()
      throws Exception {
    StoreOrder order = mugAndLamp(207, 29);
    order.save();
    run(item("order", 207));

    order
        .withoutLine(20701)
        .line(20701, 7, "MUG-1", "9.95", 3)
        .status(2)
        .modifiedAt(T0.plusSeconds(1))
        .save();

    assertThat(run(item("order", 207))).isEqualTo(Outcome.SUCCESS);
    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":207");
    assertThat(sfOrder).containsEntry("Status", "Activated");
    assertThat(org.one("OrderItem", "BC_Order_Line_Id__c", STORE + ":20701").get("Quantity"))
        .asString()
        .isEqualTo("3.00");
  }

  @Test
  void an_activated_order_leaving_the_activating_statuses_goes_back_to_draft_with_its_new_lines()
      throws Exception {
    StoreOrder order = mugAndLamp(210, 32);
    order.status(2).save();
    run(item("order", 210));
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":210"))
        .containsEntry("Status", "Activated");

    // Refunded (4) is not an activating status; a quantity changes on the way.
    order
        .withoutLine(21001)
        .line(21001, 7, "MUG-1", "9.95", 3)
        .status(4)
        .modifiedAt(T0.plusSeconds(1))
        .save();

    assertThat(run(item("order", 210))).isEqualTo(Outcome.SUCCESS);
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":210"))
        .as("activated only while its status is in activate_on_status")
        .containsEntry("Status", "Draft");
    assertThat(org.one("OrderItem", "BC_Order_Line_Id__c", STORE + ":21001").get("Quantity"))
        .asString()
        .isEqualTo("3.00");
  }

  @Test
  void shuffled_deliveries_of_one_order_leave_one_order_with_the_latest_values() throws Exception {
    StoreOrder order = mugAndLamp(209, 31);
    order.status(2).modifiedAt(T0.plusSeconds(3)).save();
    assertThat(run(item("order", 209))).isEqualTo(Outcome.SUCCESS);
    order.status(11).modifiedAt(T0.plusSeconds(1)).save();
    assertThat(run(item("order", 209))).isInstanceOf(Outcome.Skipped.class);
    order.status(9).modifiedAt(T0.plusSeconds(2)).save();
    assertThat(run(item("order", 209))).isInstanceOf(Outcome.Skipped.class);
    order.status(2).modifiedAt(T0.plusSeconds(3)).save();
    assertThat(run(item("order", 209))).as("the same version again").isEqualTo(Outcome.SUCCESS);

    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":209");
    assertThat(sfOrder).containsEntry("BC_Status__c", "Shipped");
    assertThat(org.where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(2);
    assertThat(org.where("Contact", "Email", "buyer209@example.com")).hasSize(1);
    assertThat(org.where("Account", "BC_Account_Key__c", STORE + ":customer:31")).hasSize(1);
  }

  @Test
  void a_new_order_already_in_an_activating_status_is_activated_after_its_lines() throws Exception {
    mugAndLamp(204, 24).status(2).save();

    assertThat(run(item("order", 204))).isEqualTo(Outcome.SUCCESS);

    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":204");
    assertThat(sfOrder).containsEntry("Status", "Activated");
    assertThat(org.where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(2);
  }

  @Test
  void a_record_salesforce_rejects_fails_only_its_own_work_item() throws Exception {
    store.customer(STORE, 25).email("gone@example.com").save();
    run(item("customer", 25));
    // Deleted in Salesforce; the identity map still links it.
    org.deleteRecord(org.one("Contact", "BC_Customer_Id__c", STORE + ":25").get("Id").toString());
    store.customer(STORE, 25).email("gone@example.com").name("Still", "Here").save();
    store.customer(STORE, 26).email("fine@example.com").name("Fine", "Neighbour").save();
    WorkItem gone = item("customer", 25);
    WorkItem fine = item("customer", 26);

    Map<Long, Outcome> outcomes = flow.run(List.of(gone, fine));

    assertThat(outcomes).containsEntry(fine.id(), Outcome.SUCCESS);
    assertThat(outcomes.get(gone.id()))
        .isInstanceOfSatisfying(
            Outcome.Failure.class,
            f -> {
              assertThat(f.permanent()).isTrue();
              assertThat(f.error()).startsWith("Contact update failed: ENTITY_IS_DELETED");
            });
    assertThat(org.where("Contact", "BC_Customer_Id__c", STORE + ":26")).hasSize(1);
  }

  @Test
  void lines_written_whose_response_was_lost_are_updated_by_the_retry_not_refused()
      throws Exception {
    mugAndLamp(208, 30).save();
    org.loseResponseOfNext("upsert", "OrderItem");

    Outcome lost = run(item("order", 208));

    assertThat(lost)
        .isInstanceOfSatisfying(
            Outcome.Failure.class, f -> assertThat(f.permanent()).as(f.error()).isFalse());
    String sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":208").get("Id").toString();
    assertThat(org.where("OrderItem", "OrderId", sfOrder)).as("written all the same").hasSize(2);

    assertThat(run(item("order", 208))).isEqualTo(Outcome.SUCCESS);
    assertThat(org.where("OrderItem", "OrderId", sfOrder)).hasSize(2);
  }

  @Test
  void a_call_that_fails_as_a_whole_retries_its_items_and_the_retry_leaves_one_order()
      throws Exception {
    mugAndLamp(205, 27).save();
    org.failNext(1, "upsert", "Order", "UNABLE_TO_LOCK_ROW");

    Outcome locked = run(item("order", 205));

    assertThat(locked)
        .isInstanceOfSatisfying(
            Outcome.Failure.class,
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.error()).contains("UNABLE_TO_LOCK_ROW");
            });
    assertThat(run(item("order", 205))).isEqualTo(Outcome.SUCCESS);
    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":205");
    assertThat(org.where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(2);
    assertThat(org.where("Contact", "Email", "buyer205@example.com")).hasSize(1);
  }

  @Test
  void fifty_orders_of_fifty_new_customers_cost_one_read_and_one_upsert_call_per_object()
      throws Exception {
    List<WorkItem> batch = new ArrayList<>();
    for (long i = 0; i < 50; i++) {
      mugAndLamp(3_000 + i, 300 + i).save();
      batch.add(item("order", 3_000 + i));
    }
    Map<String, Integer> before = org.calls();

    Map<Long, Outcome> outcomes = flow.run(batch);

    assertThat(outcomes).hasSize(50);
    assertThat(outcomes.values()).containsOnly(Outcome.SUCCESS);
    assertThat(
            org.records("Order").stream()
                .filter(o -> o.get("BC_Order_Id__c").toString().startsWith(STORE + ":30")))
        .hasSize(50);
    for (String object : List.of("Account", "Contact", "Order", "OrderItem")) {
      assertThat(org.calls("upsert", object) - before.getOrDefault("upsert " + object, 0))
          .as("upsert calls of %s", object)
          .isEqualTo(1);
    }
    assertThat(store.reads(STORE, "orders").get(store.reads(STORE, "orders").size() - 1).ids())
        .as("the batch's orders in one read")
        .hasSize(50);
  }

  @Test
  void items_that_need_no_work_end_skipped_with_their_reason() throws Exception {
    mugAndLamp(206, 28).status(0).save();
    WorkItem incomplete = item("order", 206);
    WorkItem deleted = item("order", 299_999);
    WorkItem notAnId =
        WorkItems.item(
            itemIds.incrementAndGet(), new io.bcsync.pipeline.EntityRef(STORE, "order", "abc"));

    Map<Long, Outcome> outcomes = flow.run(List.of(incomplete, deleted, notAnId));

    assertThat(outcomes)
        .containsEntry(
            incomplete.id(),
            Outcome.skipped("order 206 is incomplete (status 0): not an order yet"))
        .containsEntry(
            deleted.id(),
            Outcome.skipped(
                "order 299999 no longer exists in BigCommerce; deletions are not propagated"))
        .containsEntry(
            notAnId.id(), Outcome.skipped("'abc' is not a BigCommerce id: nothing to read"));

    store.access("webhooks1", StoreAccess.WEBHOOKS_ONLY);
    WorkItem webhooksOnly = WorkItems.item(itemIds.incrementAndGet(), "webhooks1", "order", 1);
    WorkItem unknownStore = WorkItems.item(itemIds.incrementAndGet(), "gone1", "order", 1);
    assertThat(flow.run(List.of(webhooksOnly, unknownStore)))
        .containsEntry(
            webhooksOnly.id(),
            Outcome.skipped(
                "store webhooks1 has no API token (webhook-only configuration): nothing can be read"))
        .containsEntry(
            unknownStore.id(),
            Outcome.permanent("store gone1 is not connected (the app was uninstalled?)"));
  }

  // --- helpers ---

  /** An order of a new customer (no customer record read) with a mug and a lamp. */
  private StoreOrder mugAndLamp(long orderId, long customerId) {
    return store
        .order(STORE, orderId, customerId)
        .line(orderId * 100 + 1, 7, "MUG-1", "9.95", 2)
        .line(orderId * 100 + 2, 8, "LAMP-1", "40.00", 1);
  }

  private Outcome run(WorkItem item) throws Exception {
    return flow.run(List.of(item)).get(item.id());
  }

  private WorkItem item(String type, long id) {
    return WorkItems.item(itemIds.incrementAndGet(), STORE, type, id);
  }
}
