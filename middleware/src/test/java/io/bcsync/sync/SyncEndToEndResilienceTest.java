package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.bigcommerce.client.CustomersApi;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Redelivery, retries and failures, end to end: duplicated and shuffled webhooks, Salesforce calls
 * failing more often than the writer retries, a company's figures after retries, redeliveries and a
 * batch of colleagues, and a record Salesforce rejects. The rejection dead-letters its work item,
 * so it runs last.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndResilienceTest extends SyncEndToEndTestBase {
  @Test
  @Order(5)
  void duplicated_and_shuffled_webhooks_leave_one_order_with_the_latest_values() {
    long customer = store.createCustomer("dupes@example.com", "Dup", "Licate");
    store.setWebhookChaos(new DeliveryChaos(1.0, Duration.ofMillis(400), 7));
    long order = store.placeOrder(customer, mug, lamp);
    store.changeOrderStatus(order, 11);
    store.changeOrderStatus(order, 2);

    await()
        .atMost(WAIT)
        .until(
            () ->
                where("Order", "BC_Order_Id__c", STORE + ":" + order).stream()
                    .anyMatch(o -> "Shipped".equals(o.get("BC_Status__c"))));
    awaitDone();
    store.setWebhookChaos(DeliveryChaos.NONE);

    assertThat(where("Order", "BC_Order_Id__c", STORE + ":" + order)).hasSize(1);
    Object orderId = where("Order", "BC_Order_Id__c", STORE + ":" + order).get(0).get("Id");
    assertThat(where("OrderItem", "OrderId", orderId)).hasSize(2);
    assertThat(where("Contact", "Email", "dupes@example.com")).hasSize(1);
    assertThat(where("Account", "BC_Account_Key__c", STORE + ":customer:" + customer)).hasSize(1);
  }

  @Test
  @Order(8)
  void a_salesforce_call_that_keeps_failing_is_retried_by_the_pipeline_and_still_gives_one_order() {
    long customer = store.createCustomer("retry@example.com", "Re", "Try");
    // More lock failures than the writer retries in process: the work item goes back to the queue
    // and comes again.
    sf.faults().failNext("upsert", "Order", "UNABLE_TO_LOCK_ROW", 4);
    long order = store.placeOrder(customer, mug, lamp);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    assertThat(where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(2);
    assertThat(where("Contact", "Email", "retry@example.com")).hasSize(1);
  }

  @Test
  @Order(11)
  void
      a_companys_orders_roll_up_on_its_account_without_double_counting_after_retries_and_redeliveries() {
    long buyer = store.createCustomer("buyer@acme.test", "Bea", "Buyer");
    long colleague = store.createCustomer("colleague@ACME.test", "Col", "League");
    long first = store.placeOrder(buyer, mug, lamp);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + first);
    awaitDone();
    // The next figures write fails as a whole more often than the writer retries in process: the
    // pipeline retries.
    sf.faults().failNext("upsert", "Account", "UNABLE_TO_LOCK_ROW", 3);
    long second = store.placeOrder(colleague, mug);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + second);
    awaitDone();
    store.changeOrderStatus(first, 9); // redelivered order: rewritten, must not count twice
    store.changeOrderStatus(second, 9);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "Awaiting Shipment"
                    .equals(
                        one("Order", "BC_Order_Id__c", STORE + ":" + second).get("BC_Status__c")));
    awaitDone();

    Map<String, Object> company = one("Account", "BC_Company_Id__c", STORE + ":domain:acme.test");
    BigDecimal expected =
        new BigDecimal(
                one("Order", "BC_Order_Id__c", STORE + ":" + first)
                    .get("BC_Grand_Total__c")
                    .toString())
            .add(
                new BigDecimal(
                    one("Order", "BC_Order_Id__c", STORE + ":" + second)
                        .get("BC_Grand_Total__c")
                        .toString()));
    assertThat(new BigDecimal(company.get("BC_Order_Count__c").toString()))
        .isEqualByComparingTo("2");
    assertThat(new BigDecimal(company.get("BC_Lifetime_Revenue__c").toString()))
        .isEqualByComparingTo(expected);
    assertThat(company.get("BC_First_Order_Date__c")).isNotNull();
    assertThat(where("Contact", "AccountId", company.get("Id")))
        .extracting(c -> c.get("Email"))
        .containsExactlyInAnyOrder("buyer@acme.test", "colleague@ACME.test");
    assertThat(one("Order", "BC_Order_Id__c", STORE + ":" + second).get("AccountId"))
        .isEqualTo(company.get("Id"));
  }

  @Test
  @Order(12)
  void colleagues_of_one_company_in_one_batch_share_one_account_write() throws Exception {
    long first = store.createCustomer("one@globex.test", "Uno", "Globex");
    long second = store.createCustomer("two@globex.test", "Due", "Globex");
    awaitDone();
    // Same batch, deterministically: the worker may have split them; here both go in one call.
    Map<Long, CustomersApi.CustomerDocument> read =
        client
            .forStore(stores.find(STORE).orElseThrow())
            .customers()
            .readDocuments(List.of(first, second));
    assertThat(read).containsKeys(first, second);
    List<WorkItem> batch =
        List.of(item(900_001L, "customer", first), item(900_002L, "customer", second));

    Map<Long, Outcome> outcomes = flow.run(batch);

    assertThat(outcomes)
        .containsEntry(900_001L, Outcome.SUCCESS)
        .containsEntry(900_002L, Outcome.SUCCESS);
    Map<String, Object> company = one("Account", "BC_Company_Id__c", STORE + ":domain:globex.test");
    assertThat(where("Contact", "AccountId", company.get("Id"))).hasSize(2);
  }

  private static WorkItem item(long itemId, String type, long id) {
    return WorkItems.item(itemId, new EntityRef(STORE, type, String.valueOf(id)));
  }

  @Test
  @Order(20)
  void a_record_salesforce_rejects_fails_only_its_own_work_item() {
    long gone = store.createCustomer("gone@example.com", "Gone", "Contact");
    Map<String, Object> contact = awaitOne("Contact", "BC_Customer_Id__c", STORE + ":" + gone);
    awaitDone();
    sf.deleteAsUser(
        (String) contact.get("Id")); // deleted in Salesforce; the identity map still links it

    store.updateCustomer(gone, new ObjectMapper().createObjectNode().put("first_name", "Still"));
    long fine = store.createCustomer("fine@example.com", "Fine", "Neighbour");

    awaitOne("Contact", "BC_Customer_Id__c", STORE + ":" + fine);
    await()
        .atMost(WAIT)
        .until(
            () ->
                !inspector
                    .workItems(Optional.of(WorkItemStatus.DEAD), Optional.empty(), 50)
                    .isEmpty());
    List<WorkItem> dead =
        inspector.workItems(Optional.of(WorkItemStatus.DEAD), Optional.empty(), 50);
    assertThat(dead)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.entity())
                  .isEqualTo(new EntityRef(STORE, "customer", String.valueOf(gone)));
              assertThat(item.lastError()).contains("Contact update failed");
            });
  }
}
