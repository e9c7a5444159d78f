package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
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
 * Each store is one {@code BC_Store__c}, upserted by its hash once per process, and every record
 * the sync writes that has a {@code BC_Store__c} lookup points at it: Contact, Account, Order and
 * BC_Order__c.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreRecordIntoSalesforceTest implements TestPropertyProvider {
  static final String ORDERS = "str1";
  static final String CUSTOM = "str2";
  static final String LOST = "str3";

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;

  private final AtomicLong itemIds = new AtomicLong(9_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.withStore(InMemoryPorts.properties(), ORDERS);
    InMemoryPorts.withStore(properties, LOST);
    return InMemoryPorts.withStore(properties, CUSTOM, "orders:\n  target: BC_Order__c\n");
  }

  @Test
  void the_store_is_written_once_and_every_record_with_a_store_lookup_points_at_it()
      throws Exception {
    store.name(ORDERS, "Sage & Linen");
    store.customer(ORDERS, 1).email("one@example.com").save();
    store.order(ORDERS, 11, 1).line(1101, 7, "MUG-1", "9.95", 1).save();

    assertThat(run(ORDERS, "customer", 1, "order", 11)).containsOnly(Outcome.SUCCESS);

    Map<String, Object> storeRecord = org.one("BC_Store__c", "BC_Store_Hash__c", ORDERS);
    assertThat(storeRecord)
        .containsEntry("Name", "Sage & Linen")
        .containsEntry("BC_Control_Panel_URL__c", "https://store-str1.mybigcommerce.com/manage")
        .containsEntry("BC_Environment__c", "Sandbox");
    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", ORDERS + ":1");
    assertThat(contact).containsEntry("BC_Store__c", storeRecord.get("Id"));
    assertThat(org.record((String) contact.get("AccountId")).orElseThrow())
        .containsEntry("BC_Store__c", storeRecord.get("Id"));
    assertThat(org.one("Order", "BC_Order_Id__c", ORDERS + ":11"))
        .containsEntry("BC_Store__c", storeRecord.get("Id"));

    int upserts = org.calls("upsert", "BC_Store__c");
    store.order(ORDERS, 12, 1).line(1201, 7, "MUG-1", "9.95", 2).save();
    assertThat(run(ORDERS, "order", 12)).containsOnly(Outcome.SUCCESS);
    assertThat(org.calls("upsert", "BC_Store__c")).as("cached").isEqualTo(upserts);
    assertThat(org.one("Order", "BC_Order_Id__c", ORDERS + ":12"))
        .containsEntry("BC_Store__c", storeRecord.get("Id"));
  }

  @Test
  void a_bc_order_points_at_its_store() throws Exception {
    store.customer(CUSTOM, 2).email("two@example.com").save();
    store.order(CUSTOM, 21, 2).line(2101, 7, "MUG-1", "9.95", 1).save();

    assertThat(run(CUSTOM, "order", 21)).containsOnly(Outcome.SUCCESS);

    Map<String, Object> storeRecord = org.one("BC_Store__c", "BC_Store_Hash__c", CUSTOM);
    assertThat(storeRecord).containsEntry("Name", "Store " + CUSTOM);
    assertThat(org.one("BC_Order__c", "BC_Order_Id__c", CUSTOM + ":21"))
        .containsEntry("BC_Store__c", storeRecord.get("Id"));
  }

  @Test
  void a_store_record_whose_answer_was_lost_is_the_same_record_after_the_retry() throws Exception {
    store.customer(LOST, 3).email("three@example.com").save();
    store.order(LOST, 31, 3).line(3101, 7, "MUG-1", "9.95", 1).save();
    org.loseResponseOfNext("upsert", "BC_Store__c");

    assertThat(run(LOST, "order", 31))
        .singleElement()
        .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.permanent()).isFalse());
    assertThat(org.where("BC_Store__c", "BC_Store_Hash__c", LOST)).as("written").hasSize(1);
    assertThat(org.where("Order", "BC_Order_Id__c", LOST + ":31")).as("not yet").isEmpty();

    assertThat(run(LOST, "order", 31)).containsOnly(Outcome.SUCCESS);
    assertThat(org.where("BC_Store__c", "BC_Store_Hash__c", LOST)).hasSize(1);
    assertThat(org.one("Order", "BC_Order_Id__c", LOST + ":31"))
        .containsEntry("BC_Store__c", org.one("BC_Store__c", "BC_Store_Hash__c", LOST).get("Id"));
  }

  /** Runs items given as type, id pairs. */
  private java.util.Collection<Outcome> run(String storeHash, Object... typesAndIds)
      throws Exception {
    List<WorkItem> items = new java.util.ArrayList<>();
    for (int i = 0; i < typesAndIds.length; i += 2) {
      items.add(
          WorkItems.item(
              itemIds.incrementAndGet(),
              storeHash,
              (String) typesAndIds[i],
              ((Number) typesAndIds[i + 1]).longValue()));
    }
    return flow.run(items).values();
  }
}
