package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.client.OrdersApi;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.StoreReader;
import io.bcsync.testsupport.RecordingStoreReader;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Order targets and lines, end to end: a store mapped to BC_Order__c (with the order id written
 * back), a removed line deleted, an order read at an older version not written, a store mapped to
 * Opportunity, and activation with a line change on an activated Order.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndOrdersTest extends SyncEndToEndTestBase {
  @Inject RecordingStoreReader reads;

  @Test
  @Order(7)
  void a_store_mapped_to_bc_order_gets_custom_object_records() {
    long cMug = customStore.createProduct("Mug", "CMUG-1", new BigDecimal("5.00"));
    long customer = customStore.createCustomer("custom@example.com", "Cus", "Tom");
    long order = customStore.placeOrder(customer, cMug);

    Map<String, Object> bcOrder =
        awaitOne("BC_Order__c", "BC_Order_Id__c", CUSTOM_STORE + ":" + order);
    awaitDone();

    assertThat(bcOrder.get("Name")).as("the plain order number").isEqualTo(String.valueOf(order));
    assertThat(bcOrder.get("BC_Store__c"))
        .as("linked to its store")
        .isEqualTo(one("BC_Store__c", "BC_Store_Hash__c", CUSTOM_STORE).get("Id"));
    assertThat(bcOrder.get("BC_Contact__c"))
        .isEqualTo(one("Contact", "BC_Customer_Id__c", CUSTOM_STORE + ":" + customer).get("Id"));
    assertThat(where("BC_Order_Line__c", "BC_Order__c", bcOrder.get("Id")))
        .singleElement()
        .satisfies(line -> assertThat(line.get("BC_Sku__c")).isEqualTo("CMUG-1"));
    assertThat(where("Order", "BC_Order_Id__c", CUSTOM_STORE + ":" + order)).isEmpty();
    assertThat(client.forStore(stores.find(CUSTOM_STORE).orElseThrow()).orders().metafields(order))
        .as("write-back is on for this store")
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.namespace() + "." + m.key()).isEqualTo("bcsync.salesforce_id");
              assertThat(m.value()).isEqualTo(bcOrder.get("Id"));
            });
    long orderOfDefaultStore =
        store.placeOrder(store.createCustomer("nowb@example.com", "No", "Writeback"), mug);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + orderOfDefaultStore);
    awaitDone();
    assertThat(
            client
                .forStore(stores.find(STORE).orElseThrow())
                .orders()
                .metafields(orderOfDefaultStore))
        .as("off by default")
        .isEmpty();
  }

  @Test
  @Order(9)
  void a_line_removed_from_the_order_is_deleted_in_salesforce_and_the_others_kept() {
    long customer = store.createCustomer("lines@example.com", "Li", "Nes");
    long order = store.placeOrder(customer, mug, lamp);
    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    await().atMost(WAIT).until(() -> where("OrderItem", "OrderId", sfOrder.get("Id")).size() == 2);
    awaitDone();
    Object mugItem =
        where("OrderItem", "OrderId", sfOrder.get("Id")).stream()
            .filter(i -> "MUG-1".equals(i.get("BC_Sku__c")))
            .findFirst()
            .orElseThrow()
            .get("Id");

    // The simulator's API cannot edit lines (neither can BigCommerce's V2 PUT); edit the store's
    // data directly.
    store.read(s -> s.orders.get(order).lines.removeIf(line -> line.productId == lamp));
    store.changeOrderStatus(order, 9);

    await().atMost(WAIT).until(() -> where("OrderItem", "OrderId", sfOrder.get("Id")).size() == 1);
    awaitDone();
    assertThat(where("OrderItem", "OrderId", sfOrder.get("Id")))
        .singleElement()
        .satisfies(
            item -> assertThat(item.get("Id")).as("kept, not re-created").isEqualTo(mugItem));
  }

  @Test
  @Order(10)
  void an_order_read_at_an_older_version_than_the_one_written_does_not_overwrite_it()
      throws Exception {
    long customer = store.createCustomer("stale@example.com", "Old", "Version");
    long order = store.placeOrder(customer, mug);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();
    OrdersApi.OrderDocument old =
        client
            .forStore(stores.find(STORE).orElseThrow())
            .orders()
            .readDocuments(List.of(order))
            .get(order);
    bcOffsetMs.addAndGet(5_000);
    store.changeOrderStatus(order, 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "Shipped"
                    .equals(
                        one("Order", "BC_Order_Id__c", STORE + ":" + order).get("BC_Status__c")));
    awaitDone();

    WorkItem item = WorkItems.item(999_999L, new EntityRef(STORE, "order", String.valueOf(order)));
    reads.answerOrder(
        STORE,
        new StoreReader.StoreDocument(
            order, old.json(), old.order().dateModified().toEpochMilli()));
    Map<Long, Outcome> outcomes;
    try {
      outcomes = flow.run(List.of(item));
    } finally {
      reads.clearOverrides();
    }

    assertThat(outcomes.get(999_999L))
        .isEqualTo(
            Outcome.skipped("read at an older version than the one already written to Salesforce"));
    assertThat(one("Order", "BC_Order_Id__c", STORE + ":" + order).get("BC_Status__c"))
        .isEqualTo("Shipped");
  }

  @Test
  @Order(13)
  void a_store_mapped_to_opportunity_replaces_its_lines_and_makes_customers_without_orders_leads() {
    long oMug = opportunityStore.createProduct("Mug", "OMUG-1", new BigDecimal("7.00"));
    long oLamp = opportunityStore.createProduct("Lamp", "OLAMP-1", new BigDecimal("70.00"));
    long browser = opportunityStore.createCustomer("browser@example.com", "Bro", "Wser");
    long buyer = opportunityStore.createCustomer("opp.buyer@example.com", "Opp", "Buyer");
    long order = opportunityStore.placeOrder(buyer, oMug, oLamp);

    Map<String, Object> opportunity =
        awaitOne("Opportunity", "BC_Order_Id__c", OPPORTUNITY_STORE + ":" + order);
    awaitDone();
    assertThat(one("Lead", "BC_Customer_Id__c", OPPORTUNITY_STORE + ":" + browser).get("Email"))
        .isEqualTo("browser@example.com");
    Map<String, Object> contact =
        one("Contact", "BC_Customer_Id__c", OPPORTUNITY_STORE + ":" + buyer);
    assertThat(opportunity.get("AccountId")).isEqualTo(contact.get("AccountId"));
    assertThat(where("OpportunityLineItem", "OpportunityId", opportunity.get("Id"))).hasSize(2);

    opportunityStore.read(s -> s.orders.get(order).lines.removeIf(line -> line.productId == oLamp));
    opportunityStore.changeOrderStatus(order, 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "Closed Won"
                    .equals(
                        one("Opportunity", "BC_Order_Id__c", OPPORTUNITY_STORE + ":" + order)
                            .get("StageName")));
    awaitDone();
    assertThat(where("OpportunityLineItem", "OpportunityId", opportunity.get("Id")))
        .singleElement()
        .satisfies(line -> assertThat(line.get("Description").toString()).startsWith("OMUG-1"));

    // Written again: the replaced line must be replaced again, not kept next to a new copy.
    int before = sf.changes().size();
    opportunityStore.changeOrderStatus(order, 10);
    await()
        .atMost(WAIT)
        .until(
            () ->
                sf.changes().subList(before, sf.changes().size()).stream()
                    .anyMatch(
                        c ->
                            c.entity().equals("OpportunityLineItem")
                                && c.changeType().name().equals("CREATE")));
    awaitDone();
    assertThat(where("OpportunityLineItem", "OpportunityId", opportunity.get("Id"))).hasSize(1);
  }

  @Test
  @Order(14)
  void
      an_order_reaching_an_activating_status_is_activated_and_a_line_change_goes_through_draft_first() {
    long customer = store.createCustomer("activate@example.com", "Act", "Ivate");
    long order = store.placeOrder(customer, mug, lamp);
    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    await().atMost(WAIT).until(() -> where("OrderItem", "OrderId", sfOrder.get("Id")).size() == 2);
    awaitDone();
    assertThat(one("Order", "BC_Order_Id__c", STORE + ":" + order).get("Status"))
        .as("11 does not activate")
        .isEqualTo("Draft");

    store.changeOrderStatus(order, 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "Activated"
                    .equals(one("Order", "BC_Order_Id__c", STORE + ":" + order).get("Status")));
    awaitDone();

    int before = sf.changes().size();
    store.read(s -> s.orders.get(order).lines.removeIf(line -> line.productId == lamp));
    store.changeOrderStatus(order, 9);
    await().atMost(WAIT).until(() -> where("OrderItem", "OrderId", sfOrder.get("Id")).size() == 1);
    awaitDone();

    assertThat(one("Order", "BC_Order_Id__c", STORE + ":" + order).get("Status"))
        .isEqualTo("Activated");
    // The simulator refuses item changes on an Activated order (ENTITY_IS_LOCKED), so the delete
    // above went through only because the order was Draft first: Draft, delete, Activated again.
    List<String> sequence =
        sf.changes().subList(before, sf.changes().size()).stream()
            .filter(
                c ->
                    c.recordId().equals(sfOrder.get("Id")) && c.values().containsKey("Status")
                        || c.entity().equals("OrderItem") && c.changeType().name().equals("DELETE"))
            .map(
                c ->
                    c.entity().equals("OrderItem")
                        ? "delete item"
                        : "Order " + c.values().get("Status"))
            .toList();
    assertThat(sequence).containsSubsequence("Order Draft", "delete item", "Order Activated");
  }
}
