package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrdersApiTest {
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-03-05T21:40:11Z"));
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;
  private long productId;

  @BeforeEach
  void start() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(clock)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("abc123"));
    api = Http.forStore(sim, store);
    productId = store.createProduct("Mug", "MUG-1", new BigDecimal("12.5"));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void ordersUseV2MoneyStringsRfc2822DatesAndGuestCustomerIdZero() {
    long id = store.placeGuestOrder("Guest@Example.com", productId);

    JsonNode order = api.get("/v2/orders/" + id).json();

    assertThat(order.get("customer_id").asLong()).isZero();
    assertThat(order.get("billing_address").get("email").asText()).isEqualTo("Guest@Example.com");
    assertThat(order.get("total_inc_tax").asText()).isEqualTo("12.5000");
    assertThat(order.get("date_created").asText()).isEqualTo("Tue, 05 Mar 2024 21:40:11 +0000");
    assertThat(order.get("status_id").asInt()).isEqualTo(11);
    assertThat(order.get("products").get("resource").asText())
        .isEqualTo("/orders/" + id + "/products");
  }

  @Test
  void emptyV2ListsAnswer204AndUnknownOrdersV2Errors() {
    assertThat(api.get("/v2/orders").status()).isEqualTo(204);
    Http.Response missing = api.get("/v2/orders/999999");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get(0).get("status").asInt()).isEqualTo(404);
  }

  @Test
  void missingOrWrongTokenIs401() {
    assertThat(new Http(sim.baseUrl() + "/stores/abc123", null).get("/v2/orders").status())
        .isEqualTo(401);
    assertThat(new Http(sim.baseUrl() + "/stores/abc123", "nope").get("/v3/customers").status())
        .isEqualTo(401);
  }

  @Test
  void listFiltersByIdRangeCustomerStatusAndModifiedDateAndSorts() {
    long customer = store.createCustomer("a@example.com", "A", "B");
    long first = store.placeOrder(customer, productId);
    clock.advance(Duration.ofMinutes(5));
    long second = store.placeGuestOrder("g@example.com", productId);
    clock.advance(Duration.ofMinutes(5));
    long third = store.placeOrder(customer, productId);
    clock.advance(Duration.ofMinutes(1));
    store.changeOrderStatus(first, 2);

    assertThat(ids(api.get("/v2/orders?min_id=" + second))).containsExactly(second, third);
    assertThat(ids(api.get("/v2/orders?max_id=" + second))).containsExactly(first, second);
    assertThat(ids(api.get("/v2/orders?customer_id=" + customer))).containsExactly(first, third);
    assertThat(ids(api.get("/v2/orders?status_id=2"))).containsExactly(first);
    assertThat(ids(api.get("/v2/orders?sort=date_modified:desc")))
        .containsExactly(first, third, second);
    // first was modified last (status change at the latest clock time); RFC 2822 and ISO filters
    // both work
    assertThat(ids(api.get("/v2/orders?min_date_modified=2024-03-05T21:50:11Z")))
        .containsExactly(first, third);
    assertThat(ids(api.get("/v2/orders?min_date_modified=2024-03-05T21:50:12Z")))
        .containsExactly(first);
    assertThat(
            ids(
                api.get(
                    "/v2/orders?min_date_modified=Tue,%2005%20Mar%202024%2021:45:12%20%2B0000")))
        .containsExactly(first, third);
    assertThat(ids(api.get("/v2/orders?limit=2&page=2"))).containsExactly(third);
  }

  @Test
  void limitIsCappedAt250AndOrderProductsPageBeyond250Lines() {
    long id = store.placeOrderWithLines(0, 260);

    Http.Response page1 = api.get("/v2/orders/" + id + "/products?limit=500");
    Http.Response page2 = api.get("/v2/orders/" + id + "/products?limit=250&page=2");
    Http.Response page3 = api.get("/v2/orders/" + id + "/products?limit=250&page=3");

    assertThat(page1.json()).hasSize(250);
    assertThat(page2.json()).hasSize(10);
    assertThat(page3.status()).isEqualTo(204);
    assertThat(api.get("/v2/orders/" + id).json().get("items_total").asInt()).isEqualTo(260);
  }

  @Test
  void consignmentsAreInlinedOnlyWithObjectStructure() {
    long id = store.placeGuestOrder("g@example.com", productId);

    JsonNode stub = api.get("/v2/orders/" + id + "?include=consignments.line_items").json();
    JsonNode inline =
        api.get(
                "/v2/orders/"
                    + id
                    + "?include=consignments.line_items&consignment_structure=object")
            .json();
    JsonNode inList =
        api.get("/v2/orders?include=consignments.line_items&consignment_structure=object").json();

    assertThat(stub.get("consignments").has("resource")).isTrue();
    JsonNode shipping = inline.get("consignments").get("shipping").get(0);
    assertThat(shipping.get("line_items").get(0).get("sku").asText()).isEqualTo("MUG-1");
    assertThat(shipping.get("base_cost").isNumber()).isTrue();
    assertThat(inList.get(0).get("consignments").get("shipping").get(0).get("line_items"))
        .hasSize(1);
  }

  @Test
  void statusUpdateViaPutAndSubResources() {
    store.createCoupon("SAVE10", 3, new BigDecimal("10"));
    io.bcsync.sim.bigcommerce.orders.OrderDraft draft =
        new io.bcsync.sim.bigcommerce.orders.OrderDraft();
    draft.billing.email = "c@example.com";
    draft.couponCode = "save10";
    draft.addLine(io.bcsync.sim.bigcommerce.orders.OrderDraft.Line.of(productId, 2));
    long id = store.createOrder(draft);

    Http.Response put = api.put("/v2/orders/" + id, Map.of("status_id", 2));
    JsonNode coupons = api.get("/v2/orders/" + id + "/coupons").json();
    JsonNode addresses = api.get("/v2/orders/" + id + "/shipping_addresses").json();
    JsonNode statuses = api.get("/v2/order_statuses").json();

    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().get("status").asText()).isEqualTo("Shipped");
    assertThat(coupons.get(0).get("code").asText()).isEqualTo("SAVE10");
    assertThat(put.json().get("coupon_discount").asText()).isEqualTo("2.5000");
    assertThat(put.json().get("total_inc_tax").asText()).isEqualTo("22.5000");
    assertThat(addresses.get(0).get("items_total").asInt()).isEqualTo(2);
    assertThat(statuses).hasSize(15);
    assertThat(api.put("/v2/orders/" + id, Map.of("status_id", 99)).status()).isEqualTo(422);
  }

  @Test
  void taxShippingAndDiscountsAddUpOnTheOrderAndItsProducts() {
    store.createCoupon("SAVE10", 3, new BigDecimal("10"));
    io.bcsync.sim.bigcommerce.orders.OrderDraft draft =
        new io.bcsync.sim.bigcommerce.orders.OrderDraft();
    draft.billing.email = "t@example.com";
    draft.couponCode = "SAVE10";
    draft.discount = new BigDecimal("3.00");
    draft.shippingCost = new BigDecimal("6.00");
    draft.taxRate = new BigDecimal("10");
    draft.addLine(io.bcsync.sim.bigcommerce.orders.OrderDraft.Line.of(productId, 2));
    draft.addLine(
        io.bcsync.sim.bigcommerce.orders.OrderDraft.Line.custom(
            "Card", "CARD-1", new BigDecimal("5.00"), 1));
    long id = store.createOrder(draft);

    JsonNode order = api.get("/v2/orders/" + id).json();
    JsonNode products = api.get("/v2/orders/" + id + "/products").json();

    // Items 30.00 ex tax, 10% tax on items (3.00) and shipping (0.60); coupon 10% (3.00) and manual
    // 3.00 discount.
    assertThat(order.get("subtotal_ex_tax").asText()).isEqualTo("30.0000");
    assertThat(order.get("subtotal_tax").asText()).isEqualTo("3.0000");
    assertThat(order.get("shipping_cost_ex_tax").asText()).isEqualTo("6.0000");
    assertThat(order.get("shipping_cost_inc_tax").asText()).isEqualTo("6.6000");
    assertThat(order.get("coupon_discount").asText()).isEqualTo("3.0000");
    assertThat(order.get("discount_amount").asText()).isEqualTo("3.0000");
    assertThat(order.get("total_ex_tax").asText()).isEqualTo("30.0000");
    assertThat(order.get("total_tax").asText()).isEqualTo("3.6000");
    assertThat(order.get("total_inc_tax").asText()).isEqualTo("33.6000");
    JsonNode mug = products.get(0);
    assertThat(mug.get("price_tax").asText()).isEqualTo("1.2500");
    assertThat(mug.get("total_inc_tax").asText()).isEqualTo("27.5000");
    assertThat(mug.get("applied_discounts"))
        .extracting(d -> d.get("id").asText() + "=" + d.get("amount").asText())
        .containsExactly("total-coupon=2.5000", "manual-discount=2.5000");
    assertThat(mug.get("discounted_total_inc_tax").asText()).isEqualTo("22.5000");
    assertThat(products.get(1).get("applied_discounts"))
        .extracting(d -> d.get("amount").asText())
        .containsExactly("0.5000", "0.5000");
  }

  @Test
  void anApiOrderCarriesTheTaxItsExAndIncPricesImply() {
    Map<String, Object> body =
        Map.of(
            "billing_address",
            Map.of("first_name", "A", "last_name", "B", "email", "a@example.com"),
            "shipping_cost_ex_tax",
            "5.00",
            "shipping_cost_inc_tax",
            "5.40",
            "products",
            List.of(
                Map.of(
                    "name",
                    "Widget",
                    "quantity",
                    2,
                    "price_ex_tax",
                    "10.00",
                    "price_inc_tax",
                    "10.80")));

    Http.Response created = api.post("/v2/orders", body);

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("total_tax").asText()).isEqualTo("2.0000");
    assertThat(created.json().get("total_inc_tax").asText()).isEqualTo("27.0000");
    assertThat(
            api.post(
                    "/v2/orders",
                    Map.of(
                        "billing_address",
                        Map.of("email", "a@example.com"),
                        "products",
                        List.of(Map.of("name", "W", "price_ex_tax", "10", "price_inc_tax", "9"))))
                .status())
        .isEqualTo(400);
  }

  @Test
  void refundsTransactionsAndMetafieldsViaV3() {
    long id = store.placeGuestOrder("g@example.com", productId);
    long lineId = store.read(s -> s.orders.get(id).lines.get(0).id);
    Map<String, Object> refund =
        Map.of(
            "items", List.of(Map.of("item_type", "PRODUCT", "item_id", lineId, "quantity", 1)),
            "payments",
                List.of(Map.of("provider_id", "storecredit", "amount", 12.5, "offline", true)));

    Http.Response created = api.post("/v3/orders/" + id + "/payment_actions/refunds", refund);
    Http.Response again = api.post("/v3/orders/" + id + "/payment_actions/refunds", refund);
    JsonNode transactions = api.get("/v3/orders/" + id + "/transactions").json().get("data");
    Http.Response mf =
        api.post(
            "/v3/orders/" + id + "/metafields",
            Map.of(
                "namespace",
                "bcsync",
                "key",
                "sf_id",
                "value",
                "801xx",
                "permission_set",
                "app_only"));
    Http.Response dupMf =
        api.post(
            "/v3/orders/" + id + "/metafields",
            Map.of(
                "namespace",
                "bcsync",
                "key",
                "sf_id",
                "value",
                "801yy",
                "permission_set",
                "app_only"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("data").get("total_amount").decimalValue())
        .isEqualByComparingTo("12.5");
    assertThat(again.status()).isEqualTo(422);
    assertThat(api.get("/v2/orders/" + id).json().get("status_id").asInt()).isEqualTo(4);
    assertThat(transactions)
        .extracting(t -> t.get("event").asText())
        .containsExactly("purchase", "refund");
    assertThat(transactions.get(0).get("order_id").isTextual()).isTrue();
    assertThat(mf.status()).isEqualTo(200);
    assertThat(dupMf.status()).isEqualTo(409);
    assertThat(api.get("/v3/orders/payment_actions/refunds?order_id:in=" + id).json().get("data"))
        .hasSize(1);
  }

  private static List<Long> ids(Http.Response r) {
    if (r.status() == 204) {
      return List.of();
    }
    return java.util.stream.StreamSupport.stream(r.json().spliterator(), false)
        .map(n -> n.get("id").asLong())
        .toList();
  }
}
