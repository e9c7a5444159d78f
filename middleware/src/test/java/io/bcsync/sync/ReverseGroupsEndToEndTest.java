package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.customers.V2CustomerGroupsApi;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.store.PriceList;
import io.bcsync.sim.bigcommerce.store.PriceListAssignment;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Segments and tiers (U7) and price lists over both simulators, through the real CometD, force-wsc
 * and REST clients, with the store's webhooks delivered back to the app. The store's mapping file
 * maps {@code BC_Segment__c} VIP → the "Gold" group (which a price list is assigned to) and
 * Standard → the "Standard" group, and a wholesale price book in USD → that price list. A tier
 * change is one {@code PUT /v3/customers} with the group, no Salesforce write, its webhook an echo,
 * and the customer then sees the list's price; a segment the table lacks is dead-lettered; a
 * wholesale price change is one price-list records write and no Salesforce write, and converges
 * after a lost answer.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseGroupsEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revg1";
  static final String SECRET = "revg-webhook-secret-0123456789";

  long gold;
  long standard;
  long priceList;
  String wholesale;

  // settleAllowingDeadLetters(): the unknown-segment test leaves a dead-lettered item.
  ReverseGroupsEndToEndTest() {
    super(STORE, SECRET, List.of(CONTACT_CHANGES, PRICEBOOK_ENTRY_CHANGES, PRODUCT_CHANGES));
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    gold = store.read(s -> V2CustomerGroupsApi.create(s, "Gold").id);
    standard = store.read(s -> V2CustomerGroupsApi.create(s, "Standard").id);
    priceList =
        store.read(
            s -> {
              PriceList list = new PriceList();
              list.id = s.nextId();
              list.name = "Gold prices";
              list.dateCreated = s.now();
              list.dateModified = s.now();
              s.priceLists.put(list.id, list);
              PriceListAssignment assignment = new PriceListAssignment();
              assignment.id = s.nextId();
              assignment.priceListId = list.id;
              assignment.customerGroupId = gold;
              assignment.channelId = 1;
              s.priceListAssignments.put(assignment.id, assignment);
              return list.id;
            });
    wholesale = sf.createAsUser("Pricebook2", Map.of("Name", "Wholesale", "IsActive", true)).id();
    String mapping =
        "segments:\n"
            + "  groups:\n"
            + "    VIP: "
            + gold
            + "\n"
            + "    Standard: "
            + standard
            + "\n"
            + "price_lists:\n"
            + "  "
            + wholesale
            + "/USD: "
            + priceList
            + "\n"
            + "catalog:\n"
            + "  create_products: true\n";
    useMapping(properties, mapping);
    return properties;
  }

  @Test
  void a_tier_change_is_one_customer_write_with_the_group_and_the_customer_sees_its_price_list() {
    store.createProduct("Gold mug", "GLD-1", new BigDecimal("10.00"));
    wholesalePrice("GLD-1", "10.00", "8.00");
    long ada = store.createCustomer("ada.tier@example.com", "Ada", "Tier");
    String contact = linkedContact(ada);
    settleAllowingDeadLetters();
    assertThat(store.priceSeenBy(ada, "GLD-1", "USD")).isEqualByComparingTo("10.00");
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();
    nextSecond();

    sf.updateAsUser(contact, Map.of("BC_Segment__c", "VIP"));

    await().atMost(WAIT).until(() -> group(ada) == gold);
    settleAllowingDeadLetters();
    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes)
        .as("exactly one BigCommerce write, carrying the group")
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.method() + " " + w.path()).endsWith("PUT /v3/customers");
              assertThat(w.body().get(0).get("customer_group_id").asLong()).isEqualTo(gold);
            });
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
    assertThat(store.priceSeenBy(ada, "GLD-1", "USD"))
        .as("the Gold group's price list now prices what Ada sees")
        .isEqualByComparingTo("8.00");
    assertThat(inspector.workItems(Optional.empty(), Optional.empty(), 500))
        .as("the webhook of our own write was dropped as an echo")
        .anySatisfy(
            i -> {
              assertThat(i.entity().storeHash()).isEqualTo(STORE);
              assertThat(i.entity().type()).isEqualTo("customer");
              assertThat(i.entity().id()).isEqualTo(String.valueOf(ada));
              assertThat(i.status()).isEqualTo(WorkItemStatus.SKIPPED);
              assertThat(i.lastError()).contains("echo");
            });
  }

  @Test
  void a_segment_no_group_is_mapped_to_is_dead_lettered_and_nothing_is_written() {
    long bob = store.createCustomer("bob.tier@example.com", "Bob", "Risk");
    String contact = linkedContact(bob);
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();
    long groupBefore = group(bob);

    sf.updateAsUser(contact, Map.of("BC_Segment__c", "At Risk"));

    await().atMost(WAIT).until(() -> contactItem(contact).isPresent());
    WorkItem dead = contactItem(contact).orElseThrow();
    assertThat(dead.status()).isEqualTo(WorkItemStatus.DEAD);
    assertThat(dead.lastError()).contains("'At Risk'", "no BigCommerce customer group");
    assertThat(storeWrites()).hasSize(writesBefore);
    assertThat(group(bob)).isEqualTo(groupBefore);
  }

  @Test
  void a_wholesale_price_change_is_one_price_list_write_and_converges_after_a_lost_answer() {
    store.createProduct("Crate", "CRT-1", new BigDecimal("50.00"));
    String entry = wholesalePrice("CRT-1", "50.00", "45.00");
    await().atMost(WAIT).until(() -> listPrice("CRT-1") != null);
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();
    int hooksBefore = store.webhookAttempts().size();

    sf.updateAsUser(entry, Map.of("UnitPrice", new BigDecimal("42.00")));

    await().atMost(WAIT).until(() -> new BigDecimal("42.00").compareTo(listPrice("CRT-1")) == 0);
    settleAllowingDeadLetters();
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .as("exactly one BigCommerce write: the list's records")
        .extracting(e -> e.method() + " " + e.path())
        .singleElement()
        .asString()
        .endsWith("PUT /v3/pricelists/" + priceList + "/records");
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
    assertThat(store.webhookAttempts().subList(hooksBefore, store.webhookAttempts().size()))
        .as("bcsync registers no price-list hooks: nothing comes back to echo")
        .isEmpty();

    int lostBefore = storeWrites().size();
    store.injectFault(Fault.loseResponse(1).on("PUT", "/v3/pricelists/" + priceList + "/records"));
    sf.updateAsUser(entry, Map.of("UnitPrice", new BigDecimal("41.00")));

    await().atMost(WAIT).until(() -> storeWrites().size() >= lostBefore + 2);
    settleAllowingDeadLetters();
    assertThat(listPrice("CRT-1")).isEqualByComparingTo("41.00");
    assertThat(storeWrites().subList(lostBefore, storeWrites().size()))
        .as("the lost write, then its retry")
        .extracting(e -> e.status())
        .containsExactly(504, 200);
    assertThat(salesforceWrites()).isEqualTo(salesforceWritesBefore);
  }

  @Test
  void a_product_created_in_salesforce_is_created_once_even_when_the_answer_was_lost() {
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();
    store.injectFault(Fault.loseResponse(1).on("POST", "/v3/catalog/products"));

    sf.createAsUser(
        "Product2", Map.of("Name", "Brand new kettle", "ProductCode", "NEW-K1", "IsActive", true));

    await().atMost(WAIT).until(() -> storeWrites().size() >= writesBefore + 2 && ended());
    settleAllowingDeadLetters();
    assertThat(
            store.<Long>read(
                s -> s.products.values().stream().filter(p -> "NEW-K1".equals(p.sku)).count()))
        .as("created once")
        .isEqualTo(1);
    assertThat(
            store.<String>read(
                s ->
                    s.products.values().stream()
                        .filter(p -> "NEW-K1".equals(p.sku))
                        .findFirst()
                        .orElseThrow()
                        .name))
        .isEqualTo("Brand new kettle");
    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes.get(0).method() + " " + writes.get(0).status()).isEqualTo("POST 504");
    assertThat(writes.subList(1, writes.size()))
        .as("the retry found the product by its SKU: no second create")
        .noneMatch(w -> "POST".equals(w.method()));
  }

  /** A Product2, its standard entry and its wholesale entry; answers the wholesale entry's id. */
  private String wholesalePrice(String sku, String listPrice, String wholesalePrice) {
    String product = sf.createAsUser("Product2", Map.of("Name", sku, "ProductCode", sku)).id();
    entry(sf.standardPricebookId(), product, listPrice);
    return entry(wholesale, product, wholesalePrice);
  }

  private BigDecimal listPrice(String sku) {
    return store.read(
        s ->
            s.priceRecords.stream()
                .filter(r -> r.priceListId == priceList && sku.equals(r.sku))
                .map(r -> r.price)
                .findFirst()
                .orElse(null));
  }

  private long group(long customerId) {
    return store.read(s -> s.customers.get(customerId).customerGroupId);
  }

  private Optional<WorkItem> contactItem(String contactId) {
    return inspector.workItems(Optional.empty(), Optional.empty(), 500).stream()
        .filter(i -> contactId.equals(i.entity().id()))
        .filter(i -> i.status() == WorkItemStatus.DEAD)
        .findFirst();
  }
}
