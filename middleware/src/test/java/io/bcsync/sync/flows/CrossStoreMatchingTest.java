package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
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
 * Customers of several stores in one org. Store {@value #HOME} has a registered customer; store
 * {@value #ISOLATED} matches only its own records (the default); store {@value #ACROSS} sets {@code
 * match_across_stores: true}. Whatever the setting, a guest never rewrites the customer's Contact,
 * and a registered customer of another store is never linked to it without a person.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossStoreMatchingTest implements TestPropertyProvider {
  static final String HOME = "xst1";
  static final String ISOLATED = "xst2";
  static final String ACROSS = "xst3";

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;
  @Inject Reviews reviews;

  private final AtomicLong itemIds = new AtomicLong(5_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        InMemoryPorts.withStore(InMemoryPorts.properties(), ISOLATED, "orders:\n  target: Order\n");
    return InMemoryPorts.withStore(properties, ACROSS, "matching:\n  match_across_stores: true\n");
  }

  private Map<String, Object> registeredCustomer(String email) throws Exception {
    store.customer(HOME, 1).email(email).name("Ada", "Lovelace").save();
    assertThat(flow.run(List.of(item(HOME, "customer", 1))).values()).containsOnly(Outcome.SUCCESS);
    return org.one("Contact", "BC_Customer_Id__c", HOME + ":1");
  }

  @Test
  void other_stores_attach_without_rewriting_or_not_at_all_and_their_customers_go_to_review()
      throws Exception {
    String email = "ada.cross@example.com";
    Map<String, Object> ada = registeredCustomer(email);

    store.guestOrder(HOME, 101, "Ada.Cross@example.com").line(10101, 7, "MUG-1", "9.95", 1).save();
    store.guestOrder(ISOLATED, 201, email).line(20101, 7, "MUG-1", "9.95", 1).save();
    store.guestOrder(ACROSS, 301, email).line(30101, 7, "MUG-1", "9.95", 1).save();
    assertThat(flow.run(List.of(item(HOME, "order", 101))).values()).containsOnly(Outcome.SUCCESS);
    assertThat(flow.run(List.of(item(ACROSS, "order", 301))).values())
        .containsOnly(Outcome.SUCCESS);
    // After the guest of ACROSS: its Contact and Ada's would both be candidates there (a review).
    assertThat(flow.run(List.of(item(ISOLATED, "order", 201))).values())
        .containsOnly(Outcome.SUCCESS);

    assertThat(org.one("Order", "BC_Order_Id__c", HOME + ":101"))
        .as("a guest with a registered customer's e-mail: on its Contact")
        .containsEntry("BC_Contact__c", ada.get("Id"));
    assertThat(org.one("Order", "BC_Order_Id__c", ACROSS + ":301"))
        .as("matching across stores: attached too")
        .containsEntry("BC_Contact__c", ada.get("Id"));
    Object isolatedContact =
        org.one("Order", "BC_Order_Id__c", ISOLATED + ":201").get("BC_Contact__c");
    assertThat(isolatedContact)
        .as("not matching across stores: its own")
        .isNotEqualTo(ada.get("Id"));
    assertThat(org.record(ada.get("Id").toString()).orElseThrow())
        .as("no guest rewrote the Contact, nor moved it to its store")
        .containsEntry("FirstName", ada.get("FirstName"))
        .containsEntry("LastName", "Lovelace")
        .containsEntry("Email", ada.get("Email"))
        .containsEntry("BC_Store__c", ada.get("BC_Store__c"))
        .containsEntry("BC_Last_Synced__c", ada.get("BC_Last_Synced__c"));

    store.customer(ACROSS, 9).email(email).name("Ada", "Other").save();
    assertThat(flow.run(List.of(item(ACROSS, "customer", 9))).values())
        .singleElement()
        .isInstanceOf(Outcome.Skipped.class);
    assertThat(reviews.openFor(ACROSS, List.of("customer:9"))).containsKey("customer:9");
    assertThat(org.record(ada.get("Id").toString()).orElseThrow())
        .containsEntry("BC_Customer_Id__c", HOME + ":1");
  }

  private WorkItem item(String storeHash, String type, long id) {
    return WorkItems.item(itemIds.incrementAndGet(), storeHash, type, id);
  }
}
