package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Price-list assignments (price_lists.v3.yml): {@code channel_id} is optional and may be null when
 * a list applies across channels; an unknown group and a second assignment of one group on one
 * channel refuse the whole batch (422, the stricter plausible answer where the spec is silent).
 */
class PriceListAssignmentsTest {
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;
  private long listId;
  private long groupId;

  @BeforeEach
  void start() {
    sim = BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults());
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("pla123"));
    api = Http.forStore(sim, store);
    store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    listId =
        api.post("/v3/pricelists", Map.of("name", "Trade", "active", true))
            .json()
            .get("data")
            .get("id")
            .asLong();
    groupId = api.post("/v2/customer_groups", Map.of("name", "Trade")).json().get("id").asLong();
    api.put(
        "/v3/pricelists/" + listId + "/records",
        List.of(Map.of("sku", "MUG-1", "currency", "USD", "price", 8.5)));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void an_assignment_without_channel_applies_on_every_channel() {
    long customer = store.createCustomer("trade@example.com", "Tra", "De");
    api.put("/v3/customers", List.of(Map.of("id", customer, "customer_group_id", groupId)));

    Http.Response assign =
        api.post(
            "/v3/pricelists/assignments",
            List.of(Map.of("price_list_id", listId, "customer_group_id", groupId)));

    assertThat(assign.status()).isEqualTo(200);
    JsonNode listed =
        api.get("/v3/pricelists/assignments?customer_group_id=" + groupId).json().get("data");
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).get("channel_id").isNull()).isTrue();
    assertThat(store.priceSeenBy(customer, "MUG-1", "USD")).isEqualByComparingTo("8.5");
  }

  @Test
  void a_second_assignment_of_a_group_on_a_channel_and_an_unknown_group_are_refused() {
    Map<String, Object> first =
        Map.of("price_list_id", listId, "customer_group_id", groupId, "channel_id", 1);
    assertThat(api.post("/v3/pricelists/assignments", List.of(first)).status()).isEqualTo(200);

    Http.Response again = api.post("/v3/pricelists/assignments", List.of(first));
    Http.Response unknown =
        api.post(
            "/v3/pricelists/assignments",
            List.of(
                Map.of("price_list_id", listId, "customer_group_id", groupId, "channel_id", 2),
                Map.of("price_list_id", listId, "customer_group_id", groupId + 1000)));

    assertThat(again.status()).isEqualTo(422);
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(
            api.get("/v3/pricelists/assignments?customer_group_id=" + groupId).json().get("data"))
        .as("nothing of a refused batch is written")
        .hasSize(1);
  }
}
