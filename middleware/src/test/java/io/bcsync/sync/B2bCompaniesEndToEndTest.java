package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedConnections;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * B2B Edition companies and top categories, webhook to Salesforce over both simulators. Store
 * {@value #STORE} has B2B Edition on and also an e-mail domain rule for {@code acme.test}, to show
 * the B2B Edition membership wins.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class B2bCompaniesEndToEndTest implements TestPropertyProvider {
  static final String STORE = "b2be2e";
  static final String SECRET = "b2b-webhook-secret-0123456789";
  static final Duration WAIT = Duration.ofSeconds(60);
  static final ObjectMapper JSON = new ObjectMapper();

  @Inject QueueInspector inspector;
  @Inject AppManifest manifest;
  @Inject MeterRegistry meters;
  @Inject io.bcsync.sync.customers.CustomerFiguresFlush figuresFlush;

  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  B2bEditionAdmin b2bAdmin;
  long hammer;
  long screws;
  long gloves;
  long glue;
  long safetyCategory;
  long acme;
  long buyer;
  long colleague;
  final List<Long> acmeOrders = new ArrayList<>();

  @Override
  public Map<String, String> getProperties() {
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .allowLocalHttpHookDestinations(true)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(STORE)
                .accessToken("tok-" + STORE)
                .clientId("b2bc"));
    b2bAdmin = new B2bEditionAdmin(bc, store);
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    long tools = store.createCategory("Hand Tools");
    long fasteners = store.createCategory("Fasteners");
    long safety = store.createCategory("Safety");
    safetyCategory = safety;
    long adhesives = store.createCategory("Adhesives");
    hammer = product("Hammer", "HAM-1", "25.00", tools);
    screws = product("Screws", "SCR-1", "5.00", fasteners);
    gloves = product("Gloves", "GLV-1", "8.00", safety);
    glue = product("Glue", "GLU-1", "4.00", adhesives);
    int port = FreePort.find();
    Map<String, String> properties =
        SimulatedConnections.middleware(
            TestDatabases.h2(), bc, sf, port, STORE, "tok-" + STORE, SECRET);
    properties.put("bcsync.bigcommerce.b2b-api-url", bc.b2bBaseUrl());
    String prefix = "bcsync.bigcommerce.stores." + STORE;
    properties.put(prefix + ".b2b.edition", "true");
    properties.put(prefix + ".b2b.email-domains", "acme.test");
    // Every miss may re-read what changed, so a user added during the test is seen by its first
    // order.
    properties.put(prefix + ".b2b.membership-refresh", "0s");
    properties.put("bcsync.scheduler.enabled", "false");
    return properties;
  }

  @AfterAll
  void stop() {
    bc.close();
    sf.close();
  }

  @Test
  @Order(1)
  void orders_of_two_users_of_a_b2b_edition_company_roll_up_on_one_account_with_top_categories()
      throws Exception {
    await().atMost(WAIT).until(() -> store.read(s -> s.hooks.size()) == manifest.hooks().size());
    acme = b2bAdmin.createCompany("Acme Industrial");
    buyer = b2bAdmin.createUser(acme, "bea@acme.test");
    colleague =
        b2bAdmin.createUser(
            acme, "col@elsewhere.test"); // not at the company's domain: membership is what counts

    acmeOrders.add(store.placeOrder(buyer, hammer, screws));
    acmeOrders.add(store.placeOrder(colleague, hammer, glue));
    acmeOrders.add(store.placeOrder(buyer, gloves));
    acmeOrders.forEach(order -> awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order));
    awaitDone();

    String key = STORE + ":b2b:" + acme;
    await()
        .atMost(WAIT)
        .until(
            () ->
                one("Account", "BC_Company_Id__c", key).get("BC_Order_Count__c") != null
                    && new BigDecimal(
                                one("Account", "BC_Company_Id__c", key)
                                    .get("BC_Order_Count__c")
                                    .toString())
                            .intValue()
                        == 3);
    Map<String, Object> account = one("Account", "BC_Company_Id__c", key);
    assertThat(account.get("Name")).isEqualTo("Acme Industrial");
    // Hand Tools in two orders; Adhesives, Fasteners and Safety in one each: the tie goes by name,
    // three at most.
    assertThat(account.get("BC_Top_Categories__c")).isEqualTo("Hand Tools; Adhesives; Fasteners");
    assertThat(where("Contact", "AccountId", account.get("Id")))
        .extracting(c -> c.get("Email"))
        .containsExactlyInAnyOrder("bea@acme.test", "col@elsewhere.test");
    for (long order : acmeOrders) {
      assertThat(one("Order", "BC_Order_Id__c", STORE + ":" + order).get("AccountId"))
          .isEqualTo(account.get("Id"));
    }
    assertThat(where("Account", "BC_Company_Id__c", STORE + ":domain:acme.test"))
        .as("the B2B Edition company wins over the e-mail domain rule")
        .isEmpty();
  }

  @Test
  @Order(2)
  void a_customer_in_no_company_stays_b2c_on_its_own_account() {
    long shopper = store.createCustomer("shopper@example.com", "Shop", "Per");
    long order = store.placeOrder(shopper, hammer);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();
    // When the customer's own webhook linked it before the order came, its figures are owed and
    // written by the flush job (the scheduler is off in these tests), not with the order's batch.
    figuresFlush.run();

    Map<String, Object> account = sf.record((String) sfOrder.get("AccountId")).orElseThrow();
    assertThat(account.get("BC_Account_Key__c")).isEqualTo(STORE + ":customer:" + shopper);
    assertThat(account.get("BC_Company_Id__c")).isNull();
    assertThat(account.get("BC_Top_Categories__c"))
        .as("the shopper's own categories (per-customer figures), not a company's")
        .isEqualTo("Hand Tools");
    assertThat(new BigDecimal(account.get("BC_Order_Count__c").toString()))
        .isEqualByComparingTo("1");
  }

  @Test
  @Order(3)
  void redelivered_orders_leave_the_figures_and_top_categories_unchanged() {
    String key = STORE + ":b2b:" + acme;
    Map<String, Object> before = one("Account", "BC_Company_Id__c", key);
    for (long order : acmeOrders) {
      store.changeOrderStatus(order, 9);
    }
    await()
        .atMost(WAIT)
        .until(
            () ->
                acmeOrders.stream()
                    .allMatch(
                        order ->
                            "Awaiting Shipment"
                                .equals(
                                    one("Order", "BC_Order_Id__c", STORE + ":" + order)
                                        .get("BC_Status__c"))));
    awaitDone();

    Map<String, Object> after = one("Account", "BC_Company_Id__c", key);
    assertThat(new BigDecimal(after.get("BC_Order_Count__c").toString())).isEqualByComparingTo("3");
    assertThat(new BigDecimal(after.get("BC_Lifetime_Revenue__c").toString()))
        .isEqualByComparingTo(new BigDecimal(before.get("BC_Lifetime_Revenue__c").toString()));
    assertThat(after.get("BC_Top_Categories__c")).isEqualTo("Hand Tools; Adhesives; Fasteners");
  }

  @Test
  @Order(4)
  void a_user_added_to_the_company_later_is_found_by_its_first_order() throws Exception {
    long newcomer = b2bAdmin.createUser(acme, "new@acme-partner.test");
    long order = store.placeOrder(newcomer, screws);

    Map<String, Object> sfOrder = awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    awaitDone();

    Map<String, Object> account = one("Account", "BC_Company_Id__c", STORE + ":b2b:" + acme);
    assertThat(sfOrder.get("AccountId")).isEqualTo(account.get("Id"));
    acmeOrders.add(order);
    await()
        .atMost(WAIT)
        .until(
            () ->
                new BigDecimal(
                            one("Account", "BC_Company_Id__c", STORE + ":b2b:" + acme)
                                .get("BC_Order_Count__c")
                                .toString())
                        .intValue()
                    == 4);
    // Hand Tools 2, Fasteners 2 now: the tie by name puts Fasteners before Hand Tools.
    assertThat(
            one("Account", "BC_Company_Id__c", STORE + ":b2b:" + acme).get("BC_Top_Categories__c"))
        .isEqualTo("Fasteners; Hand Tools; Adhesives");
  }

  @Test
  @Order(5)
  void a_hundred_orders_of_known_company_users_cost_no_b2b_and_no_category_call() {
    double b2bBefore = b2bCalls();
    Map<String, Long> bcBefore = store.callCounts();
    // Both counters do count: the membership and the category names were read for the earlier
    // orders.
    assertThat(b2bBefore).isPositive();
    assertThat(bcBefore.getOrDefault("GET /v3/catalog/trees/categories", 0L)).isPositive();
    List<Long> orders = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      orders.add(store.placeOrder(i % 2 == 0 ? buyer : colleague, i % 3 == 0 ? hammer : screws));
    }

    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                orders.stream()
                    .allMatch(
                        order -> !where("Order", "BC_Order_Id__c", STORE + ":" + order).isEmpty()));
    awaitDone();

    assertThat(b2bCalls() - b2bBefore)
        .as("B2B calls for 100 orders of known company users")
        .isZero();
    Map<String, Long> bcAfter = store.callCounts();
    assertThat(bcAfter.getOrDefault("GET /v3/catalog/trees/categories", 0L))
        .isEqualTo(bcBefore.getOrDefault("GET /v3/catalog/trees/categories", 0L));
    await()
        .atMost(WAIT)
        .until(
            () ->
                new BigDecimal(
                            one("Account", "BC_Company_Id__c", STORE + ":b2b:" + acme)
                                .get("BC_Order_Count__c")
                                .toString())
                        .intValue()
                    == 104);
  }

  @Test
  @Order(6)
  void a_product_moved_to_another_category_counts_under_the_new_one_from_the_next_roll_up() {
    String key = STORE + ":b2b:" + acme;
    // Before: Fasteners 68 orders, Hand Tools 36, then Adhesives and Safety 1 each (Glue and
    // Gloves): the tie by name
    // keeps Adhesives.
    assertThat(one("Account", "BC_Company_Id__c", key).get("BC_Top_Categories__c"))
        .isEqualTo("Fasteners; Hand Tools; Adhesives");
    store.updateProduct(
        glue,
        JSON.createObjectNode().set("categories", JSON.createArrayNode().add(safetyCategory)));
    // The product's webhook, read from BigCommerce and handed to the sync.
    await()
        .atMost(WAIT)
        .until(
            () ->
                inspector
                    .workItems(Optional.of(WorkItemStatus.DONE), Optional.empty(), 500)
                    .stream()
                    .anyMatch(
                        i ->
                            i.entity().type().equals("product")
                                && i.entity().id().equals(String.valueOf(glue))));

    store.placeOrder(buyer, screws);

    await()
        .atMost(WAIT)
        .until(
            () ->
                new BigDecimal(
                            one("Account", "BC_Company_Id__c", key)
                                .get("BC_Order_Count__c")
                                .toString())
                        .intValue()
                    == 105);
    awaitDone();
    assertThat(one("Account", "BC_Company_Id__c", key).get("BC_Top_Categories__c"))
        .as("Glue's order now counts under Safety (2 orders), Adhesives under none")
        .isEqualTo("Fasteners; Hand Tools; Safety");
  }

  private double b2bCalls() {
    return meters.find("bcsync.bigcommerce.b2b.requests").tag("store", STORE).counters().stream()
        .mapToDouble(Counter::count)
        .sum();
  }

  private long product(String name, String sku, String price, long category) {
    return store.createProduct(
        JSON.createObjectNode()
            .put("name", name)
            .put("type", "physical")
            .put("sku", sku)
            .put("price", new BigDecimal(price))
            .put("weight", 1)
            .set("categories", JSON.createArrayNode().add(category)));
  }

  private JsonNode b2b(String method, String path, Object body) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(bc.b2bBaseUrl() + "/api/v3/io" + path))
                    .header("X-Auth-Token", "tok-" + STORE)
                    .header("X-Store-Hash", STORE)
                    .header("Content-Type", "application/json")
                    .method(
                        method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private Map<String, Object> awaitOne(String type, String field, Object value) {
    return records().awaitOne(type, field, value);
  }

  private void awaitDone() {
    records().awaitDone();
  }

  private Map<String, Object> one(String type, String field, Object value) {
    return records().one(type, field, value);
  }

  private List<Map<String, Object>> where(String type, String field, Object value) {
    return records().where(type, field, value);
  }

  private io.bcsync.testsupport.SyncedRecords records() {
    return new io.bcsync.testsupport.SyncedRecords(sf, inspector, WAIT);
  }
}
