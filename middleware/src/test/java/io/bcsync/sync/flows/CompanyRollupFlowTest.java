package io.bcsync.sync.flows;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.InMemoryStore;
import io.bcsync.testsupport.ports.StoreOrder;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * B2B company Accounts and their figures, against the in-memory org and store: what {@code
 * SyncEndToEndTest} and {@code B2bCompaniesEndToEndTest} cover over the simulators. Store {@value
 * #DOMAINS} groups customers by e-mail domain; store {@value #EDITION} reads B2B Edition
 * memberships (and also has a domain rule, which the membership wins over).
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyRollupFlowTest implements TestPropertyProvider {
  static final String DOMAINS = "b2b1";
  static final String EDITION = "b2b2";
  static final Instant T0 = Instant.parse("2024-06-01T12:00:00Z");

  @Inject BigCommerceToSalesforceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryStore store;

  private final AtomicLong itemIds = new AtomicLong(4_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.properties();
    InMemoryPorts.withStore(properties, DOMAINS);
    InMemoryPorts.withStore(properties, EDITION);
    properties.put(
        "bcsync.bigcommerce.stores." + DOMAINS + ".b2b.email-domains", "acme.test, globex.test");
    properties.put("bcsync.bigcommerce.stores." + EDITION + ".b2b.edition", "true");
    properties.put("bcsync.bigcommerce.stores." + EDITION + ".b2b.email-domains", "acme.test");
    properties.put("bcsync.bigcommerce.stores." + EDITION + ".b2b.membership-refresh", "0s");
    return properties;
  }

  @Test
  void a_companys_orders_roll_up_on_its_account_without_double_counting_retries_or_redeliveries()
      throws Exception {
    store.customer(DOMAINS, 61).email("buyer@acme.test").save();
    store.customer(DOMAINS, 62).email("colleague@ACME.test").save();
    StoreOrder first = order(DOMAINS, 601, 61, 7, 8);
    StoreOrder second = order(DOMAINS, 602, 62, 7);
    assertThat(run(DOMAINS, "order", 601)).isEqualTo(Outcome.SUCCESS);
    assertThat(run(DOMAINS, "customer", 62)).isEqualTo(Outcome.SUCCESS);
    // The colleague is linked: the order's only Account write is the company's figures.
    org.failNext(1, "upsert", "Account", "UNABLE_TO_LOCK_ROW");

    Outcome failedFigures = run(DOMAINS, "order", 602);

    assertThat(failedFigures)
        .isInstanceOfSatisfying(
            Outcome.Failure.class,
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.error()).startsWith("company account figures: ");
            });
    assertThat(run(DOMAINS, "order", 602)).isEqualTo(Outcome.SUCCESS);
    first.status(9).modifiedAt(T0.plusSeconds(1)).save();
    second.status(9).modifiedAt(T0.plusSeconds(1)).save();
    assertThat(flow.run(List.of(item(DOMAINS, "order", 601), item(DOMAINS, "order", 602))).values())
        .as("redelivered orders are written again")
        .containsOnly(Outcome.SUCCESS);

    Map<String, Object> company =
        org.one("Account", "BC_Company_Id__c", DOMAINS + ":domain:acme.test");
    BigDecimal expected = grandTotal(DOMAINS, 601).add(grandTotal(DOMAINS, 602));
    assertThat(new BigDecimal(company.get("BC_Order_Count__c").toString()))
        .isEqualByComparingTo("2");
    assertThat((BigDecimal) company.get("BC_Lifetime_Revenue__c")).isEqualByComparingTo(expected);
    assertThat(company.get("BC_First_Order_Date__c")).isNotNull();
    assertThat(org.where("Contact", "AccountId", company.get("Id")))
        .extracting(c -> c.get("Email"))
        .containsExactlyInAnyOrder("buyer@acme.test", "colleague@ACME.test");
    assertThat(org.one("Order", "BC_Order_Id__c", DOMAINS + ":602"))
        .containsEntry("AccountId", company.get("Id"));
  }

  @Test
  void colleagues_of_one_company_in_one_batch_share_one_account_write() throws Exception {
    store.customer(DOMAINS, 63).email("one@globex.test").save();
    store.customer(DOMAINS, 64).email("two@globex.test").save();
    int accountUpserts = org.calls("upsert", "Account");

    Map<Long, Outcome> outcomes =
        flow.run(List.of(item(DOMAINS, "customer", 63), item(DOMAINS, "customer", 64)));

    // Salesforce fails both records of a call naming the same external id twice.
    assertThat(outcomes.values()).containsOnly(Outcome.SUCCESS);
    Map<String, Object> company =
        org.one("Account", "BC_Company_Id__c", DOMAINS + ":domain:globex.test");
    assertThat(org.where("Contact", "AccountId", company.get("Id"))).hasSize(2);
    assertThat(org.calls("upsert", "Account")).isEqualTo(accountUpserts + 1);
  }

  @Test
  void orders_of_b2b_edition_users_roll_up_on_their_company_with_top_categories_read_once()
      throws Exception {
    store.company(EDITION, 7, "Acme Industrial");
    store.companyUser(EDITION, 71, 7);
    store.companyUser(EDITION, 72, 7);
    store.customer(EDITION, 71).email("bea@acme.test").save();
    store.customer(EDITION, 72).email("col@elsewhere.test").save();
    category(1, "Hand Tools", 7);
    category(2, "Fasteners", 8);
    category(3, "Safety", 9);
    category(4, "Adhesives", 10);
    List<StoreOrder> orders =
        List.of(
            order(EDITION, 701, 71, 7, 8),
            order(EDITION, 702, 72, 7, 10),
            order(EDITION, 703, 71, 9));

    List<WorkItem> batch = new ArrayList<>(items(orders));
    batch.add(item(EDITION, "customer", 71));
    batch.add(item(EDITION, "customer", 72));
    assertThat(flow.run(batch).values()).containsOnly(Outcome.SUCCESS);

    String key = EDITION + ":b2b:7";
    Map<String, Object> account = org.one("Account", "BC_Company_Id__c", key);
    assertThat(account).containsEntry("Name", "Acme Industrial");
    assertThat(new BigDecimal(account.get("BC_Order_Count__c").toString()))
        .isEqualByComparingTo("3");
    // Hand Tools in two orders; the others in one each: ties go by name, three at most.
    assertThat(account).containsEntry("BC_Top_Categories__c", "Hand Tools; Adhesives; Fasteners");
    assertThat(org.where("Contact", "AccountId", account.get("Id")))
        .extracting(c -> c.get("Email"))
        .containsExactlyInAnyOrder("bea@acme.test", "col@elsewhere.test");
    assertThat(org.where("Account", "BC_Company_Id__c", EDITION + ":domain:acme.test"))
        .as("the B2B Edition company wins over the e-mail domain rule")
        .isEmpty();

    int membershipReads = store.reads(EDITION, "companyUsers").size();
    int categoryReads = store.reads(EDITION, "categoryNames").size();
    Object revenue = account.get("BC_Lifetime_Revenue__c");
    orders.forEach(o -> o.status(9).modifiedAt(T0.plusSeconds(1)).save());
    assertThat(flow.run(items(orders)).values()).containsOnly(Outcome.SUCCESS);

    Map<String, Object> after = org.one("Account", "BC_Company_Id__c", key);
    assertThat(new BigDecimal(after.get("BC_Order_Count__c").toString())).isEqualByComparingTo("3");
    assertThat(after).containsEntry("BC_Lifetime_Revenue__c", revenue);
    assertThat(store.reads(EDITION, "companyUsers")).as("members known").hasSize(membershipReads);
    assertThat(store.reads(EDITION, "categoryNames")).as("names known").hasSize(categoryReads);

    // Glue moves to Safety: its product item refreshes the categories, the next roll-up counts it.
    store.product(EDITION, 10, List.of(3L));
    assertThat(run(EDITION, "product", 10)).isEqualTo(Outcome.SUCCESS);
    assertThat(flow.run(items(List.of(order(EDITION, 704, 71, 8)))).values())
        .containsOnly(Outcome.SUCCESS);
    assertThat(org.one("Account", "BC_Company_Id__c", key))
        .containsEntry("BC_Top_Categories__c", "Fasteners; Hand Tools; Safety");
  }

  @Test
  void a_customer_in_no_company_stays_on_its_own_account() throws Exception {
    order(EDITION, 705, 73, 7);

    assertThat(run(EDITION, "order", 705)).isEqualTo(Outcome.SUCCESS);

    Map<String, Object> sfOrder = org.one("Order", "BC_Order_Id__c", EDITION + ":705");
    Map<String, Object> account = org.record(sfOrder.get("AccountId").toString()).orElseThrow();
    assertThat(account).containsEntry("BC_Account_Key__c", EDITION + ":customer:73");
    assertThat(account)
        .as("the customer's own figures, not a company's")
        .doesNotContainKey("BC_Company_Id__c")
        .containsEntry("BC_Order_Count__c", java.math.BigDecimal.ONE);
  }

  // --- helpers ---

  /** A saved order of one line per product, each line one unit at 10.00 times the product id. */
  private StoreOrder order(String storeHash, long orderId, long customerId, long... products) {
    StoreOrder order = store.order(storeHash, orderId, customerId);
    for (long product : products) {
      order.line(orderId * 100 + product, product, "SKU-" + product, product + "0.00", 1);
    }
    order.save();
    return order;
  }

  private void category(long id, String name, long product) {
    store.category(EDITION, id, name);
    store.product(EDITION, product, List.of(id));
  }

  private BigDecimal grandTotal(String storeHash, long orderId) {
    return (BigDecimal)
        org.one("Order", "BC_Order_Id__c", storeHash + ":" + orderId).get("BC_Grand_Total__c");
  }

  private List<WorkItem> items(List<StoreOrder> orders) {
    List<WorkItem> items = new ArrayList<>();
    orders.forEach(o -> items.add(item(EDITION, "order", o.id())));
    return items;
  }

  private Outcome run(String storeHash, String type, long id) throws Exception {
    WorkItem item = item(storeHash, type, id);
    return flow.run(List.of(item)).get(item.id());
  }

  private WorkItem item(String storeHash, String type, long id) {
    return WorkItems.item(itemIds.incrementAndGet(), storeHash, type, id);
  }
}
