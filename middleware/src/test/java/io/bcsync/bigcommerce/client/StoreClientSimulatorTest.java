package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The real HTTP adapter against the simulated store: parsing, paging, batch reads, the rate budget,
 * errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreClientSimulatorTest {
  static final int QUOTA = 20;

  BigCommerceSimulator sim;
  BigCommerceTransport transport;
  SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  void start() {
    // A short window keeps the rate-limit tests quick while exercising the same rules as 150 per 30
    // s.
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().rateLimit(150, Duration.ofSeconds(1)));
    transport =
        new BigCommerceTransport(
            URI.create(sim.baseUrl()),
            BigCommerceClientConfig.defaults(),
            new QuotaMetrics(registry),
            Clock.systemUTC(),
            RateBudget.Waiter.BLOCKING);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  StoreClient client(SimulatedStore store) {
    return new StoreClient(transport, store.hash(), store.accessToken());
  }

  SimulatedStore store(String hash) {
    return sim.createStore(BigCommerceSimulator.StoreSpec.named(hash).accessToken("token-" + hash));
  }

  @Test
  void a_burst_of_1000_orders_is_read_with_line_items_in_at_most_50_calls() {
    SimulatedStore store = store("burst1");
    List<Long> ids = store.burstOrders(1000);
    long before = totalCalls(store);

    Map<Long, Dtos.Order> orders = client(store).orders().readWithLines(ids);

    long calls = totalCalls(store) - before;
    assertThat(orders).hasSize(1000);
    assertThat(calls).isLessThanOrEqualTo(50);
    assertThat((double) calls / 1000).isLessThanOrEqualTo(0.05);
    Dtos.Order order = orders.get(ids.get(0));
    assertThat(order.isGuest()).isTrue();
    assertThat(order.lines()).isNotEmpty();
    assertThat(order.lines().stream().mapToInt(Dtos.OrderLine::quantity).sum())
        .isEqualTo(order.itemsTotal());
  }

  @Test
  void money_is_exact_and_every_date_format_is_read() {
    SimulatedStore store = store("parse1");
    long customer = store.createCustomer("ada@example.com", "Ada", "Lovelace");
    long product = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    long orderId = store.placeOrder(customer, product);
    StoreClient api = client(store);

    Dtos.Order order = api.orders().read(orderId).orElseThrow();
    Dtos.Customer read = api.customers().readByIds(List.of(customer)).get(customer);
    CatalogDtos.Product mug = api.catalog().readByIds(List.of(product)).get(product);

    assertThat(order.totalIncTax()).isEqualByComparingTo("9.95");
    assertThat(order.totalIncTax().scale()).isEqualTo(4);
    assertThat(order.dateCreated()).isNotNull().isBefore(Instant.now().plusSeconds(5));
    assertThat(order.customerId()).isEqualTo(customer);
    assertThat(order.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.productId()).isEqualTo(product);
              assertThat(line.priceIncTax()).isEqualByComparingTo("9.95");
            });
    assertThat(read.email()).isEqualTo("ada@example.com");
    assertThat(read.dateModified()).isNotNull();
    assertThat(mug.price()).isEqualByComparingTo(new BigDecimal("9.95"));
    assertThat(mug.variants()).isNotEmpty();
    assertThat(Fields.parseDate("Tue, 05 Mar 2019 21:40:11 +0000"))
        .isEqualTo(Instant.parse("2019-03-05T21:40:11Z"));
    assertThat(Fields.parseDate("2018-11-13T21:42:06Z"))
        .isEqualTo(Instant.parse("2018-11-13T21:42:06Z"));
    assertThat(Fields.parseDate("1561479335")).isEqualTo(Instant.ofEpochSecond(1561479335));
  }

  @Test
  void empty_collections_answered_with_204_are_empty_lists_and_missing_orders_are_absent() {
    SimulatedStore store = store("empty1");
    long orderId =
        store.placeGuestOrder("g@example.com", store.createProduct("Tea", "TEA-1", BigDecimal.ONE));
    StoreClient api = client(store);

    assertThat(api.orders().coupons(orderId)).isEmpty();
    assertThat(api.orders().readWithLines(List.of(orderId + 1000))).isEmpty();
    assertThat(api.orders().read(orderId + 1000)).isEmpty();
    assertThat(api.orders().statuses()).extracting(Dtos.OrderStatus::id).contains(0, 1, 11, 14);
  }

  @Test
  void an_order_with_more_than_250_lines_is_read_completely() {
    SimulatedStore store = store("lines1");
    long orderId = store.placeOrderWithLines(0, 300);

    assertThat(client(store).orders().lines(orderId)).hasSize(300);
    assertThat(client(store).orders().readWithLines(List.of(orderId)).get(orderId).lines())
        .hasSize(300);
  }

  @Test
  void v3_collections_are_read_across_pages() {
    SimulatedStore store = store("pages1");
    for (int i = 0; i < 260; i++) {
      store.createCustomer("c" + i + "@example.com", "C", "N" + i);
    }

    List<Dtos.Customer> customers = new ArrayList<>();
    client(store).customers().modifiedSince(Instant.now().minusSeconds(3600), customers::add);

    assertThat(customers).hasSize(260);
    assertThat(customers).extracting(Dtos.Customer::id).doesNotHaveDuplicates();
  }

  @Test
  void customer_group_names_by_id() throws Exception {
    SimulatedStore store = store("groups1");
    for (String name : new String[] {"Wholesale", "VIP Club"}) {
      java.net.http.HttpResponse<String> created =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(sim.baseUrl() + "/stores/groups1/v2/customer_groups"))
                      .header("X-Auth-Token", store.accessToken())
                      .header("Content-Type", "application/json")
                      .header("Accept", "application/json")
                      .POST(
                          java.net.http.HttpRequest.BodyPublishers.ofString(
                              "{\"name\":\"" + name + "\"}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isBetween(200, 201);
    }

    assertThat(client(store).customerGroupNames().values())
        .containsExactlyInAnyOrder("Wholesale", "VIP Club");
  }

  @Test
  void a_429_storm_is_waited_out_and_no_call_is_sent_over_the_quota() {
    SimulatedStore store =
        sim.createStore(
            BigCommerceSimulator.StoreSpec.named("storm1")
                .accessToken("token-storm1")
                .rateLimitQuota(QUOTA));
    StoreClient api = client(store);
    api.storeInfo();
    // Another app uses up the window, then the platform answers 429 twice more on its own.
    store.exhaustRateLimit();
    store.injectFault(Fault.rateLimitStorm(2));

    for (int i = 0; i < 40; i++) {
      assertThat(api.storeInfo().hash()).isEqualTo("storm1");
    }

    List<RequestLog.Entry> limited =
        store.requests().stream().filter(entry -> entry.status() == 429).toList();
    // One 429 for the other app's burst, two injected; after each, bcsync waited for the window to
    // reset.
    assertThat(limited).hasSize(3);
    assertThat(
            registry
                .get("bcsync.bigcommerce.rate_limited")
                .tag("store", "storm1")
                .counter()
                .count())
        .isEqualTo(3);
    assertThat(transport.budget("storm1").snapshot().quota()).isEqualTo(QUOTA);
  }

  @Test
  void failures_are_classified_retryable_or_permanent() {
    SimulatedStore store = store("errors1");
    StoreClient api = client(store);
    store.injectFault(Fault.status(503, 1));

    assertThatThrownBy(api::storeInfo)
        .isInstanceOf(RetryableBigCommerceException.class)
        .hasMessageContaining("503");
    assertThatThrownBy(() -> api.hooks().create("", "http://localhost/x", Map.of()))
        .isInstanceOf(PermanentBigCommerceException.class)
        .hasMessageContaining("422");
    StoreClient wrongToken = new StoreClient(transport, store.hash(), "not-the-token");
    assertThatThrownBy(wrongToken::storeInfo)
        .isInstanceOf(PermanentBigCommerceException.class)
        .satisfies(e -> assertThat(((BigCommerceApiException) e).status()).isEqualTo(401))
        .hasMessageNotContaining("not-the-token");
  }

  @Test
  void
      order_documents_carry_lines_and_shipping_addresses_and_fetch_coupons_only_for_discounted_orders() {
    SimulatedStore store = store("docs1");
    long customer = store.createCustomer("doc@example.com", "Doc", "Ument");
    long mug = store.createProduct("Mug", "MUG-D", new BigDecimal("10.00"));
    long lamp = store.createProduct("Lamp", "LAMP-D", new BigDecimal("30.00"));
    store.createCoupon("SAVE5", 0, new BigDecimal("5.00"));
    List<Long> ids =
        List.of(store.placeOrder(customer, mug, lamp), couponOrder(store, customer, mug));
    long before = totalCalls(store);

    Map<Long, OrdersApi.OrderDocument> documents = client(store).orders().readDocuments(ids);

    assertThat(totalCalls(store) - before).as("one range read plus one coupons call").isEqualTo(2);
    JsonNode plain = documents.get(ids.get(0)).json();
    assertThat(plain.get("products"))
        .extracting(p -> p.get("sku").asText())
        .containsExactlyInAnyOrder("MUG-D", "LAMP-D");
    assertThat(plain.get("shipping_addresses")).hasSize(1);
    assertThat(plain.get("shipping_addresses").get(0).has("street_1")).isTrue();
    assertThat(plain.get("shipping_addresses").get(0).has("line_items")).isFalse();
    assertThat(plain.get("coupons")).isEmpty();
    assertThat(plain.has("consignments")).isFalse();
    JsonNode withCoupon = documents.get(ids.get(1)).json();
    assertThat(withCoupon.get("coupons"))
        .extracting(c -> c.get("code").asText())
        .containsExactly("SAVE5");
  }

  private static long couponOrder(SimulatedStore store, long customer, long product) {
    OrderDraft draft = new OrderDraft();
    draft.customerId = customer;
    draft.billing = new Address();
    draft.billing.firstName = "Doc";
    draft.billing.lastName = "Ument";
    draft.billing.email = "doc@example.com";
    draft.billing.street1 = "1 Main Street";
    draft.billing.city = "Austin";
    draft.billing.zip = "78701";
    draft.addLine(OrderDraft.Line.of(product, 1));
    draft.couponCode = "SAVE5";
    return store.createOrder(draft);
  }

  @Test
  void more_customers_than_one_page_are_read_by_following_the_cursor() {
    SimulatedStore store = store("cursor1");
    for (int i = 0; i < StoreClient.MAX_PAGE + 10; i++) {
      store.createCustomer("cursor" + i + "@example.com", "C" + i, "Cursor");
    }

    List<Dtos.Customer> customers = new ArrayList<>();
    client(store).customers().modifiedSince(Instant.parse("2000-01-01T00:00:00Z"), customers::add);

    assertThat(customers).hasSize(StoreClient.MAX_PAGE + 10);
    assertThat(customers).extracting(Dtos.Customer::id).doesNotHaveDuplicates();
    // /v3/customers pages by cursor (customers.v3.yml): the second page is asked for with after=,
    // not page=2.
    List<String> queries =
        store.requests().stream()
            .filter(r -> r.path().endsWith("/v3/customers"))
            .map(RequestLog.Entry::query)
            .toList();
    assertThat(queries).hasSize(2);
    assertThat(queries.get(1)).contains("after=").doesNotContain("page=");
  }

  @Test
  void modified_orders_are_handed_over_page_by_page_not_after_the_whole_listing() {
    SimulatedStore store = store("pages-orders1");
    store.burstOrders(StoreClient.MAX_PAGE + 10);
    List<Long> listCallsAtEachOrder = new ArrayList<>();
    List<Long> ids = new ArrayList<>();

    client(store)
        .orders()
        .modifiedSince(
            Instant.parse("2000-01-01T00:00:00Z"),
            order -> {
              ids.add(order.id());
              listCallsAtEachOrder.add(orderListCalls(store));
            });

    // The catch-up poll lists every order modified since its mark (after a 100,000-order burst,
    // all of them): the first page's orders arrive before the second page is asked for, so the
    // caller never needs the whole listing in memory.
    assertThat(ids).hasSize(StoreClient.MAX_PAGE + 10).doesNotHaveDuplicates();
    assertThat(listCallsAtEachOrder.get(0)).isEqualTo(1);
    assertThat(listCallsAtEachOrder.get(StoreClient.MAX_PAGE - 1)).isEqualTo(1);
    assertThat(listCallsAtEachOrder.get(StoreClient.MAX_PAGE)).isEqualTo(2);
  }

  private static long orderListCalls(SimulatedStore store) {
    return store.requests().stream().filter(r -> r.path().endsWith("/v2/orders")).count();
  }

  private static long totalCalls(SimulatedStore store) {
    return store.callCounts().values().stream().mapToLong(Long::longValue).sum();
  }
}
