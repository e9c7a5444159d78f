package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CustomersAndCatalogApiTest {
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-01-01T00:00:00Z"));
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;

  @BeforeEach
  void start() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(clock)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("cat123"));
    api = Http.forStore(sim, store);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void customerBatchesAreCappedAtTenAndFiltersWork() {
    List<Map<String, Object>> eleven = new ArrayList<>();
    IntStream.range(0, 11).forEach(i -> eleven.add(customer("c" + i + "@example.com")));
    Map<String, Object> withAddress = new java.util.HashMap<>(customer("addr@example.com"));
    withAddress.put(
        "addresses",
        List.of(
            Map.of(
                "first_name",
                "A",
                "last_name",
                "B",
                "address1",
                "1 St",
                "city",
                "X",
                "country_code",
                "US")));

    Http.Response tooMany = api.post("/v3/customers", eleven);
    Http.Response created =
        api.post("/v3/customers", List.of(customer("one@example.com"), withAddress));
    long first = created.json().get("data").get(0).get("id").asLong();
    clock.advance(Duration.ofHours(1));
    Http.Response updated =
        api.put("/v3/customers", List.of(Map.of("id", first, "last_name", "Changed")));

    assertThat(tooMany.status()).isEqualTo(413);
    assertThat(created.status()).isEqualTo(200);
    assertThat(updated.json().get("data").get(0).get("date_modified").asText())
        .isEqualTo("2024-01-01T01:00:00Z");
    assertThat(api.get("/v3/customers?date_modified:min=2024-01-01T00:30:00Z").json().get("data"))
        .extracting(n -> n.get("id").asLong())
        .containsExactly(first);
    assertThat(
            api.get("/v3/customers?id:in=" + first)
                .json()
                .get("meta")
                .get("pagination")
                .get("total")
                .asInt())
        .isEqualTo(1);
    JsonNode withAddresses =
        api.get("/v3/customers?email:in=addr@example.com&include=addresses")
            .json()
            .get("data")
            .get(0);
    assertThat(withAddresses.get("addresses").get(0).get("city").asText()).isEqualTo("X");
    assertThat(api.get("/v3/customers").json().get("data").get(0).has("addresses")).isFalse();
    assertThat(api.post("/v3/customers", List.of(customer("ONE@example.com"))).status())
        .isEqualTo(422);
  }

  @Test
  void controlApiCanCreateCustomersSharingAnEmailInDifferentCase() {
    store.createCustomer("Pat@Example.com", "Pat", "One");
    store.createCustomerAllowingDuplicateEmail("pat@example.com", "Pat", "Two");

    JsonNode data = api.get("/v3/customers?email:in=pat@example.com").json().get("data");

    assertThat(data)
        .extracting(n -> n.get("email").asText())
        .containsExactly("Pat@Example.com", "pat@example.com");
  }

  @Test
  void customerGroupsAreV2() {
    Http.Response created = api.post("/v2/customer_groups", Map.of("name", "Wholesale"));
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().get("date_created").asText())
        .isEqualTo("Mon, 01 Jan 2024 00:00:00 +0000");
    assertThat(api.get("/v2/customer_groups").json()).hasSize(1);
    assertThat(api.delete("/v2/customer_groups/" + created.json().get("id").asLong()).status())
        .isEqualTo(204);
    assertThat(api.get("/v2/customer_groups").status()).isEqualTo(204);
  }

  @Test
  void productsFilterBySkuAndIncludeVariantsAndBatchLimits() {
    Http.Response created =
        api.post(
            "/v3/catalog/products",
            Map.of("name", "Kettle", "type", "physical", "sku", "KET-1", "price", 79, "weight", 2));
    long productId = created.json().get("data").get("id").asLong();
    store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    Http.Response variant =
        api.post(
            "/v3/catalog/products/" + productId + "/variants",
            Map.of("sku", "KET-1-RED", "price", 85));
    long variantId = variant.json().get("data").get("id").asLong();

    assertThat(created.json().get("data").get("date_created").asText())
        .isEqualTo("2024-01-01T00:00:00Z");
    assertThat(api.get("/v3/catalog/products?sku=KET-1").json().get("data")).hasSize(1);
    assertThat(api.get("/v3/catalog/products?sku:in=KET-1,MUG-1").json().get("data")).hasSize(2);
    assertThat(api.get("/v3/catalog/products?sku=KET-1-RED").json().get("data")).isEmpty();
    JsonNode withVariants =
        api.get("/v3/catalog/products?sku=KET-1&include=variants").json().get("data").get(0);
    assertThat(withVariants.get("variants"))
        .extracting(v -> v.get("sku").asText())
        .containsExactly("KET-1", "KET-1-RED");
    assertThat(
            api.post(
                    "/v3/catalog/products",
                    Map.of("name", "Kettle", "type", "physical", "price", 1, "weight", 1))
                .status())
        .isEqualTo(409);

    List<Map<String, Object>> elevenProducts = new ArrayList<>();
    IntStream.range(0, 11).forEach(i -> elevenProducts.add(Map.of("id", productId, "price", i)));
    assertThat(api.put("/v3/catalog/products", elevenProducts).status()).isEqualTo(413);
    clock.advance(Duration.ofMinutes(10));
    assertThat(
            api.put("/v3/catalog/products", List.of(Map.of("id", productId, "price", 80))).status())
        .isEqualTo(200);
    assertThat(
            api.get("/v3/catalog/products?date_modified:min=2024-01-01T00:05:00Z")
                .json()
                .get("data"))
        .extracting(p -> p.get("id").asLong())
        .containsExactly(productId);

    List<Map<String, Object>> fiftyOne = new ArrayList<>();
    IntStream.range(0, 51).forEach(i -> fiftyOne.add(Map.of("id", variantId, "price", i)));
    assertThat(api.put("/v3/catalog/variants", fiftyOne).status()).isEqualTo(413);
    assertThat(
            api.put("/v3/catalog/variants", List.of(Map.of("id", variantId, "price", 90)))
                .json()
                .get("data")
                .get(0)
                .get("price")
                .asInt())
        .isEqualTo(90);
  }

  @Test
  void priceListsRecordsAndAssignments() {
    long productId = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    long groupId =
        api.post("/v2/customer_groups", Map.of("name", "Trade")).json().get("id").asLong();
    long listId =
        api.post("/v3/pricelists", Map.of("name", "Trade prices", "active", true))
            .json()
            .get("data")
            .get("id")
            .asLong();

    Http.Response upsert =
        api.put(
            "/v3/pricelists/" + listId + "/records",
            List.of(Map.of("sku", "MUG-1", "currency", "USD", "price", 8.5)));
    Http.Response assign =
        api.post(
            "/v3/pricelists/assignments",
            List.of(
                Map.of("price_list_id", listId, "customer_group_id", groupId, "channel_id", 1)));

    assertThat(upsert.status()).isEqualTo(200);
    JsonNode record = api.get("/v3/pricelists/" + listId + "/records").json().get("data").get(0);
    assertThat(record.get("price").decimalValue()).isEqualByComparingTo("8.5");
    assertThat(record.get("product_id").asLong()).isEqualTo(productId);
    assertThat(assign.status()).isEqualTo(200);
    assertThat(
            api.get("/v3/pricelists/assignments?customer_group_id=" + groupId).json().get("data"))
        .hasSize(1);
    assertThat(api.delete("/v3/pricelists/assignments").status()).isEqualTo(422);
  }

  @Test
  void absoluteInventoryAdjustmentsSetStockAllOrNothing() {
    long tracked =
        store.createProduct(
            Http.JSON
                .createObjectNode()
                .put("name", "Jar")
                .put("type", "physical")
                .put("sku", "JAR")
                .put("price", 5)
                .put("weight", 1)
                .put("inventory_tracking", "product")
                .put("inventory_level", 3));

    Http.Response ok =
        api.put(
            "/v3/inventory/adjustments/absolute",
            Map.of(
                "reason",
                "recount",
                "items",
                List.of(Map.of("location_id", 1, "sku", "JAR", "quantity", 40))));
    Http.Response bad =
        api.put(
            "/v3/inventory/adjustments/absolute",
            Map.of(
                "items",
                List.of(
                    Map.of("location_id", 1, "product_id", tracked, "quantity", 1),
                    Map.of("location_id", 1, "sku", "NOPE", "quantity", 2))));

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.json().get("transaction_id").asText()).isNotBlank();
    assertThat(bad.status()).isEqualTo(422);
    assertThat(
            api.get("/v3/catalog/products/" + tracked)
                .json()
                .get("data")
                .get("inventory_level")
                .asInt())
        .isEqualTo(40);
  }

  @Test
  void storeInformationAndB2bCompanies() {
    JsonNode info = api.get("/v2/store").json();
    assertThat(info.get("id").asText()).isEqualTo("cat123");
    assertThat(info.get("store_id").asText()).isEqualTo(store.storeId());
    assertThat(info.get("timezone").get("name").asText()).isEqualTo("Etc/UTC");
    assertThat(info.get("timezone").get("dst_correction").asBoolean()).isFalse();

    Http b2b = new Http(sim.b2bBaseUrl() + "/api/v3/io", store.accessToken());
    Http.Response withoutHash = b2b.get("/companies");
    assertThat(withoutHash.status()).isEqualTo(401);
  }

  @Test
  void aStoreAnswersTheTimeZoneItWasCreatedWith() {
    SimulatedStore chicago =
        sim.createStore(BigCommerceSimulator.StoreSpec.named("tz123").timeZone("America/Chicago"));
    SimulatedStore tokyo =
        sim.createStore(BigCommerceSimulator.StoreSpec.named("tz456").timeZone("Asia/Tokyo"));

    JsonNode central = Http.forStore(sim, chicago).get("/v2/store").json().get("timezone");
    JsonNode japan = Http.forStore(sim, tokyo).get("/v2/store").json().get("timezone");

    // The values of the API reference's example (store_information.v2.yml) for America/Chicago.
    assertThat(central.get("name").asText()).isEqualTo("America/Chicago");
    assertThat(central.get("raw_offset").asInt()).isEqualTo(-21600);
    assertThat(central.get("dst_offset").asInt()).isEqualTo(-18000);
    assertThat(central.get("dst_correction").asBoolean()).isTrue();
    assertThat(japan.get("name").asText()).isEqualTo("Asia/Tokyo");
    assertThat(japan.get("raw_offset").asInt()).isEqualTo(32400);
    assertThat(japan.get("dst_offset").asInt()).isEqualTo(32400);
    assertThat(japan.get("dst_correction").asBoolean()).isFalse();
  }

  private static Map<String, Object> customer(String email) {
    return Map.of("email", email, "first_name", "F", "last_name", "L");
  }
}
