package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Customers and matching, end to end: a new customer's order, a customer matched to an existing
 * Contact or Lead, guest checkouts, customers sharing an e-mail sent to review and resolved through
 * the admin API, and a matching Lead converted (lead_policy convert_lead).
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SyncEndToEndCustomersTest extends SyncEndToEndTestBase {
  @Inject io.bcsync.sync.identity.IdentityMap identities;

  @Test
  @Order(1)
  void
      an_order_of_a_new_customer_becomes_a_contact_on_its_own_account_and_an_order_with_its_lines() {
    long customer = store.createCustomer("ada@example.com", "Ada", "Lovelace");
    long order = store.placeOrder(customer, mug, lamp);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    Map<String, Object> contact = one("Contact", "BC_Customer_Id__c", STORE + ":" + customer);
    assertThat(contact.get("Email")).isEqualTo("ada@example.com");
    assertThat(contact.get("LastName")).isEqualTo("Lovelace");
    Map<String, Object> account = sf.record((String) contact.get("AccountId")).orElseThrow();
    assertThat(account.get("BC_Account_Key__c")).isEqualTo(STORE + ":customer:" + customer);
    assertThat(sfOrder.get("AccountId")).isEqualTo(contact.get("AccountId"));
    assertThat(sfOrder.get("BC_Contact__c")).isEqualTo(contact.get("Id"));
    assertThat(sfOrder.get("Status")).isEqualTo("Draft");
    assertThat(sfOrder.get("Pricebook2Id")).isEqualTo(sf.standardPricebookId());
    List<Map<String, Object>> items = where("OrderItem", "OrderId", sfOrder.get("Id"));
    assertThat(items)
        .extracting(i -> i.get("BC_Sku__c"))
        .containsExactlyInAnyOrder("MUG-1", "LAMP-1");
    assertThat(items)
        .allSatisfy(
            i -> assertThat(i.get("BC_Order_Line_Id__c").toString()).startsWith(STORE + ":"));
    assertThat(where("Contact", "Email", "ada@example.com")).hasSize(1);
    assertThat(matchedBy(STORE, customer))
        .as("the decision records how the record was chosen")
        .isEqualTo("created");
  }

  @Test
  @Order(2)
  void an_order_of_a_customer_who_is_already_a_contact_is_written_against_that_contact() {
    String accountId = sf.createAsUser("Account", Map.of("Name", "Grace household")).id();
    String contactId =
        sf.createAsUser(
                "Contact",
                Map.of("LastName", "Hopper", "Email", "Grace@Example.com", "AccountId", accountId))
            .id();
    long customer = store.createCustomer("grace@example.com", "Grace", "Hopper");
    long order = store.placeOrder(customer, mug);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    assertThat(sfOrder.get("BC_Contact__c")).isEqualTo(contactId);
    assertThat(sfOrder.get("AccountId")).isEqualTo(accountId);
    List<Map<String, Object>> contacts = where("Contact", "LastName", "Hopper");
    assertThat(contacts).hasSize(1);
    assertThat(contacts.get(0).get("BC_Customer_Id__c"))
        .as("matched by email, then linked")
        .isEqualTo(STORE + ":" + customer);
    assertThat(matchedBy(STORE, customer)).isEqualTo("email");

    store.placeOrder(customer, lamp);
    awaitDone();
    assertThat(matchedBy(STORE, customer))
        .as("a later write decides nothing and keeps the reason")
        .isEqualTo("email");
  }

  private String matchedBy(String storeHash, long customerId) {
    return identities
        .find(storeHash, "customer", List.of(String.valueOf(customerId)))
        .get(String.valueOf(customerId))
        .matchedBy();
  }

  @Test
  @Order(3)
  void a_new_customer_becomes_a_contact_and_an_existing_lead_is_updated_instead() {
    long newcomer = store.createCustomer("newcomer@example.com", "New", "Comer");
    String leadId =
        sf.createAsUser(
                "Lead", Map.of("LastName", "Old", "Company", "Acme", "Email", "lead@example.com"))
            .id();
    long fromLead = store.createCustomer("lead@example.com", "Linda", "Lead");

    awaitOne("Contact", "BC_Customer_Id__c", STORE + ":" + newcomer);
    await()
        .atMost(WAIT)
        .until(() -> "Lead".equals(sf.record(leadId).orElseThrow().get("LastName")));
    awaitDone();

    Map<String, Object> lead = sf.record(leadId).orElseThrow();
    assertThat(lead.get("FirstName")).isEqualTo("Linda");
    assertThat(lead.get("BC_Customer_Id__c")).isEqualTo(STORE + ":" + fromLead);
    assertThat(where("Contact", "Email", "lead@example.com"))
        .as("a matched Lead is updated, not duplicated")
        .isEmpty();
    assertThat(sf.count("Lead")).isEqualTo(1);
  }

  @Test
  @Order(4)
  void a_guest_checkout_becomes_a_contact_found_again_by_email_on_the_next_guest_order() {
    long first = store.placeGuestOrder("guest.one@example.com", mug);
    Map<String, Object> firstOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + first);
    awaitDone();
    long second = store.placeGuestOrder("Guest.One@example.com", lamp);
    Map<String, Object> secondOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + second);
    awaitDone();

    List<Map<String, Object>> contacts = where("Contact", "Email", "guest.one@example.com");
    assertThat(contacts).hasSize(1);
    assertThat(contacts.get(0).get("BC_Customer_Id__c")).as("a guest has no customer id").isNull();
    assertThat(firstOrder.get("BC_Contact__c")).isEqualTo(contacts.get(0).get("Id"));
    assertThat(secondOrder.get("BC_Contact__c")).isEqualTo(contacts.get(0).get("Id"));
  }

  @Test
  @Order(6)
  void three_customers_sharing_an_email_in_different_case_go_to_review_and_resolving_creates_them()
      throws Exception {
    long first = store.createCustomer("shared@example.com", "Sam", "One");
    awaitOne("Contact", "BC_Customer_Id__c", STORE + ":" + first);
    awaitDone();
    long second = store.createCustomerAllowingDuplicateEmail("Shared@Example.com", "Sam", "Two");
    long third = store.createCustomerAllowingDuplicateEmail("SHARED@example.com", "Sam", "Three");
    long heldOrder = store.placeOrder(second, mug);

    await().atMost(WAIT).until(() -> openReviews().size() >= 2);
    awaitDone();
    assertThat(where("Contact", "Email", "shared@example.com")).hasSize(1);
    assertThat(where("Order", "BC_Order_Id__c", STORE + ":" + heldOrder))
        .as("held while under review")
        .isEmpty();
    List<JsonNode> open = openReviews();
    assertThat(open)
        .extracting(r -> r.get("customerKey").asText())
        .containsExactlyInAnyOrder("customer:" + second, "customer:" + third);
    assertThat(open.toString())
        .as("no e-mail in the admin list")
        .doesNotContainIgnoringCase("shared@example.com");

    JsonNode review =
        open.stream()
            .filter(r -> r.get("customerKey").asText().equals("customer:" + second))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> resolved =
        post("/admin/reviews/" + review.get("id").asLong() + "/resolve", "{\"create\": true}");
    assertThat(resolved.statusCode()).isEqualTo(200);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + heldOrder);
    awaitDone();
    Map<String, Object> contact = one("Contact", "BC_Customer_Id__c", STORE + ":" + second);
    assertThat(sfOrder.get("BC_Contact__c")).isEqualTo(contact.get("Id"));
    assertThat(matchedBy(STORE, second)).as("a person decided").isEqualTo("review");
    assertThat(openReviews())
        .extracting(r -> r.get("customerKey").asText())
        .containsExactly("customer:" + third);
    assertThat(
            post("/admin/reviews/" + review.get("id").asLong() + "/resolve", "{\"create\": true}")
                .statusCode())
        .as("already resolved")
        .isEqualTo(409);
    assertThat(post("/admin/reviews/" + review.get("id").asLong() + "/resolve", "{}").statusCode())
        .isEqualTo(400);
  }

  @Test
  @Order(7)
  void
      with_convert_lead_a_matching_lead_is_converted_and_its_contact_carries_the_customer_and_orders() {
    String leadId =
        sf.createAsUser(
                "Lead",
                Map.of(
                    "LastName", "Prospect", "Company", "Initech", "Email", "convert@example.com"))
            .id();
    long cLamp = customStore.createProduct("Lamp", "CLAMP-1", new BigDecimal("12.00"));
    long customer = customStore.createCustomer("Convert@Example.com", "Connie", "Vert");
    // The order at once: its item and the customer's may run on both workers together; the
    // customer's claim lets
    // one decide and write it while the other waits for it (UnlinkedCustomerRaceTest forces that
    // overlap).
    long order = customStore.placeOrder(customer, cLamp);

    Map<String, Object> bcOrder =
        awaitOne("BC_Order__c", "BC_Order_Id__c", CUSTOM_STORE + ":" + order);
    awaitDone();

    Map<String, Object> lead = sf.record(leadId).orElseThrow();
    assertThat(lead.get("IsConverted")).isEqualTo(true);
    Map<String, Object> contact =
        one("Contact", "BC_Customer_Id__c", CUSTOM_STORE + ":" + customer);
    assertThat(contact.get("Id"))
        .as("the Lead's own Contact, not a second one")
        .isEqualTo(lead.get("ConvertedContactId"));
    assertThat(contact.get("FirstName")).isEqualTo("Connie");
    assertThat(where("Contact", "Email", "convert@example.com")).hasSize(1);
    assertThat(bcOrder.get("BC_Contact__c")).isEqualTo(contact.get("Id"));
  }

  @Test
  @Order(8)
  void
      a_guest_using_a_registered_customers_email_attaches_without_rewriting_and_no_other_store_joins() {
    long customer = store.createCustomer("olive@example.com", "Olive", "Owner");
    long own = store.placeOrder(customer, mug);
    awaitOne("Order", "BC_Order_Id__c", STORE + ":" + own);
    awaitDoneAndFlushFigures();
    Map<String, Object> before = one("Contact", "BC_Customer_Id__c", STORE + ":" + customer);

    long guestOrder = store.placeGuestOrder("Olive@Example.com", lamp);
    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + guestOrder);
    awaitDoneAndFlushFigures();

    Map<String, Object> after = sf.record((String) before.get("Id")).orElseThrow();
    assertThat(sfOrder.get("BC_Contact__c"))
        .as("the guest order goes on the registered customer's Contact")
        .isEqualTo(before.get("Id"));
    assertThat(before.get("BC_Order_Count__c"))
        .as("the registered customer's own figures are on its Contact")
        .isNotNull();
    for (String field :
        List.of(
            "FirstName",
            "LastName",
            "Email",
            "MailingStreet",
            "MailingPostalCode",
            // The guest's ledger holds only its own orders: its figures are not this Contact's.
            "BC_Order_Count__c",
            "BC_Lifetime_Revenue__c")) {
      assertThat(after.get(field))
          .as(field + " is not rewritten by a guest")
          .isEqualTo(before.get(field));
    }

    long cMug = customStore.createProduct("Mug", "CMUG-8", new BigDecimal("9.00"));
    long otherStoresGuest = customStore.placeGuestOrder("olive@example.com", cMug);
    Map<String, Object> otherOrder =
        awaitOne("BC_Order__c", "BC_Order_Id__c", CUSTOM_STORE + ":" + otherStoresGuest);
    awaitDone();

    assertThat(otherOrder.get("BC_Contact__c"))
        .as("another store's shopper does not reach this store's customer")
        .isNotEqualTo(before.get("Id"));
    Map<String, Object> othersContact =
        sf.record((String) otherOrder.get("BC_Contact__c")).orElseThrow();
    assertThat(othersContact.get("LastName")).isEqualTo("Shopper");
    assertThat(where("Contact", "Email", "olive@example.com")).hasSize(2);
    assertThat(sf.record((String) before.get("Id")).orElseThrow().get("LastName"))
        .isEqualTo("Owner");
  }

  private List<JsonNode> openReviews() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(publicUrl + "/admin/reviews?status=open"))
                    .header("Authorization", "Bearer " + WebhookCalls.ADMIN_TOKEN)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(response.body());
    return java.util.stream.StreamSupport.stream(body.get("reviews").spliterator(), false).toList();
  }

  private HttpResponse<String> post(String path, String json) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(publicUrl + path))
                .header("Authorization", "Bearer " + WebhookCalls.ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
