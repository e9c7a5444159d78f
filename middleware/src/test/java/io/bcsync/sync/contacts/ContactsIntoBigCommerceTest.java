package io.bcsync.sync.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.CustomerWriter.CustomerFields;
import io.bcsync.testsupport.ports.ChangedFieldEvents;
import io.bcsync.testsupport.ports.InMemoryCustomers;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.WorkItems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Contact → its linked BigCommerce customer, with the in-memory ports: one query and one batch
 * write per store; only Salesforce-owned fields (default phone and company) that the update names
 * are written; an unlinked Contact creates nothing; bad data is dead-lettered unsent; a lost answer
 * converges; the webhook our write fires is recognised as an echo.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContactsIntoBigCommerceTest implements TestPropertyProvider {
  static final String STORE = "cst1";
  static final String ORG = "00D000000000001AAA";

  @Inject ContactFlow flow;
  @Inject CustomerEchoes echoes;
  @Inject InMemorySalesforce org;
  @Inject InMemoryCustomers customers;
  @Inject MeterRegistry registry;

  /** The changedFields of each item's UPDATE event, by item id (the events the flow reads). */
  private final Map<Long, List<String>> changed = new ConcurrentHashMap<>();

  private final AtomicLong itemIds = new AtomicLong(9_000);

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.withStore(InMemoryPorts.properties(), STORE);
  }

  @MockBean(ItemEvents.class)
  ItemEvents events(Db db) {
    return new ChangedFieldEvents(db, changed);
  }

  @Test
  void a_phone_edit_writes_only_the_phone_of_the_linked_customer() {
    customers.customer(STORE, 11, new CustomerFields("Ada", "Lovelace", "111", "Old Co"));
    String account = org.insert("Account", Map.of("Name", "Analytical Engines"));
    String ada =
        contact(
            Map.of(
                "FirstName", "Augusta",
                "LastName", "King",
                "Phone", "222",
                "AccountId", account,
                "BC_Customer_Id__c", STORE + ":11"));
    int queries = org.calls("query", "Contact");
    int writes = customers.calls().size();

    Outcome outcome = update(ada, "Phone", "LastName");

    assertThat(outcome).isEqualTo(Outcome.SUCCESS);
    assertThat(org.calls("query", "Contact")).isEqualTo(queries + 1);
    assertThat(customers.calls()).hasSize(writes + 1);
    assertThat(customers.calls().get(writes).fields())
        .as("names are BigCommerce-owned by default; the company was not named")
        .containsExactly(Map.entry(11L, new CustomerFields(null, null, "222", null)));
    assertThat(customers.get(STORE, 11))
        .isEqualTo(new CustomerFields("Ada", "Lovelace", "222", "Old Co"));
  }

  @Test
  void a_whole_record_writes_the_company_of_a_company_account_but_not_of_a_household() {
    customers.customer(STORE, 21, new CustomerFields("B", "Buyer", "1", "X"));
    customers.customer(STORE, 22, new CustomerFields("H", "Home", "2", "Y"));
    String company = org.insert("Account", Map.of("Name", "Acme Ltd"));
    String household =
        org.insert("Account", Map.of("Name", "H Home", "BC_Account_Key__c", STORE + ":22"));
    String buyer =
        contact(
            Map.of("LastName", "Buyer", "AccountId", company, "BC_Customer_Id__c", STORE + ":21"));
    String home =
        contact(
            Map.of(
                "LastName",
                "Home",
                "Phone",
                "555",
                "AccountId",
                household,
                "BC_Customer_Id__c",
                STORE + ":22"));
    int writes = customers.calls().size();

    Map<String, Outcome> outcomes = run("salesforce/reconcile", buyer, home);

    assertThat(outcomes).containsEntry(buyer, Outcome.SUCCESS).containsEntry(home, Outcome.SUCCESS);
    assertThat(customers.calls()).as("one batch for the store").hasSize(writes + 1);
    assertThat(customers.get(STORE, 21))
        .isEqualTo(new CustomerFields("B", "Buyer", "", "Acme Ltd"));
    assertThat(customers.get(STORE, 22)).isEqualTo(new CustomerFields("H", "Home", "555", ""));
  }

  @Test
  void an_unlinked_contact_or_an_untouched_field_writes_nothing() {
    String unlinked = contact(Map.of("LastName", "Nobody", "Phone", "1"));
    customers.customer(STORE, 31, new CustomerFields("T", "Title", "3", ""));
    String titled = contact(Map.of("LastName", "Title", "BC_Customer_Id__c", STORE + ":31"));
    int writes = customers.calls().size();

    assertThat(run("salesforce/cdc/CREATE", unlinked).get(unlinked))
        .isInstanceOf(Outcome.Skipped.class);
    Outcome untouched = update(titled, "Title");

    assertThat(((Outcome.Skipped) untouched).reason()).contains("no customer field");
    assertThat(customers.calls()).hasSize(writes);
  }

  @Test
  void bad_data_is_dead_lettered_unsent() {
    customers.customer(STORE, 41, new CustomerFields("L", "Long", "4", ""));
    String longPhone =
        contact(
            Map.of(
                "LastName", "Long", "Phone", "9".repeat(51), "BC_Customer_Id__c", STORE + ":41"));
    String badLink = contact(Map.of("LastName", "Bad", "BC_Customer_Id__c", "no-id"));
    int writes = customers.calls().size();

    Map<String, Outcome> outcomes = run("salesforce/reconcile", longPhone, badLink);

    assertThat(((Outcome.Failure) outcomes.get(longPhone)).permanent()).isTrue();
    assertThat(((Outcome.Failure) outcomes.get(longPhone)).error()).contains("51 characters");
    assertThat(((Outcome.Failure) outcomes.get(badLink)).error()).contains("{storeHash}:{id}");
    assertThat(customers.calls()).hasSize(writes);
  }

  @Test
  void an_empty_last_name_is_dead_lettered_when_names_are_owned() {
    ContactChange.Decision decision =
        ContactChange.of(
            item("003000000000001AAA", "salesforce/reconcile"),
            List.of(),
            Map.of("BC_Customer_Id__c", STORE + ":51", "FirstName", "Only"),
            store -> List.of("first_name", "last_name", "phone"),
            store -> io.bcsync.sync.mapping.ReverseMapping.none());

    assertThat(((Outcome.Failure) decision.outcome()).error()).contains("no last name");
  }

  @Test
  void a_lost_answer_converges_and_the_webhook_of_our_write_is_an_echo() {
    customers.customer(STORE, 61, new CustomerFields("E", "Echo", "6", ""));
    String echo =
        contact(Map.of("LastName", "Echo", "Phone", "606", "BC_Customer_Id__c", STORE + ":61"));
    customers.loseNextAnswer();

    assertThatThrownBy(() -> update(echo, "Phone")).isInstanceOf(IllegalStateException.class);
    assertThat(update(echo, "Phone")).isEqualTo(Outcome.SUCCESS);
    assertThat(customers.get(STORE, 61).phone()).isEqualTo("606");

    double before = registry.counter("bcsync.sync.echoes", "side", "bigcommerce").count();
    WorkItem hook = hook(61, "store/customer/updated");
    assertThat(echoes.echoes(STORE, List.of(hook)).get(hook.id()))
        .isInstanceOf(Outcome.Skipped.class);
    assertThat(registry.counter("bcsync.sync.echoes", "side", "bigcommerce").count())
        .isEqualTo(before + 1);

    customers.customer(STORE, 61, new CustomerFields("E", "Echo", "707", ""));
    WorkItem shopperEdit = hook(61, "store/customer/updated");
    assertThat(echoes.echoes(STORE, List.of(shopperEdit)))
        .as("the shopper changed the phone since: not an echo")
        .isEmpty();
  }

  private String contact(Map<String, Object> fields) {
    return org.insert("Contact", new HashMap<>(fields));
  }

  private Outcome update(String contactId, String... fields) {
    WorkItem item = item(contactId, "salesforce/cdc/UPDATE");
    changed.put(item.id(), List.of(fields));
    return flow.run(List.of(item)).get(item.id());
  }

  private WorkItem hook(long customerId, String scope) {
    return WorkItems.withScopes(
        itemIds.incrementAndGet(),
        new EntityRef(STORE, "customer", String.valueOf(customerId)),
        scope);
  }

  private WorkItem item(String contactId, String scope) {
    return WorkItems.withScopes(
        itemIds.incrementAndGet(), EntityRef.salesforce(ORG, ContactFlow.OBJECT, contactId), scope);
  }

  private Map<String, Outcome> run(String scope, String... contactIds) {
    List<WorkItem> items = new ArrayList<>();
    Map<Long, String> byItem = new HashMap<>();
    for (String id : contactIds) {
      WorkItem item = item(id, scope);
      items.add(item);
      byItem.put(item.id(), id);
    }
    Map<String, Outcome> outcomes = new HashMap<>();
    flow.run(items).forEach((itemId, outcome) -> outcomes.put(byItem.get(itemId), outcome));
    return outcomes;
  }
}
