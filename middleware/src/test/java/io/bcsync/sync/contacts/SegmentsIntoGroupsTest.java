package io.bcsync.sync.contacts;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Segments and tiers (U7) with the in-memory ports: a store whose mapping file maps {@code
 * BC_Segment__c} values to customer groups gets each linked customer's group from its Contact's
 * segment, in the same customers batch as the identity fields; a value the table lacks is
 * dead-lettered unsent; a store without the table gets no group write; the webhook of the group
 * write is an echo.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentsIntoGroupsTest implements TestPropertyProvider {
  static final String STORE = "seg1";
  static final String PLAIN = "seg2";
  static final String ORG = "00D000000000001AAA";
  static final long VIP_GROUP = 12;
  static final long STANDARD_GROUP = 11;

  @Inject ContactFlow flow;
  @Inject CustomerEchoes echoes;
  @Inject InMemorySalesforce org;
  @Inject InMemoryCustomers customers;

  private final Map<Long, List<String>> changed = new ConcurrentHashMap<>();
  private final AtomicLong itemIds = new AtomicLong(19_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        InMemoryPorts.withStore(
            InMemoryPorts.properties(),
            STORE,
            "segments:\n"
                + "  field: BC_Segment__c\n"
                + "  groups:\n"
                + "    VIP: "
                + VIP_GROUP
                + "\n"
                + "    Standard: "
                + STANDARD_GROUP
                + "\n");
    return InMemoryPorts.withStore(properties, PLAIN);
  }

  @MockBean(ItemEvents.class)
  ItemEvents events(Db db) {
    return new ChangedFieldEvents(db, changed);
  }

  @Test
  void a_tier_change_moves_the_customer_into_the_mapped_group_in_one_call() {
    customers.customer(STORE, 71, new CustomerFields("T", "Tier", "7", "", STANDARD_GROUP));
    String contact =
        contact(
            Map.of("LastName", "Tier", "BC_Segment__c", "VIP", "BC_Customer_Id__c", STORE + ":71"));
    int writes = customers.calls().size();

    Outcome outcome = update(contact, "BC_Segment__c");

    assertThat(outcome).isEqualTo(Outcome.SUCCESS);
    assertThat(customers.calls()).hasSize(writes + 1);
    assertThat(customers.calls().get(writes).fields())
        .as("only the group: the segment is all the update named")
        .containsExactly(Map.entry(71L, new CustomerFields(null, null, null, null, VIP_GROUP)));
    assertThat(customers.get(STORE, 71).customerGroupId()).isEqualTo(VIP_GROUP);

    WorkItem hook = hook(STORE, 71);
    assertThat(echoes.echoes(STORE, List.of(hook)).get(hook.id()))
        .as("the store/customer/updated our group write fires")
        .isInstanceOf(Outcome.Skipped.class);
  }

  @Test
  void a_segment_the_table_lacks_is_dead_lettered_unsent() {
    customers.customer(STORE, 72, new CustomerFields("U", "Unknown", "7", "", STANDARD_GROUP));
    String contact =
        contact(
            Map.of(
                "LastName",
                "Unknown",
                "Phone",
                "999",
                "BC_Segment__c",
                "At Risk",
                "BC_Customer_Id__c",
                STORE + ":72"));
    int writes = customers.calls().size();

    Outcome outcome = run("salesforce/reconcile", contact);

    assertThat(((Outcome.Failure) outcome).permanent()).isTrue();
    assertThat(((Outcome.Failure) outcome).error())
        .contains("'At Risk'", "no BigCommerce customer group", "[Standard, VIP]");
    assertThat(customers.calls())
        .as("nothing of the item is sent, not even the phone")
        .hasSize(writes);
  }

  @Test
  void a_whole_record_writes_the_group_with_the_owned_fields_and_a_store_without_a_table_none() {
    customers.customer(STORE, 73, new CustomerFields("W", "Whole", "1", "", 0L));
    customers.customer(PLAIN, 74, new CustomerFields("P", "Plain", "1", "", 0L));
    String mapped =
        contact(
            Map.of(
                "LastName",
                "Whole",
                "Phone",
                "333",
                "BC_Segment__c",
                "Standard",
                "BC_Customer_Id__c",
                STORE + ":73"));
    String plain =
        contact(
            Map.of(
                "LastName",
                "Plain",
                "Phone",
                "444",
                "BC_Segment__c",
                "VIP",
                "BC_Customer_Id__c",
                PLAIN + ":74"));

    assertThat(run("salesforce/reconcile", mapped)).isEqualTo(Outcome.SUCCESS);
    assertThat(run("salesforce/reconcile", plain)).isEqualTo(Outcome.SUCCESS);

    assertThat(customers.get(STORE, 73))
        .isEqualTo(new CustomerFields("W", "Whole", "333", "", STANDARD_GROUP));
    assertThat(customers.get(PLAIN, 74))
        .as("the plain store maps no segments: its group is left alone")
        .isEqualTo(new CustomerFields("P", "Plain", "444", "", 0L));
  }

  @Test
  void a_blank_segment_leaves_the_group_alone() {
    customers.customer(STORE, 75, new CustomerFields("B", "Blank", "1", "", VIP_GROUP));
    String contact = contact(Map.of("LastName", "Blank", "BC_Customer_Id__c", STORE + ":75"));

    Outcome outcome = update(contact, "BC_Segment__c");

    assertThat(((Outcome.Skipped) outcome).reason()).contains("no customer field");
    assertThat(customers.get(STORE, 75).customerGroupId()).isEqualTo(VIP_GROUP);
  }

  private String contact(Map<String, Object> fields) {
    return org.insert("Contact", new HashMap<>(fields));
  }

  private Outcome update(String contactId, String... fields) {
    WorkItem item = item(contactId, "salesforce/cdc/UPDATE");
    changed.put(item.id(), List.of(fields));
    return flow.run(List.of(item)).get(item.id());
  }

  private Outcome run(String scope, String contactId) {
    WorkItem item = item(contactId, scope);
    return flow.run(new ArrayList<>(List.of(item))).get(item.id());
  }

  private WorkItem hook(String store, long customerId) {
    return WorkItems.withScopes(
        itemIds.incrementAndGet(),
        new EntityRef(store, "customer", String.valueOf(customerId)),
        "store/customer/updated");
  }

  private WorkItem item(String contactId, String scope) {
    return WorkItems.withScopes(
        itemIds.incrementAndGet(), EntityRef.salesforce(ORG, ContactFlow.OBJECT, contactId), scope);
  }
}
