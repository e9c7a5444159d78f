package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /v3/orders/metafields}: the batch read of all orders' metafields the daily revenue
 * uses for UTM facts, and the storefront's metafields other API accounts may read.
 */
class OrderMetafieldsBatchTest {
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-03-05T10:00:00Z"));
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
  void filtersByNamespaceKeyAndCreationDateAcrossOrders() {
    long first = store.placeGuestOrder("a@example.com", productId);
    store.recordStorefrontMetafield(first, "bcsync", "utm", "{\"source\":\"google\"}");
    store.recordStorefrontMetafield(first, "other", "utm", "ignored");
    clock.advance(Duration.ofDays(1));
    long second = store.placeGuestOrder("b@example.com", productId);
    store.recordStorefrontMetafield(second, "bcsync", "utm", "utm_source=newsletter");

    JsonNode all = api.get("/v3/orders/metafields?namespace=bcsync&key=utm").json();
    assertThat(resourceIds(all)).containsExactly(first, second);
    assertThat(all.path("meta").path("pagination").path("total").asInt()).isEqualTo(2);

    JsonNode secondDay =
        api.get(
                "/v3/orders/metafields?namespace=bcsync&key=utm"
                    + "&date_created:min=2024-03-06T00:00:00Z&date_created:max=2024-03-06T23:59:59Z")
            .json();
    assertThat(resourceIds(secondDay)).containsExactly(second);
    assertThat(secondDay.path("data").get(0).path("value").asText())
        .isEqualTo("utm_source=newsletter");
  }

  @Test
  void storefrontMetafieldsAreReadableByTheApp() {
    long order = store.placeGuestOrder("a@example.com", productId);
    store.recordStorefrontMetafield(order, "bcsync", "utm", "google");
    api.post(
        "/v3/orders/" + order + "/metafields",
        java.util.Map.of(
            "namespace", "bcsync", "key", "sf_id", "value", "801", "permission_set", "app_only"));

    // The storefront's metafield (permission set read) is visible to this client, and so is the
    // client's own app_only one.
    assertThat(api.get("/v3/orders/metafields?namespace=bcsync").json().path("data").size())
        .isEqualTo(2);
  }

  private static List<Long> resourceIds(JsonNode body) {
    List<Long> ids = new ArrayList<>();
    body.path("data").forEach(m -> ids.add(m.path("resource_id").asLong()));
    return ids;
  }
}
