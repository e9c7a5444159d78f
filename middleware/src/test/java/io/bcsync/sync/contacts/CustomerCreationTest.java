package io.bcsync.sync.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.CustomerWriter.CustomerFields;
import io.bcsync.testsupport.ports.ChangedFieldEvents;
import io.bcsync.testsupport.ports.InMemoryCatalog;
import io.bcsync.testsupport.ports.InMemoryCustomers;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Customers from Salesforce with the in-memory ports, in a store whose mapping file creates
 * customers, maps notes from the Contact's Description and gives the VIP group a price list: an
 * unlinked Contact becomes one customer (names, Salesforce-owned fields, notes, group) and is
 * linked back; a Contact whose e-mail the store already holds is linked to that customer, never
 * duplicated; a creation whose answer was lost is not repeated; the group's price list is assigned
 * once; a linked Contact's Description edit writes the notes alone.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerCreationTest implements TestPropertyProvider {
  static final String STORE = "cc1";
  static final String ORG = "00D000000000001AAA";
  static final long VIP_GROUP = 12;
  static final long VIP_PRICES = 7;

  @Inject ContactFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryCustomers customers;
  @Inject InMemoryCatalog catalog;

  private final Map<Long, List<String>> changed = new ConcurrentHashMap<>();
  private final AtomicLong itemIds = new AtomicLong(29_000);

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.withStore(
        InMemoryPorts.properties(),
        STORE,
        """
        customers:
          create_customers: true
          fields:
            notes: Description
        segments:
          groups:
            VIP: 12
          price_lists:
            12: 7
        """);
  }

  @BeforeAll
  void connectTheStore() {
    // A store is writable once connected; the in-memory catalog knows it by its variants.
    catalog.variant(STORE, new VariantRef(1, 2), "CC-1", new BigDecimal("1.00"));
  }

  @MockBean(ItemEvents.class)
  ItemEvents events(Db db) {
    return new ChangedFieldEvents(db, changed);
  }

  @Test
  void an_unlinked_contact_becomes_one_customer_and_is_linked_back() {
    String contact =
        contact(
            Map.of(
                "FirstName", "Nia",
                "LastName", "New",
                "Email", "Nia.New@example.com",
                "Phone", "555-0101",
                "Description", "prefers phone",
                "BC_Segment__c", "VIP"));
    int creations = customers.creations().size();

    Outcome outcome = run("salesforce/cdc/CREATE", contact);

    assertThat(outcome).isEqualTo(Outcome.SUCCESS);
    assertThat(customers.creations()).hasSize(creations + 1);
    Long id = customers.idOf(STORE, "nia.new@example.com");
    assertThat(id).isNotNull();
    assertThat(customers.get(STORE, id))
        .as("names for the new customer, the owned phone and company, notes, the group")
        .isEqualTo(
            new CustomerFields("Nia", "New", "555-0101", "", VIP_GROUP, "prefers phone", null));
    assertThat(org.record(contact).orElseThrow().get("BC_Customer_Id__c"))
        .isEqualTo(STORE + ":" + id);
    assertThat(customers.assignments(STORE))
        .as("the VIP group carries its price list")
        .containsEntry(VIP_GROUP, VIP_PRICES);
  }

  @Test
  void a_contact_whose_email_the_store_holds_is_linked_never_duplicated() {
    customers.customer(
        STORE, 501, "held@example.com", new CustomerFields("Held", "Already", "1", "", 0L));
    String contact =
        contact(
            Map.of(
                "FirstName", "Held",
                "LastName", "Already",
                "Email", "HELD@example.com",
                "Phone", "555-0102"));
    int creations = customers.creations().size();

    Outcome outcome = run("salesforce/reconcile", contact);

    assertThat(outcome).isEqualTo(Outcome.SUCCESS);
    assertThat(customers.creations()).as("no create call").hasSize(creations);
    assertThat(org.record(contact).orElseThrow().get("BC_Customer_Id__c"))
        .isEqualTo(STORE + ":501");
    assertThat(customers.get(STORE, 501).phone())
        .as("the Salesforce-owned phone is written to the found customer")
        .isEqualTo("555-0102");
    assertThat(customers.get(STORE, 501).firstName()).isEqualTo("Held");
  }

  @Test
  void a_creation_whose_answer_was_lost_is_not_repeated() {
    String contact =
        contact(Map.of("FirstName", "Lou", "LastName", "Lost", "Email", "lou.lost@example.com"));
    int creations = customers.creations().size();
    customers.loseNextAnswer();
    WorkItem item = item(contact, "salesforce/cdc/CREATE");

    assertThrows(IllegalStateException.class, () -> flow.run(List.of(item)));
    assertThat(org.record(contact).orElseThrow().get("BC_Customer_Id__c"))
        .as("the answer was lost: nothing linked yet")
        .isNull();
    Outcome retry = flow.run(List.of(item)).get(item.id());

    assertThat(retry).isEqualTo(Outcome.SUCCESS);
    assertThat(customers.creations()).as("only the lost create call").hasSize(creations + 1);
    assertThat(org.record(contact).orElseThrow().get("BC_Customer_Id__c"))
        .isEqualTo(STORE + ":" + customers.idOf(STORE, "lou.lost@example.com"));
  }

  @Test
  void a_contact_without_email_is_skipped_and_one_without_first_name_is_refused() {
    String noEmail = contact(Map.of("FirstName", "No", "LastName", "Mail"));
    String noFirst = contact(Map.of("LastName", "Solo", "Email", "solo@example.com"));
    int creations = customers.creations().size();

    Outcome skipped = run("salesforce/cdc/CREATE", noEmail);
    Outcome refused = run("salesforce/cdc/CREATE", noFirst);

    assertThat(((Outcome.Skipped) skipped).reason()).contains("no e-mail");
    assertThat(((Outcome.Failure) refused).permanent()).isTrue();
    assertThat(((Outcome.Failure) refused).error()).contains("no first name");
    assertThat(customers.creations()).hasSize(creations);
  }

  @Test
  void a_linked_contacts_description_edit_writes_the_notes_alone() {
    customers.customer(STORE, 502, new CustomerFields("Ann", "Noted", "2", "", 0L));
    String contact =
        contact(
            Map.of(
                "LastName", "Noted",
                "Phone", "999",
                "Description", "call after 5pm",
                "BC_Customer_Id__c", STORE + ":502"));
    int writes = customers.calls().size();
    WorkItem item = item(contact, "salesforce/cdc/UPDATE");
    changed.put(item.id(), List.of("Description"));

    Outcome outcome = flow.run(List.of(item)).get(item.id());

    assertThat(outcome).isEqualTo(Outcome.SUCCESS);
    assertThat(customers.calls().get(writes).fields())
        .containsExactly(
            Map.entry(
                502L, new CustomerFields(null, null, null, null, null, "call after 5pm", null)));
    assertThat(customers.get(STORE, 502).phone()).isEqualTo("2");
  }

  @Test
  void the_groups_price_list_is_assigned_once_for_many_tier_changes() {
    customers.customer(STORE, 503, new CustomerFields("A", "One", "3", "", 0L));
    customers.customer(STORE, 504, new CustomerFields("B", "Two", "4", "", 0L));
    String first =
        contact(
            Map.of("LastName", "One", "BC_Segment__c", "VIP", "BC_Customer_Id__c", STORE + ":503"));
    String second =
        contact(
            Map.of("LastName", "Two", "BC_Segment__c", "VIP", "BC_Customer_Id__c", STORE + ":504"));

    run("salesforce/reconcile", first);
    int asked = customers.assignmentCalls();
    run("salesforce/reconcile", second);

    assertThat(customers.get(STORE, 504).customerGroupId()).isEqualTo(VIP_GROUP);
    assertThat(customers.assignmentCalls()).as("checked once per process").isEqualTo(asked);
    assertThat(customers.assignments(STORE)).containsEntry(VIP_GROUP, VIP_PRICES);
  }

  private String contact(Map<String, Object> fields) {
    return org.insert("Contact", new HashMap<>(fields));
  }

  private Outcome run(String scope, String contactId) {
    WorkItem item = item(contactId, scope);
    return flow.run(List.of(item)).get(item.id());
  }

  private WorkItem item(String contactId, String scope) {
    return WorkItems.withScopes(
        itemIds.incrementAndGet(), EntityRef.salesforce(ORG, ContactFlow.OBJECT, contactId), scope);
  }
}
