package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.testsupport.OrderDrafts;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every Salesforce write path of the order and customer sync when Salesforce commits a call and its
 * answer never arrives (the simulator's LOSE_RESPONSE fault: the connection closes after the
 * commit). The work item is retried by the pipeline and must converge on what the lost call wrote:
 * the same final state, nothing dead-lettered, each record exactly once.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndLostResponsesTest extends SyncEndToEndTestBase {
  @Inject IdentityMap identities;

  private void loseNext(String operation, String sobject) {
    sf.faults().loseResponses(operation, sobject, 1, Duration.ZERO);
  }

  private int lost() {
    return sf.faults().lostResponses();
  }

  @Test
  @Order(0)
  void a_store_record_whose_upsert_answer_was_lost_is_written_once_and_linked() {
    long customer = store.createCustomer("lost.store@example.com", "Lost", "Store");
    int before = lost();
    loseNext("upsert", "BC_Store__c");
    long order = store.placeOrder(customer, mug);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    assertThat(lost()).as("the fault fired").isEqualTo(before + 1);
    Map<String, Object> storeRecord = one("BC_Store__c", "BC_Store_Hash__c", STORE);
    assertThat(storeRecord)
        .containsEntry("Name", "Simulated store " + STORE)
        .containsEntry(
            "BC_Control_Panel_URL__c", "https://store-" + STORE + ".mybigcommerce.com/manage")
        .containsEntry("BC_Environment__c", "Sandbox");
    assertThat(sfOrder).containsEntry("BC_Store__c", storeRecord.get("Id"));
    Map<String, Object> contact = one("Contact", "Email", "lost.store@example.com");
    assertThat(contact).containsEntry("BC_Store__c", storeRecord.get("Id"));
    assertThat(one("Account", "Id", contact.get("AccountId")))
        .containsEntry("BC_Store__c", storeRecord.get("Id"));
  }

  @Test
  @Order(1)
  void order_items_whose_upsert_answer_was_lost_are_updated_on_the_retry() {
    long customer = store.createCustomer("lost.items@example.com", "Lost", "Items");
    int before = lost();
    loseNext("upsert", "OrderItem");
    long order = store.placeOrder(customer, mug, lamp);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    assertThat(lost()).as("the fault fired").isEqualTo(before + 1);
    assertThat(where("Order", "BC_Order_Id__c", STORE + ":" + order)).hasSize(1);
    assertThat(where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(2);
    assertThat(where("Contact", "Email", "lost.items@example.com")).hasSize(1);
  }

  @Test
  @Order(2)
  void an_order_header_whose_upsert_answer_was_lost_is_written_once() {
    long customer = store.createCustomer("lost.header@example.com", "Lost", "Header");
    int before = lost();
    loseNext("upsert", "Order");
    long order = store.placeOrder(customer, mug);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    assertThat(lost()).isEqualTo(before + 1);
    assertThat(where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(1);
  }

  @Test
  @Order(3)
  void customer_records_whose_upsert_answers_were_lost_are_written_once() {
    long customer = store.createCustomer("lost.contact@example.com", "Lost", "Contact");
    int before = lost();
    loseNext("upsert", "Account");
    loseNext("upsert", "Contact");
    long order = store.placeOrder(customer, lamp);

    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    assertThat(lost()).isEqualTo(before + 2);
    assertThat(where("Contact", "Email", "lost.contact@example.com")).hasSize(1);
    assertThat(where("Account", "BC_Account_Key__c", STORE + ":customer:" + customer)).hasSize(1);
  }

  @Test
  @Order(4)
  void a_guest_contact_whose_create_answer_was_lost_is_created_once() {
    int before = lost();
    loseNext("create", "Contact");
    long order = store.placeGuestOrder("lost.guest@example.com", mug);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    assertThat(lost()).isEqualTo(before + 1);
    Map<String, Object> contact = one("Contact", "Email", "lost.guest@example.com");
    assertThat(where("Contact", "Email", "lost.guest@example.com")).hasSize(1);
    assertThat(sfOrder.get("BC_Contact__c")).isEqualTo(contact.get("Id"));
  }

  @Test
  @Order(5)
  void custom_order_lines_whose_upsert_answer_was_lost_are_updated_on_the_retry() {
    long cMug = customStore.createProduct("Mug", "LMUG-1", new BigDecimal("5.00"));
    long cLamp = customStore.createProduct("Lamp", "LLAMP-1", new BigDecimal("15.00"));
    long customer = customStore.createCustomer("lost.custom@example.com", "Lost", "Custom");
    int before = lost();
    loseNext("upsert", "BC_Order_Line__c");
    long order = customStore.placeOrder(customer, cMug, cLamp);

    Map<String, Object> header =
        awaitOne("BC_Order__c", "BC_Order_Id__c", CUSTOM_STORE + ":" + order);
    awaitDone();

    assertThat(lost()).isEqualTo(before + 1);
    assertThat(where("BC_Order_Line__c", "BC_Order__c", header.get("Id"))).hasSize(2);
  }

  @Test
  @Order(6)
  void opportunity_lines_whose_create_answer_was_lost_are_not_created_twice() {
    long oMug = opportunityStore.createProduct("Mug", "LOMUG-1", new BigDecimal("7.00"));
    long oLamp = opportunityStore.createProduct("Lamp", "LOLAMP-1", new BigDecimal("70.00"));
    long buyer = opportunityStore.createCustomer("lost.opp@example.com", "Lost", "Opp");
    int before = lost();
    loseNext("create", "OpportunityLineItem");
    long order = opportunityStore.placeOrder(buyer, oMug, oLamp);

    Map<String, Object> opportunity =
        awaitOne("Opportunity", "BC_Order_Id__c", OPPORTUNITY_STORE + ":" + order);
    awaitDone();

    assertThat(lost()).isEqualTo(before + 1);
    assertThat(where("OpportunityLineItem", "OpportunityId", opportunity.get("Id"))).hasSize(2);

    // Written again with the answer of the delete of the replaced lines lost as well.
    loseNext("delete", "OpportunityLineItem");
    opportunityStore.changeOrderStatus(order, 2);
    await().atMost(WAIT).until(() -> lost() == before + 2);
    awaitDone();
    assertThat(lost()).isEqualTo(before + 2);
    assertThat(where("OpportunityLineItem", "OpportunityId", opportunity.get("Id"))).hasSize(2);
  }

  @Test
  @Order(7)
  void a_removed_line_whose_delete_answer_was_lost_is_gone_once_and_nothing_dead_letters() {
    long customer = store.createCustomer("lost.delete@example.com", "Lost", "Delete");
    long order = store.placeOrder(customer, mug, lamp);
    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();
    int before = lost();
    loseNext("delete", "OrderItem");

    store.read(s -> s.orders.get(order).lines.removeIf(line -> line.productId == lamp));
    store.changeOrderStatus(order, 10);
    await().atMost(WAIT).until(() -> lost() == before + 1);
    awaitDone();

    assertThat(lost()).isEqualTo(before + 1);
    assertThat(where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(1);
  }

  @Test
  @Order(8)
  void an_activated_order_whose_identity_rows_were_never_saved_is_found_and_updated() {
    long customer = store.createCustomer("lost.activation@example.com", "Lost", "Activation");
    // Status 9: activated on arrival (orders.activate_on_status: [2, 9]).
    OrderDraft draft =
        OrderDrafts.billedTo(customer, "lost.activation@example.com", "Lost", "Activation", 9);
    draft.addLine(OrderDraft.Line.of(mug, 1));
    long order = store.createOrder(draft);
    await()
        .atMost(WAIT)
        .until(
            () ->
                where("Order", "BC_Order_Id__c", STORE + ":" + order).stream()
                    .anyMatch(o -> "Activated".equals(o.get("Status"))));
    awaitDone();
    // As after a crash between Salesforce's commit and saving the rows (or every answer lost):
    // Salesforce has the Activated order and its line, the identity map knows neither.
    String id = String.valueOf(order);
    identities.deleteRecords(STORE, "order", identities.find(STORE, "order", List.of(id)).values());
    identities.deleteRecords(
        STORE,
        "order_line",
        identities.children(STORE, "order_line", List.of(id)).getOrDefault(id, List.of()));

    store.changeOrderStatus(order, 2);
    await()
        .atMost(WAIT)
        .until(
            () ->
                "Shipped"
                    .equals(
                        one("Order", "BC_Order_Id__c", STORE + ":" + order).get("BC_Status__c")));
    awaitDone();

    Map<String, Object> sfOrder = one("Order", "BC_Order_Id__c", STORE + ":" + order);
    assertThat(where("Order", "BC_Order_Id__c", STORE + ":" + order)).hasSize(1);
    assertThat(sfOrder.get("Status")).isEqualTo("Activated");
    assertThat(where("OrderItem", "OrderId", sfOrder.get("Id"))).hasSize(1);
    assertThat(identities.find(STORE, "order", List.of(id))).containsKey(id);
  }

  @Test
  @Order(9)
  void a_lead_whose_conversion_answer_was_lost_ends_as_its_one_contact() {
    String leadId =
        sf.createAsUser(
                "Lead",
                Map.of(
                    "LastName",
                    "Prospect",
                    "Company",
                    "Lost Inc",
                    "Email",
                    "lost.lead@example.com"))
            .id();
    long cMug = customStore.createProduct("Lead Mug", "LCMUG-1", new BigDecimal("5.00"));
    long customer = customStore.createCustomer("lost.lead@example.com", "Lena", "Lead");
    int before = lost();
    loseNext("convertLead", "Lead");
    long order = customStore.placeOrder(customer, cMug);

    Map<String, Object> header =
        awaitOne("BC_Order__c", "BC_Order_Id__c", CUSTOM_STORE + ":" + order);
    awaitDone();

    assertThat(lost()).isEqualTo(before + 1);
    Map<String, Object> lead = sf.record(leadId).orElseThrow();
    assertThat(lead.get("IsConverted")).isEqualTo(true);
    assertThat(where("Contact", "Email", "lost.lead@example.com"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.get("Id")).isEqualTo(lead.get("ConvertedContactId"));
              assertThat(c.get("BC_Customer_Id__c")).isEqualTo(CUSTOM_STORE + ":" + customer);
            });
    assertThat(header.get("BC_Contact__c")).isEqualTo(lead.get("ConvertedContactId"));
  }

  @Test
  @Order(10)
  void a_lead_keyed_to_the_customer_whose_conversion_answer_was_lost_ends_as_its_one_contact() {
    long cMug = customStore.createProduct("Keyed Mug", "LCMUG-2", new BigDecimal("5.00"));
    long customer = customStore.createCustomer("keyed.buyer@example.com", "Kim", "Keyed");
    // Matched by its key alone: the Lead's e-mail is not the shopper's, and the simulated org's
    // Lead field mapping does not carry BC_Customer_Id__c to the Contact.
    String leadId =
        sf.createAsUser(
                "Lead",
                Map.of(
                    "LastName",
                    "Keyed",
                    "Company",
                    "Keyed Inc",
                    "Email",
                    "kim.at.work@example.com",
                    "BC_Customer_Id__c",
                    CUSTOM_STORE + ":" + customer))
            .id();
    int before = lost();
    loseNext("convertLead", "Lead");
    long order = customStore.placeOrder(customer, cMug);

    Map<String, Object> header =
        awaitOne("BC_Order__c", "BC_Order_Id__c", CUSTOM_STORE + ":" + order);
    awaitDone();

    assertThat(lost()).isEqualTo(before + 1);
    Map<String, Object> lead = sf.record(leadId).orElseThrow();
    assertThat(lead.get("IsConverted")).isEqualTo(true);
    assertThat(where("Contact", "BC_Customer_Id__c", CUSTOM_STORE + ":" + customer))
        .singleElement()
        .satisfies(c -> assertThat(c.get("Id")).isEqualTo(lead.get("ConvertedContactId")));
    assertThat(where("Contact", "Email", "keyed.buyer@example.com")).hasSize(1);
    assertThat(header.get("BC_Contact__c")).isEqualTo(lead.get("ConvertedContactId"));
  }
}
