package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inventory locations and per-location stock, against locations.v3.yml and inventory.v3.yml
 * (../shared/specs/bigcommerce/bigcommerce-docs/reference): location 1 exists in every store, more
 * are created through the API; absolute adjustments set each item's stock at its location, all or
 * nothing; the Catalog API reports the default location only; the inventory hooks carry the change.
 */
class InventoryLocationsTest extends ContractTestBase {
  private static final String LOCATIONS = "locations.v3.yml";
  private static final String INVENTORY = "inventory.v3.yml";

  @Test
  void location_one_is_the_default_and_created_locations_are_listed_as_the_spec_describes() {
    SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named("loc001"));
    SpecResponseChecker checker = new SpecResponseChecker(specs, Http.forStore(sim, store));

    JsonNode before = checker.check(LOCATIONS, "GET", "/v3", "/inventory/locations", null, 200);
    JsonNode created =
        checker.check(
            LOCATIONS, "POST", "/v3", "/inventory/locations", List.of(warehouse("WH-EAST")), 200);
    JsonNode after = checker.check(LOCATIONS, "GET", "/v3", "/inventory/locations", null, 200);
    JsonNode onlyDefault =
        checker.check(LOCATIONS, "GET", "/v3", "/inventory/locations?is_default=true", null, 200);
    checker.check(
        LOCATIONS, "POST", "/v3", "/inventory/locations", List.of(warehouse("WH-EAST")), 422);
    checker.check(
        LOCATIONS,
        "POST",
        "/v3",
        "/inventory/locations",
        List.of(Map.of("label", "No address", "type_id", "PHYSICAL", "time_zone", "Etc/UTC")),
        422);

