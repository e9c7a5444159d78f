package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.routing.WorkRouter;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.StoreOrder;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The other order targets, against the in-memory org and store: BC_Order__c with its lines (and the
 * Salesforce id written back to BigCommerce, on for store {@value #CUSTOM}), and Opportunity, whose
 * lines have no BigCommerce key and are replaced on every write (store {@value #OPPORTUNITY}, where
 * customers without orders become Leads).
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderTargetsTest implements TestPropertyProvider {
  static final String DEFAULTS = "tgt1";
  static final String CUSTOM = "tgt2";
  static final String OPPORTUNITY = "tgt3";
  static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject WorkRouter router;
  @Inject QueueInspector queue;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;

  private final AtomicLong itemIds = new AtomicLong(3_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.properties();
    InMemoryPorts.withStore(properties, CUSTOM, "orders:\n  target: BC_Order__c\n");
    properties.put("bcsync.bigcommerce.stores." + CUSTOM + ".write-back-order-id", "true");
    return InMemoryPorts.withStore(
        properties,
        OPPORTUNITY,
        "orders:\n  target: Opportunity\nmatching:\n  new_customers_as: lead\n");
  }

  @Test
  void a_store_mapped_to_bc_order_gets_custom_object_records_and_their_id_written_back()
      throws Exception {
    store.customer(CUSTOM, 41).email("custom@example.com").save();
    store.order(CUSTOM, 401, 41).line(40101, 7, "CMUG-1", "5.00", 1).save();
    int productQueries = org.calls("query", "Product2");

    assertThat(flow.run(List.of(item(CUSTOM, "customer", 41), item(CUSTOM, "order", 401))).values())
        .containsOnly(Outcome.SUCCESS);

    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", CUSTOM + ":41");
    Map<String, Object> bcOrder = org.one("BC_Order__c", "BC_Order_Id__c", CUSTOM + ":401");
    assertThat(bcOrder)
        .containsEntry("Name", "401")
        .containsEntry("BC_Contact__c", contact.get("Id"))
        .containsEntry("BC_Account__c", contact.get("AccountId"));
    assertThat(org.where("BC_Order_Line__c", "BC_Order__c", bcOrder.get("Id")))
        .singleElement()
        .satisfies(line -> assertThat(line).containsEntry("BC_Sku__c", "CMUG-1"));
    assertThat(org.where("Order", "BC_Order_Id__c", CUSTOM + ":401")).isEmpty();
    assertThat(org.calls("query", "Product2")).as("no price book").isEqualTo(productQueries);

    WorkItem writeBack = followUp(CUSTOM, "401").orElseThrow();
    assertThat(router.handle(List.of(writeBack))).containsEntry(writeBack.id(), Outcome.SUCCESS);
    assertThat(store.salesforceId(CUSTOM, 401)).contains(bcOrder.get("Id").toString());
    assertThat(router.handle(List.of(writeBack)))
        .as("written again after a lost response: the same state")
        .containsEntry(writeBack.id(), Outcome.SUCCESS);
    assertThat(store.writeBacks()).filteredOn(w -> w.orderId() == 401).hasSize(1);

    store.order(DEFAULTS, 402, 42).line(40201, 7, "MUG-1", "9.95", 1).save();
    assertThat(flow.run(List.of(item(DEFAULTS, "order", 402))).values())
        .containsOnly(Outcome.SUCCESS);
    assertThat(followUp(DEFAULTS, "402")).as("off by default").isEmpty();
  }

  @Test
  void a_store_mapped_to_opportunity_replaces_its_lines_and_makes_customers_without_orders_leads()
      throws Exception {
    store.customer(OPPORTUNITY, 51).email("browser@example.com").save();
    store.customer(OPPORTUNITY, 52).email("opp.buyer@example.com").save();
    StoreOrder order =
        store
            .order(OPPORTUNITY, 501, 52)
            .line(50101, 7, "OMUG-1", "7.00", 1)
            .line(50102, 8, "OLAMP-1", "70.00", 1);
    order.save();

    assertThat(
            flow.run(
                    List.of(
                        item(OPPORTUNITY, "customer", 51),
                        item(OPPORTUNITY, "customer", 52),
                        item(OPPORTUNITY, "order", 501)))
                .values())
        .containsOnly(Outcome.SUCCESS);

    assertThat(org.one("Lead", "BC_Customer_Id__c", OPPORTUNITY + ":51"))
        .containsEntry("Email", "browser@example.com");
    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", OPPORTUNITY + ":52");
    Map<String, Object> opportunity =
        org.one("Opportunity", "BC_Order_Id__c", OPPORTUNITY + ":501");
    assertThat(opportunity).containsEntry("AccountId", contact.get("AccountId"));
    assertThat(org.where("OpportunityLineItem", "OpportunityId", opportunity.get("Id"))).hasSize(2);

    order.withoutLine(50102).status(2).modifiedAt(T0.plusSeconds(1)).save();
    assertThat(flow.run(List.of(item(OPPORTUNITY, "order", 501))).values())
        .containsOnly(Outcome.SUCCESS);
    assertThat(org.one("Opportunity", "BC_Order_Id__c", OPPORTUNITY + ":501"))
        .containsEntry("StageName", "Closed Won");
    Map<String, Object> line =
        org.where("OpportunityLineItem", "OpportunityId", opportunity.get("Id")).get(0);
    assertThat(org.where("OpportunityLineItem", "OpportunityId", opportunity.get("Id")))
        .singleElement()
        .satisfies(l -> assertThat(l.get("Description").toString()).startsWith("OMUG-1"));

    order.status(10).modifiedAt(T0.plusSeconds(2)).save();
    assertThat(flow.run(List.of(item(OPPORTUNITY, "order", 501))).values())
        .containsOnly(Outcome.SUCCESS);
    assertThat(org.where("OpportunityLineItem", "OpportunityId", opportunity.get("Id")))
        .as("replaced again, not kept next to a new copy")
        .singleElement()
        .satisfies(l -> assertThat(l.get("Id")).isNotEqualTo(line.get("Id")));
    assertThat(org.isDeleted(line.get("Id").toString())).isTrue();
  }

  @Test
  void opportunity_lines_created_by_an_attempt_whose_answer_was_lost_are_replaced_not_doubled()
      throws Exception {
    store.customer(OPPORTUNITY, 53).email("lost.lines@example.com").save();
    StoreOrder order =
        store
            .order(OPPORTUNITY, 503, 53)
            .line(50301, 7, "OMUG-1", "7.00", 1)
            .line(50302, 8, "OLAMP-1", "70.00", 1);
    order.save();
    org.loseResponseOfNext("create", "OpportunityLineItem");

    WorkItem first = item(OPPORTUNITY, "order", 503);
    assertThat(flow.run(List.of(first)).get(first.id()))
        .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.permanent()).isFalse());
    Map<String, Object> opportunity =
        org.one("Opportunity", "BC_Order_Id__c", OPPORTUNITY + ":503");
    List<Map<String, Object>> lost =
        org.where("OpportunityLineItem", "OpportunityId", opportunity.get("Id"));
    assertThat(lost).as("created, although the answer was lost").hasSize(2);

    assertThat(flow.run(List.of(item(OPPORTUNITY, "order", 503))).values())
        .containsOnly(Outcome.SUCCESS);
    assertThat(org.where("OpportunityLineItem", "OpportunityId", opportunity.get("Id")))
        .hasSize(2)
        .noneMatch(l -> lost.stream().anyMatch(old -> old.get("Id").equals(l.get("Id"))));
    assertThat(org.where("Opportunity", "BC_Order_Id__c", OPPORTUNITY + ":503")).hasSize(1);
  }

  /**
   * ContactId, which the package's panel lists a Contact's Opportunities by, goes only on a new
   * Opportunity (Salesforce takes it on create only): the retry after a lost answer finds the
   * Opportunity, writes it as existing and keeps its primary contact.
   */
  @Test
  void a_new_opportunity_names_its_buyer_as_primary_contact_also_after_a_lost_answer()
      throws Exception {
    store.customer(OPPORTUNITY, 54).email("lost.header@example.com").save();
    store.order(OPPORTUNITY, 504, 54).line(50401, 7, "OMUG-1", "7.00", 1).save();
    org.loseResponseOfNext("upsert", "Opportunity");

    WorkItem first = item(OPPORTUNITY, "order", 504);
    assertThat(flow.run(List.of(first)).get(first.id()))
        .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.permanent()).isFalse());
    Map<String, Object> contact = org.one("Contact", "BC_Customer_Id__c", OPPORTUNITY + ":54");
    assertThat(org.one("Opportunity", "BC_Order_Id__c", OPPORTUNITY + ":504"))
        .containsEntry("ContactId", contact.get("Id"));

    WorkItem retry =
        WorkItems.item(itemIds.incrementAndGet(), new EntityRef(OPPORTUNITY, "order", "504"), 2);
    assertThat(flow.run(List.of(retry)).values()).containsOnly(Outcome.SUCCESS);
    assertThat(org.where("Opportunity", "BC_Order_Id__c", OPPORTUNITY + ":504"))
        .singleElement()
        .satisfies(o -> assertThat(o).containsEntry("ContactId", contact.get("Id")));
  }

  private Optional<WorkItem> followUp(String storeHash, String orderId) {
    return queue.workItems(Optional.empty(), Optional.empty(), 500).stream()
        .filter(i -> i.entity().storeHash().equals(storeHash))
        .filter(i -> i.entity().type().equals("order_salesforce_id"))
        .filter(i -> i.entity().id().equals(orderId))
        .findFirst();
  }

  private WorkItem item(String storeHash, String type, long id) {
    return WorkItems.item(itemIds.incrementAndGet(), storeHash, type, id);
  }
}
