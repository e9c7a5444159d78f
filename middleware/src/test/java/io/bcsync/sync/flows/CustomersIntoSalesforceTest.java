package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.review.Reviews;
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
 * Customers on their way into Salesforce through {@link BigCommerceToSalesforceFlow}, against the
 * in-memory org and store: the cases {@code SyncEndToEndTest} covers over both simulators (new and
 * existing customer, an existing Lead updated or converted, review, guest checkout), as plain flow
 * runs of hand-built work items. Store {@value #STORE} uses the shipped defaults; {@value #CONVERT}
 * converts matched Leads.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomersIntoSalesforceTest implements TestPropertyProvider {
  static final String STORE = "cust1";
  static final String CONVERT = "cust2";

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;
  @Inject IdentityMap identities;
  @Inject Reviews reviews;

  private final AtomicLong itemIds = new AtomicLong(1_000);

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.withStore(
        InMemoryPorts.properties(), CONVERT, "matching:\n  lead_policy: convert_lead\n");
  }

  @Test
  void an_order_of_a_new_customer_becomes_a_contact_on_its_own_account_and_an_order_with_lines()
      throws Exception {
    store.customer(STORE, 1).email("ada@example.com").name("Ada", "Lovelace").save();
    store
        .order(STORE, 101, 1)
        .line(10101, 7, "MUG-1", "9.95", 2)
        .line(10102, 8, "LAMP-1", "40.00", 1)
        .save();
    WorkItem customer = item("customer", 1);
    WorkItem order = item("order", 101);

    Map<Long, Outcome> outcomes = flow.run(List.of(customer, order));

    assertThat(outcomes)
        .containsEntry(customer.id(), Outcome.SUCCESS)
        .containsEntry(order.id(), Outcome.SUCCESS);
    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", STORE + ":1");
    assertThat(contact)
        .containsEntry("Email", "ada@example.com")
        .containsEntry("LastName", "Lovelace");
    Map<String, Object> account = org.record((String) contact.get("AccountId")).orElseThrow();
    assertThat(account).containsEntry("BC_Account_Key__c", STORE + ":customer:1");
    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", STORE + ":101");
    assertThat(sfOrder)
        .containsEntry("AccountId", contact.get("AccountId"))
        .containsEntry("BC_Contact__c", contact.get("Id"))
        .containsEntry("Status", "Draft")
        .containsEntry("Pricebook2Id", org.standardPricebookId());
    assertThat(org.where("OrderItem", "OrderId", sfOrder.get("Id")))
        .extracting(i -> i.get("BC_Sku__c"), i -> i.get("BC_Order_Line_Id__c"))
        .containsExactlyInAnyOrder(
            tuple("MUG-1", STORE + ":10101"), tuple("LAMP-1", STORE + ":10102"));
    Identity link = identity("customer", "1");
    assertThat(link.sfId()).isEqualTo(contact.get("Id"));
    assertThat(link.accountId()).isEqualTo(contact.get("AccountId"));
    assertThat(link.matchedBy())
        .as("the decision records how the record was chosen")
        .isEqualTo("created");
    assertThat(identity("order", "101").sfId()).isEqualTo(sfOrder.get("Id"));
    assertThat(identities.children(STORE, "order_line", List.of("101")).get("101")).hasSize(2);
  }

  @Test
  void an_order_of_a_customer_who_is_already_a_contact_is_written_against_that_contact()
      throws Exception {
    String accountId = org.insert("Account", Map.of("Name", "Grace household"));
    String contactId =
        org.insert(
            "Contact",
            Map.of("LastName", "Hopper", "Email", "Grace@Example.com", "AccountId", accountId));
    store.customer(STORE, 2).email("grace@example.com").name("Grace", "Hopper").save();
    store.order(STORE, 102, 2).line(10201, 7, "MUG-1", "9.95", 1).save();

    assertThat(flow.run(List.of(item("customer", 2), item("order", 102))).values())
        .containsOnly(Outcome.SUCCESS);

    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":102"))
        .containsEntry("BC_Contact__c", contactId)
        .containsEntry("AccountId", accountId);
    assertThat(org.where("Contact", "LastName", "Hopper"))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.get("BC_Customer_Id__c"))
                    .as("matched by e-mail whatever its case, then linked")
                    .isEqualTo(STORE + ":2"));
    assertThat(identity("customer", "2").matchedBy()).isEqualTo("email");

    store.order(STORE, 103, 2).line(10301, 8, "LAMP-1", "40.00", 1).save();
    assertThat(flow.run(List.of(item("order", 103))).values()).containsOnly(Outcome.SUCCESS);
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":103"))
        .containsEntry("BC_Contact__c", contactId);
    assertThat(identity("customer", "2").matchedBy())
        .as("a later write decides nothing and keeps the reason")
        .isEqualTo("email");
  }

  @Test
  void a_new_customer_becomes_a_contact_and_a_customer_matching_a_lead_updates_the_lead_instead()
      throws Exception {
    String leadId =
        org.insert(
            "Lead", Map.of("LastName", "Old", "Company", "Acme", "Email", "lead@example.com"));
    store.customer(STORE, 3).email("newcomer@example.com").name("New", "Comer").save();
    store.customer(STORE, 4).email("lead@example.com").name("Linda", "Lead").save();

    assertThat(flow.run(List.of(item("customer", 3), item("customer", 4))).values())
        .containsOnly(Outcome.SUCCESS);

    assertThat(org.one("Contact", "BC_Customer_Id__c", STORE + ":3"))
        .containsEntry("Email", "newcomer@example.com");
    assertThat(org.record(leadId).orElseThrow())
        .containsEntry("LastName", "Lead")
        .containsEntry("FirstName", "Linda")
        .containsEntry("BC_Customer_Id__c", STORE + ":4");
    assertThat(org.where("Contact", "Email", "lead@example.com"))
        .as("a matched Lead is updated, not duplicated: no Contact without an order")
        .isEmpty();
    assertThat(org.where("Lead", "Email", "lead@example.com")).hasSize(1);
    assertThat(identity("customer", "4").sfObject()).isEqualTo("Lead");
  }

  @Test
  void with_convert_lead_a_matching_lead_is_converted_and_its_contact_carries_customer_and_order()
      throws Exception {
    String leadId =
        org.insert(
            "Lead",
            Map.of("LastName", "Prospect", "Company", "Initech", "Email", "convert@example.com"));
    store.customer(CONVERT, 5).email("Convert@Example.com").name("Connie", "Vert").save();
    store.order(CONVERT, 105, 5).line(10501, 9, "CLAMP-1", "12.00", 1).save();

    assertThat(
            flow.run(List.of(item(CONVERT, "customer", 5), item(CONVERT, "order", 105))).values())
        .containsOnly(Outcome.SUCCESS);

    Map<String, Object> lead = org.record(leadId).orElseThrow();
    assertThat(lead).containsEntry("IsConverted", true);
    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", CONVERT + ":5");
    assertThat(contact.get("Id"))
        .as("the Lead's own Contact, not a second one")
        .isEqualTo(lead.get("ConvertedContactId"));
    assertThat(contact).containsEntry("FirstName", "Connie");
    assertThat(org.where("Contact", "Email", "convert@example.com")).hasSize(1);
    assertThat(org.one("Order", "BC_Order_Id__c", CONVERT + ":105"))
        .containsEntry("BC_Contact__c", contact.get("Id"))
        .containsEntry("AccountId", lead.get("ConvertedAccountId"));
  }

  @Test
  void three_customers_sharing_an_email_go_to_review_and_resolving_with_create_writes_them()
      throws Exception {
    store.customer(STORE, 6).email("shared@example.com").name("Sam", "One").save();
    assertThat(flow.run(List.of(item("customer", 6))).values()).containsOnly(Outcome.SUCCESS);
    store.customer(STORE, 7).email("Shared@Example.com").name("Sam", "Two").save();
    store.customer(STORE, 8).email("SHARED@example.com").name("Sam", "Three").save();
    store.order(STORE, 106, 7).line(10601, 7, "MUG-1", "9.95", 1).save();
    WorkItem second = item("customer", 7);
    WorkItem third = item("customer", 8);
    WorkItem heldOrder = item("order", 106);

    Map<Long, Outcome> held = flow.run(List.of(second, third, heldOrder));

    Map<String, Long> open = reviews.openFor(STORE, List.of("customer:7", "customer:8"));
    assertThat(open).containsOnlyKeys("customer:7", "customer:8");
    long review = open.get("customer:7");
    Outcome underReview =
        Outcome.skipped(
            "customer 7 is under review "
                + review
                + ": held until a person resolves it, then run again");
    assertThat(held)
        .containsEntry(second.id(), underReview)
        .containsEntry(heldOrder.id(), underReview);
    assertThat(held.get(third.id())).isInstanceOf(Outcome.Skipped.class);
    assertThat(org.where("Contact", "Email", "shared@example.com")).hasSize(1);
    assertThat(org.where("Order", "BC_Order_Id__c", STORE + ":106")).as("held").isEmpty();

    List<Reviews.Held> requeued = reviews.resolve(review, null, "test").orElseThrow();
    assertThat(requeued)
        .containsExactlyInAnyOrder(
            new Reviews.Held("customer", "7"), new Reviews.Held("order", "106"));
    Map<Long, Outcome> resolved =
        flow.run(requeued.stream().map(h -> item(h.type(), Long.parseLong(h.id()))).toList());

    assertThat(resolved.values()).containsOnly(Outcome.SUCCESS);
    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", STORE + ":7");
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":106"))
        .containsEntry("BC_Contact__c", contact.get("Id"));
    assertThat(identity("customer", "7").matchedBy()).as("a person decided").isEqualTo("review");
    assertThat(reviews.openFor(STORE, List.of("customer:7", "customer:8")))
        .containsOnlyKeys("customer:8");
  }

  @Test
  void a_guest_checkout_becomes_a_contact_found_again_by_email_on_the_next_guest_order()
      throws Exception {
    store.guestOrder(STORE, 110, "guest.one@example.com").line(11001, 7, "MUG-1", "9.95", 1).save();
    assertThat(flow.run(List.of(item("order", 110))).values()).containsOnly(Outcome.SUCCESS);
    store
        .guestOrder(STORE, 111, "Guest.One@example.com")
        .line(11101, 8, "LAMP-1", "40.00", 1)
        .save();
    assertThat(flow.run(List.of(item("order", 111))).values()).containsOnly(Outcome.SUCCESS);

    Map<String, Object> contact = org.one("Contact", "Email", "guest.one@example.com");
    assertThat(contact.get("BC_Customer_Id__c")).as("a guest has no customer id").isNull();
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":110"))
        .containsEntry("BC_Contact__c", contact.get("Id"));
    assertThat(org.one("Order", "BC_Order_Id__c", STORE + ":111"))
        .containsEntry("BC_Contact__c", contact.get("Id"));
  }

  @Test
  void a_guest_order_without_a_billing_email_fails_for_good_and_writes_nothing() throws Exception {
    store.guestOrder(STORE, 112, "").line(11201, 7, "MUG-1", "9.95", 1).save();
    WorkItem order = item("order", 112);

    assertThat(flow.run(List.of(order)))
        .containsEntry(
            order.id(),
            Outcome.permanent(
                "guest order 112 has no billing e-mail: no customer to write it against"));
    assertThat(org.where("Order", "BC_Order_Id__c", STORE + ":112")).isEmpty();
  }

  // --- helpers ---

  private WorkItem item(String type, long id) {
    return item(STORE, type, id);
  }

  private WorkItem item(String storeHash, String type, long id) {
    return WorkItems.item(itemIds.incrementAndGet(), storeHash, type, id);
  }

  private Identity identity(String type, String id) {
    return identities.find(STORE, type, List.of(id)).get(id);
  }
}
