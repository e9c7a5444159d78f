package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.customers.V2CustomerGroupsApi;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.store.Customer;
import io.bcsync.sim.bigcommerce.store.PriceList;
import io.bcsync.sim.bigcommerce.store.PriceListAssignment;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Customers created from Salesforce over both simulators (issue 17, T4), through the real CometD,
 * force-wsc and REST clients, with the store's webhooks delivered back to the app. The store's
 * mapping file creates customers, maps notes from the Contact's Description, and maps the VIP
 * segment to the "Gold" group, which carries the Gold price list. A new Contact becomes exactly one
 * customer (names, phone, notes, group), is linked back by the integration user, and the group gets
 * its price-list assignment; a creation whose answer BigCommerce lost (LOSE_RESPONSE: created, then
 * 504) is not repeated; a duplicate Contact of an already linked customer makes no second customer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The duplicate test leaves a dead-lettered item, which the other tests' settle() refuses: it runs
// last.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReverseCustomerCreationEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revn1";
  static final String SECRET = "revn-webhook-secret-0123456789";

  long gold;
  long goldPrices;

  ReverseCustomerCreationEndToEndTest() {
    super(STORE, SECRET, List.of(CONTACT_CHANGES));
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    gold = store.read(s -> V2CustomerGroupsApi.create(s, "Gold").id);
    goldPrices =
        store.read(
            s -> {
              PriceList list = new PriceList();
              list.id = s.nextId();
              list.name = "Gold prices";
              list.dateCreated = s.now();
              list.dateModified = s.now();
              list.active = true;
              s.priceLists.put(list.id, list);
              return list.id;
            });
    String mapping =
        "customers:\n"
            + "  create_customers: true\n"
            + "  fields:\n"
            + "    notes: Description\n"
            + "segments:\n"
            + "  groups:\n"
            + "    VIP: "
            + gold
            + "\n"
            + "  price_lists:\n"
            + "    "
            + gold
            + ": "
            + goldPrices
            + "\n";
    useMapping(properties, mapping);
    return properties;
  }

  @Test
  void a_new_contact_becomes_one_customer_linked_back_with_its_groups_price_list() {
    String contact =
        sf.createAsUser(
                "Contact",
                Map.of(
                    "FirstName", "Nora",
                    "LastName", "Created",
                    "Email", "nora.created@example.com",
                    "Phone", "555-0171",
                    "Description", "VIP since 2019",
                    "BC_Segment__c", "VIP"))
            .id();

    await().atMost(WAIT).until(() -> linkOf(contact) != null);
    settle();

    List<Customer> made = customersWith("nora.created@example.com");
    assertThat(made).as("exactly one customer").hasSize(1);
    Customer nora = made.get(0);
    assertThat(linkOf(contact)).isEqualTo(STORE + ":" + nora.id);
    assertThat(List.of(nora.firstName, nora.lastName, nora.phone, nora.notes))
        .containsExactly("Nora", "Created", "555-0171", "VIP since 2019");
    assertThat(nora.customerGroupId).isEqualTo(gold);
    List<PriceListAssignment> assigned =
        store.read(
            s ->
                s.priceListAssignments.values().stream()
                    .filter(a -> a.customerGroupId == gold)
                    .toList());
    assertThat(assigned)
        .as("the Gold group carries its price list, on every channel")
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.priceListId).isEqualTo(goldPrices);
              assertThat(a.channelId).isZero();
            });
    assertThat(
            sf.records("Contact").stream()
                .filter(c -> "nora.created@example.com".equals(c.get("Email"))))
        .as("the created customer's webhook makes no second Contact")
        .hasSize(1);
  }

  @Test
  void a_creation_whose_answer_was_lost_is_not_repeated() {
    settle();
    int writesBefore = storeWrites().size();
    store.injectFault(Fault.loseResponse(1).on("POST", "/v3/customers"));

    String contact =
        sf.createAsUser(
                "Contact",
                Map.of("FirstName", "Lev", "LastName", "Lost", "Email", "lev.lost@example.com"))
            .id();

    await().atMost(WAIT).until(() -> linkOf(contact) != null);
    settle();
    assertThat(customersWith("lev.lost@example.com")).as("one customer, not two").hasSize(1);
    List<RequestLog.Entry> posts =
        storeWrites().subList(writesBefore, storeWrites().size()).stream()
            .filter(e -> e.method().equals("POST") && e.path().endsWith("/v3/customers"))
            .toList();
    assertThat(posts)
        .as("the lost create only")
        .extracting(RequestLog.Entry::status)
        .containsExactly(504);
    assertThat(linkOf(contact))
        .isEqualTo(STORE + ":" + customersWith("lev.lost@example.com").get(0).id);
  }

  /**
   * The store's customer with the e-mail is already linked to the Contact the forward sync made for
   * it: the second Contact is a duplicate in Salesforce, which refuses a second holder of the link
   * (BC_Customer_Id__c is a unique external id). No second customer is made; the item is
   * dead-lettered with Salesforce's answer for the merchant to merge the two Contacts.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void a_duplicate_contact_of_a_linked_customer_makes_no_second_customer() {
    long held = store.createCustomer("held.twice@example.com", "Held", "Twice");
    await()
        .atMost(WAIT)
        .until(
            () ->
                sf.records("Contact").stream()
                    .anyMatch(c -> (STORE + ":" + held).equals(c.get("BC_Customer_Id__c"))));
    settle();
    int writesBefore = storeWrites().size();

    String contact =
        sf.createAsUser(
                "Contact",
                Map.of("FirstName", "Held", "LastName", "Twice", "Email", "Held.Twice@example.com"))
            .id();

    await()
        .atMost(WAIT)
        .until(
            () ->
                inspector.workItems(Optional.empty(), Optional.empty(), 500).stream()
                    .anyMatch(
                        i ->
                            contact.equals(i.entity().id())
                                && i.status() == WorkItemStatus.DEAD
                                && i.lastError().contains("DUPLICATE_VALUE")));
    assertThat(customersWith("held.twice@example.com")).hasSize(1);
    assertThat(linkOf(contact)).isNull();
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .as("no create call")
        .noneMatch(e -> e.method().equals("POST") && e.path().endsWith("/v3/customers"));
  }

  private String linkOf(String contactId) {
    return sf.records("Contact").stream()
        .filter(c -> contactId.equals(c.get("Id")))
        .map(c -> (String) c.get("BC_Customer_Id__c"))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private List<Customer> customersWith(String email) {
    return store.read(
        s -> s.customers.values().stream().filter(c -> c.email.equalsIgnoreCase(email)).toList());
  }
}
