package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The typed write helpers against the simulated store: each write is split into BigCommerce's batch
 * sizes, and the store's request log and state show exactly what was sent and saved.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreClientWritesSimulatorTest {
  BigCommerceSimulator sim;
  BigCommerceTransport transport;

  @BeforeAll
  void start() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().rateLimit(1000, Duration.ofSeconds(1)));
    transport =
        new BigCommerceTransport(
            URI.create(sim.baseUrl()),
            BigCommerceClientConfig.defaults(),
            new QuotaMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            RateBudget.Waiter.BLOCKING);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  SimulatedStore store(String hash) {
    return sim.createStore(BigCommerceSimulator.StoreSpec.named(hash).accessToken("token-" + hash));
  }

  StoreClient client(SimulatedStore store) {
    return new StoreClient(transport, store.hash(), store.accessToken());
  }

  @Test
  void customer_updates_go_ten_per_call_and_only_the_fields_set_are_sent() {
    SimulatedStore store = store("wcust1");
    List<Long> ids =
        IntStream.range(0, 23)
            .mapToObj(i -> store.createCustomer("c" + i + "@example.com", "First" + i, "Last" + i))
            .toList();
    long groupId = client(store).customers().createGroup("Wholesale").id();
    List<CustomerUpdate> updates =
        ids.stream()
            .map(id -> CustomerUpdate.of(id).withCompany("Acme " + id).withCustomerGroupId(groupId))
            .toList();

    List<Dtos.Customer> saved = client(store).customers().update(updates);

    List<JsonNode> bodies = bodiesOf(store, "PUT", "/v3/customers");
    assertThat(bodies).extracting(JsonNode::size).containsExactly(10, 10, 3);
    JsonNode first = bodies.get(0).get(0);
    assertThat(fieldNames(first)).containsExactlyInAnyOrder("id", "company", "customer_group_id");
    assertThat(saved)
        .hasSize(23)
        .allSatisfy(c -> assertThat(c.customerGroupId()).isEqualTo(groupId));
    long last = ids.get(22);
    String company = store.read(s -> s.customers.get(last).company);
    String firstName = store.read(s -> s.customers.get(last).firstName);
    assertThat(company).isEqualTo("Acme " + last);
    // Untouched fields keep their value: the update is partial.
    assertThat(firstName).isEqualTo("First22");
  }

  @Test
  void product_updates_go_ten_per_call_with_exact_prices() {
    SimulatedStore store = store("wprod1");
    List<Long> ids =
        IntStream.range(0, 21)
            .mapToObj(i -> store.createProduct("Product " + i, "P-" + i, new BigDecimal("10.00")))
            .toList();
    List<ProductUpdate> updates =
        ids.stream()
            .map(
                id ->
                    ProductUpdate.of(id)
                        .withPrice(new BigDecimal("19.99"))
                        .withInventory(7, ProductUpdate.InventoryTracking.PRODUCT)
                        .withVisible(false))
            .toList();

    List<CatalogDtos.Product> saved = client(store).catalog().updateProducts(updates);

    List<JsonNode> bodies = bodiesOf(store, "PUT", "/v3/catalog/products");
    assertThat(bodies).extracting(JsonNode::size).containsExactly(10, 10, 1);
    JsonNode sent = bodies.get(2).get(0);
    assertThat(fieldNames(sent))
        .containsExactlyInAnyOrder(
            "id", "price", "inventory_level", "inventory_tracking", "is_visible");
    assertThat(sent.get("inventory_tracking").asText()).isEqualTo("product");
    assertThat(sent.get("price").decimalValue()).isEqualByComparingTo("19.99");
    assertThat(saved)
        .hasSize(21)
        .allSatisfy(p -> assertThat(p.price()).isEqualByComparingTo("19.99"));
    long last = ids.get(20);
    int level = store.read(s -> s.products.get(last).inventoryLevel);
    boolean visible = store.read(s -> s.products.get(last).isVisible);
    String name = store.read(s -> s.products.get(last).name);
    assertThat(level).isEqualTo(7);
    assertThat(visible).isFalse();
    assertThat(name).isEqualTo("Product 20");
  }

  @Test
  void variant_updates_go_fifty_per_call() {
    SimulatedStore store = store("wvar1");
    List<Long> variantIds = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      long product = store.createProduct("Item " + i, "V-" + i, BigDecimal.ONE);
      variantIds.add(store.read(s -> s.products.get(product).baseVariant().id));
    }
    List<VariantUpdate> updates =
        variantIds.stream()
            .map(
                id ->
                    VariantUpdate.of(id)
                        .withPrice(new BigDecimal("2.50"))
                        .withSalePrice(new BigDecimal("2.25")))
            .toList();

    List<CatalogDtos.Variant> saved = client(store).catalog().updateVariants(updates);

    List<JsonNode> bodies = bodiesOf(store, "PUT", "/v3/catalog/variants");
    assertThat(bodies).extracting(JsonNode::size).containsExactly(50, 1);
    assertThat(fieldNames(bodies.get(1).get(0)))
        .containsExactlyInAnyOrder("id", "price", "sale_price");
    assertThat(saved).hasSize(51);
    long lastVariant = variantIds.get(50);
    BigDecimal salePrice =
        store.read(
            s ->
                s.products.values().stream()
                    .flatMap(p -> p.variants.stream())
                    .filter(v -> v.id == lastVariant)
                    .findFirst()
                    .orElseThrow()
                    .salePrice);
    assertThat(salePrice).isEqualByComparingTo("2.25");
  }

  @Test
  void price_records_are_upserted_by_variant_id_or_sku() {
    SimulatedStore store = store("wrec1");
    long mug = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    store.createProduct("Cup", "CUP-1", new BigDecimal("4.95"));
    long mugVariant = store.read(s -> s.products.get(mug).baseVariant().id);
    StoreClient api = client(store);
    long listId = createPriceList(api, "Wholesale");

    api.pricing()
        .upsertRecords(
            listId,
            List.of(
                PriceRecordUpsert.forVariant(mugVariant, "usd", new BigDecimal("8.50"))
                    .withSalePrice(new BigDecimal("8.00")),
                PriceRecordUpsert.forSku("CUP-1", "USD", new BigDecimal("4.00"))));

    JsonNode body = bodiesOf(store, "PUT", "/v3/pricelists/{id}/records").get(0);
    assertThat(fieldNames(body.get(0)))
        .containsExactlyInAnyOrder("variant_id", "currency", "price", "sale_price");
    assertThat(body.get(0).get("currency").asText()).isEqualTo("USD");
    assertThat(fieldNames(body.get(1))).containsExactlyInAnyOrder("sku", "currency", "price");
    assertThat(api.pricing().records(listId))
        .extracting(
            CatalogDtos.PriceRecord::sku, r -> r.price().stripTrailingZeros().toPlainString())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("MUG-1", "8.5"),
            org.assertj.core.groups.Tuple.tuple("CUP-1", "4"));
  }

  @Test
  void price_list_assignments_go_25_per_call() {
    SimulatedStore store = store("wasg1");
    StoreClient api = client(store);
    long listId = createPriceList(api, "B2B");
    List<PriceListAssignmentCreate> assignments = new ArrayList<>();
    for (int i = 0; i < 26; i++) {
      assignments.add(
          PriceListAssignmentCreate.toGroup(
              listId, api.customers().createGroup("Group " + i).id(), 1));
    }

    api.pricing().createAssignments(assignments);

    List<JsonNode> bodies = bodiesOf(store, "POST", "/v3/pricelists/assignments");
    assertThat(bodies).extracting(JsonNode::size).containsExactly(25, 1);
    assertThat(fieldNames(bodies.get(1).get(0)))
        .containsExactlyInAnyOrder("price_list_id", "customer_group_id", "channel_id");
    assertThat(api.pricing().assignments(listId))
        .hasSize(26)
        .extracting(CatalogDtos.PriceListAssignment::customerGroupId)
        .doesNotHaveDuplicates();
  }

  @Test
  void absolute_inventory_adjustments_go_2000_items_per_call() {
    SimulatedStore store = store("winv1");
    List<InventoryLevel> items = new ArrayList<>();
    for (int i = 0; i < 2001; i++) {
      store.createProduct("Stock " + i, "S-" + i, BigDecimal.ONE);
      items.add(InventoryLevel.ofSku(InventoryLevel.DEFAULT_LOCATION, "S-" + i, i % 50));
    }

    List<String> transactions =
        client(store).pricing().adjustInventoryAbsolute("bcsync test", items);

    List<JsonNode> bodies = bodiesOf(store, "PUT", "/v3/inventory/adjustments/absolute");
    assertThat(bodies).extracting(b -> b.get("items").size()).containsExactly(2000, 1);
    assertThat(bodies)
        .allSatisfy(b -> assertThat(b.get("reason").asText()).isEqualTo("bcsync test"));
    assertThat(fieldNames(bodies.get(1).get("items").get(0)))
        .containsExactlyInAnyOrder("location_id", "sku", "quantity");
    assertThat(transactions).hasSize(2).doesNotContainNull();
    assertThat(stockOf(store, "S-2000")).isEqualTo(0);
    assertThat(stockOf(store, "S-49")).isEqualTo(49);
  }

  @Test
  void malformed_writes_fail_before_any_call() {
    assertThatThrownBy(() -> CustomerUpdate.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new PriceRecordUpsert(5L, "SKU", "USD", BigDecimal.ONE, null, null, null))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> PriceRecordUpsert.forVariant(5, "USD", null))
        .hasMessageContaining("price");
    assertThatThrownBy(() -> new PriceListAssignmentCreate(3, null, null))
        .hasMessageContaining("customer group");
    assertThatThrownBy(() -> new InventoryLevel(1, 2L, null, 3L, 4))
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> InventoryLevel.ofVariant(1, 2, -1)).hasMessageContaining("negative");
    assertThatThrownBy(() -> ProductUpdate.of(1).withPrice(new BigDecimal("-1")))
        .hasMessageContaining("negative");
  }

  private static int stockOf(SimulatedStore store, String sku) {
    return store.read(
        s ->
            s.products.values().stream()
                .filter(p -> p.sku.equals(sku))
                .findFirst()
                .orElseThrow()
                .baseVariant()
                .inventoryLevel);
  }

  private static long createPriceList(StoreClient api, String name) {
    JsonNode body = api.mapper().createObjectNode().put("name", name).put("active", true);
    return api.require(ApiRequest.write("POST", "/v3/pricelists", body))
        .body()
        .path("data")
        .path("id")
        .asLong();
  }

  /** The JSON bodies the store received for one route, oldest first. */
  private static List<JsonNode> bodiesOf(SimulatedStore store, String method, String route) {
    return store.requests().stream()
        .filter(e -> e.method().equals(method) && e.route().equals(route))
        .map(RequestLog.Entry::body)
        .toList();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