    assertThat(checker.failures()).isEmpty();
    assertThat(before.get("data")).hasSize(1);
    assertThat(before.get("data").get(0).get("id").asLong()).isEqualTo(1);
    assertThat(created.get("transaction_id").asText()).isNotBlank();
    assertThat(after.get("data")).hasSize(2);
    assertThat(after.get("data").get(1).get("code").asText()).isEqualTo("WH-EAST");
    assertThat(after.get("data").get(1).get("id").asLong()).isEqualTo(2);
    assertThat(onlyDefault.get("data")).hasSize(1);
  }

  @Test
  void one_adjustment_sets_each_location_and_the_catalog_reports_the_default_location_only() {
    SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named("loc002"));
    Http api = Http.forStore(sim, store);
    long east = store.inventory().addLocation("WH-EAST", "East warehouse");
    long product = variantTracked(store, api, "KETTLE");
    long red = variant(api, product, "KETTLE-RED");
    long blue = variant(api, product, "KETTLE-BLUE");
    SpecResponseChecker checker = new SpecResponseChecker(specs, api);

    checker.check(
        INVENTORY,
        "PUT",
        "/v3",
        "/inventory/adjustments/absolute",
        Map.of(
            "reason",
            "recount",
            "items",
            List.of(
                Map.of("location_id", 1, "variant_id", red, "quantity", 4),
                Map.of("location_id", east, "variant_id", red, "quantity", 10),
                Map.of("location_id", 1, "sku", "KETTLE-BLUE", "quantity", 3))),
        200);
    JsonNode items =
        checker.check(INVENTORY, "GET", "/v3", "/inventory/items?variant_id:in=" + red, null, 200);

    assertThat(checker.failures()).isEmpty();
    assertThat(store.inventory().stockAt(product, red, 1)).isEqualTo(4);
    assertThat(store.inventory().stockAt(product, red, east)).isEqualTo(10);
    assertThat(store.inventory().stockAt(product, blue, east)).isZero();
    JsonNode catalog =
        api.get("/v3/catalog/products/" + product + "?include=variants").json().get("data");
    // products_catalog.v3.yml: "The Catalog API returns the inventory for only the default
    // location"; a product tracked by variant totals its variants.
    assertThat(catalog.get("inventory_level").asInt()).isEqualTo(4 + 3);
    assertThat(variantLevel(catalog, red)).isEqualTo(4);
    JsonNode redItem = items.get("data").get(0);
    assertThat(redItem.get("identity").get("variant_id").asLong()).isEqualTo(red);
    Map<Long, Integer> onHand = new HashMap<>();
    redItem
        .get("locations")
        .forEach(
            l ->
                onHand.put(l.get("location_id").asLong(), l.get("total_inventory_onhand").asInt()));
    assertThat(onHand).containsEntry(1L, 4).containsEntry(east, 10).hasSize(2);
  }

  @Test
  void a_bad_item_refuses_the_whole_adjustment_with_the_documented_error_body() {
    SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named("loc003"));
    Http api = Http.forStore(sim, store);
    long product = variantTracked(store, api, "LAMP");
    long shade = variant(api, product, "LAMP-SHADE");
    SpecResponseChecker checker = new SpecResponseChecker(specs, api);
    Map<String, Object> good = Map.of("location_id", 1, "variant_id", shade, "quantity", 6);
    List<Map<String, Object>> bad =
        List.of(
            Map.of("location_id", 7, "variant_id", shade, "quantity", 1),
            Map.of("location_id", 1, "variant_id", shade, "quantity", 2.5),
            Map.of("location_id", 1, "variant_id", shade, "quantity", -1),
            Map.of("variant_id", shade, "quantity", 1),
            Map.of("location_id", 1, "variant_id", shade, "sku", "LAMP-SHADE", "quantity", 1));

    List<JsonNode> refusals = new ArrayList<>();
    for (Map<String, Object> item : bad) {
      refusals.add(
          checker.check(
              INVENTORY,
              "PUT",
              "/v3",
              "/inventory/adjustments/absolute",
              Map.of("items", List.of(good, item)),
              422));
    }
    List<Map<String, Object>> tooMany = new ArrayList<>();
    for (int i = 0; i < 2001; i++) {
      tooMany.add(good);
    }
    int tooManyStatus =
        api.put("/v3/inventory/adjustments/absolute", Map.of("items", tooMany)).status();

    assertThat(checker.failures()).isEmpty();
    assertThat(store.inventory().stockAt(product, shade, 1)).as("nothing set").isZero();
    assertThat(refusals.get(0).get("status").asInt()).isEqualTo(422);
    assertThat(refusals.get(0).get("errors").toString()).contains("Location 7 does not exist");
    assertThat(refusals).allSatisfy(body -> assertThat(body.get("title").asText()).isNotBlank());
    assertThat(tooManyStatus).isEqualTo(413);
  }

  @Test
  void adjustments_fire_the_sku_inventory_hook_with_the_change_and_new_locations_their_own()
      throws Exception {
    SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named("loc004"));
    Http api = Http.forStore(sim, store);
    try (CallbackReceiver sink = new CallbackReceiver()) {
      for (String scope : List.of("store/sku/inventory/updated", "store/inventory/location/*")) {
        api.post("/v3/hooks", Map.of("scope", scope, "destination", sink.url("/h")));
      }
      long east = store.inventory().addLocation("WH-EAST", "East warehouse");
      long product = variantTracked(store, api, "BOWL");
      long bowl = variant(api, product, "BOWL-1");
      store.inventory().setStockAt(product, bowl, east, 8);

      api.put(
          "/v3/inventory/adjustments/absolute",
          Map.of("items", List.of(Map.of("location_id", east, "variant_id", bowl, "quantity", 5))));

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> sink.forScope("store/sku/inventory/updated").size() == 2);
      List<JsonNode> changes = new ArrayList<>();
      sink.forScope("store/sku/inventory/updated")
          .forEach(hook -> changes.add(Http.json(hook.body()).get("data")));
      // webhooks.v3.yml store/sku/inventory/updated value: "The number of items that the
      // inventory changed by": 0 → 8 by the merchant, then 8 → 5 by the adjustment.
      assertThat(changes)
          .extracting(c -> c.get("inventory").get("value").asInt())
          .containsExactlyInAnyOrder(8, -3);
      assertThat(changes)
          .allSatisfy(
              c -> {
                assertThat(c.get("type").asText()).isEqualTo("sku");
                assertThat(c.get("inventory").get("variant_id").asLong()).isEqualTo(bowl);
              });
      JsonNode location =
          Http.json(sink.forScope("store/inventory/location/created").get(0).body()).get("data");
      assertThat(location.get("location_id").asLong()).isEqualTo(east);
    }
  }

  private static Map<String, Object> warehouse(String code) {
    return Map.of(
        "code",
        code,
        "label",
        "East warehouse",
        "managed_by_external_source",
        false,
        "type_id",
        "PHYSICAL",
        "time_zone",
        "Etc/UTC",
        "address",
        Map.of(
            "address1", "5th Ave",
            "city", "New York",
            "state", "NY",
            "zip", "10021",
            "email", "east@example.com",
            "geo_coordinates", Map.of("latitude", 40.77, "longitude", -73.96),
            "country_code", "US"));
  }

  private static long variantTracked(SimulatedStore store, Http api, String sku) {
    return store.createProduct(
        Http.JSON
            .createObjectNode()
            .put("name", "Product " + sku)
            .put("type", "physical")
            .put("sku", sku)
            .put("price", 5)
            .put("weight", 1)
            .put("inventory_tracking", "variant"));
  }

  private static long variant(Http api, long product, String sku) {
    return api.post("/v3/catalog/products/" + product + "/variants", Map.of("sku", sku))
        .json()
        .get("data")
        .get("id")
        .asLong();
  }

  private static int variantLevel(JsonNode product, long variantId) {
    for (JsonNode v : product.get("variants")) {
      if (v.get("id").asLong() == variantId) {
        return v.get("inventory_level").asInt();
      }
    }
    throw new AssertionError("no variant " + variantId);
  }
}
