package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryAttempt;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {
  private static final String SECRET = "client-secret-for-signing-0123456789";
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-05-01T12:00:00Z"));
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;
  private CallbackReceiver receiver;
  private long productId;

  @BeforeEach
  void start() throws Exception {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(clock)
                .rateLimit(10_000, Duration.ofSeconds(30))
                .webhookTimeout(Duration.ofSeconds(2))
                .allowLocalHttpHookDestinations(true));
    store =
        sim.createStore(
            BigCommerceSimulator.StoreSpec.named("hook12")
                .clientId("client-a")
                .clientSecret(SECRET));
    api = Http.forStore(sim, store);
    receiver = new CallbackReceiver();
    productId = store.createProduct("Mug", "MUG-1", new BigDecimal("10"));
  }

  @AfterEach
  void stop() {
    sim.close();
    receiver.close();
  }

  @Test
  void orderActivityIsDeliveredWithTheRealBodyShapeCustomHeadersAndASignature() throws Exception {
    subscribe("store/order/*", Map.of("X-Secret", "s3cret"));

    long orderId = store.placeGuestOrder("g@example.com", productId);
    store.changeOrderStatus(orderId, 2);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() == 3);
    var created = receiver.forScope("store/order/created").get(0);
    JsonNode body = Http.json(created.body());
    assertThat(body.get("store_id").asText()).isEqualTo(store.storeId());
    assertThat(body.get("producer").asText()).isEqualTo("stores/hook12");
    assertThat(body.get("data").get("type").asText()).isEqualTo("order");
    assertThat(body.get("data").get("id").asLong()).isEqualTo(orderId);
    assertThat(body.get("hash").asText()).hasSize(40);
    assertThat(body.get("created_at").asLong()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(created.header("X-Secret")).isEqualTo("s3cret");
    String signed =
        created.header("webhook-id")
            + "."
            + created.header("webhook-timestamp")
            + "."
            + created.body();
    assertThat(created.header("webhook-signature")).isEqualTo("v1," + hmac(SECRET, signed));
    JsonNode status =
        Http.json(receiver.forScope("store/order/statusUpdated").get(0).body())
            .get("data")
            .get("status");
    assertThat(status.get("previous_status_id").asInt()).isEqualTo(11);
    assertThat(status.get("new_status_id").asInt()).isEqualTo(2);
    assertThat(receiver.forScope("store/order/updated")).hasSize(1);
  }

  @Test
  void incompleteOrdersFireOrderCreatedToo() {
    subscribe("store/order/created", Map.of());

    long orderId = store.placeIncompleteOrder("abandoned@example.com", productId);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() == 1);
    assertThat(Http.json(receiver.received.get(0).body()).get("data").get("id").asLong())
        .isEqualTo(orderId);
    assertThat(api.get("/v2/orders/" + orderId).json().get("status_id").asInt()).isZero();
  }

  @Test
  void customersProductsInventoryAndRefundsFireTheirScopes() {
    for (String scope :
        List.of(
            "store/customer/created",
            "store/product/updated",
            "store/product/inventory/updated",
            "store/order/refund/created")) {
      subscribe(scope, Map.of());
    }
    long tracked =
        store.createProduct(
            Http.JSON
                .createObjectNode()
                .put("name", "Jar")
                .put("type", "physical")
                .put("price", 5)
                .put("weight", 1)
                .put("inventory_tracking", "product"));

    store.createCustomer("c@example.com", "C", "D");
    api.put("/v3/catalog/products/" + productId, Map.of("price", 11));
    store.setStock(tracked, 7);
    store.refund(store.placeGuestOrder("g@example.com", productId), new BigDecimal("5"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() == 4);
    assertThat(
            Http.json(receiver.forScope("store/product/inventory/updated").get(0).body())
                .get("data")
                .get("inventory")
                .get("value")
                .asInt())
        .isEqualTo(7);
    assertThat(
            Http.json(receiver.forScope("store/order/refund/created").get(0).body())
                .get("data")
                .get("refund")
                .has("refund_id"))
        .isTrue();
  }

  @Test
  void failedDeliveriesFollowTheRetryScheduleAndDeactivateTheHook() {
    long hookId = subscribe("store/customer/created", Map.of());
    receiver.status.set(500);

    store.createCustomer("c@example.com", "C", "D");
    await().atMost(Duration.ofSeconds(10)).until(() -> store.webhookAttempts().size() == 1);
    clock.advance(Duration.ofSeconds(59));
    // Nothing is due before the first 60 s retry delay has passed on the simulator clock.
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> store.webhookAttempts().size() == 1);
    long[] delays = {60, 180, 300, 600, 900, 1800, 3600, 7200, 21600, 50400, 86400};
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < delays.length; i++) {
      int expected = i + 2;
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> store.webhookAttempts().size() == expected);
      if (i + 1 < delays.length) {
        clock.advance(Duration.ofSeconds(delays[i + 1]));
      }
    }

    List<DeliveryAttempt> attempts = store.webhookAttempts();
    assertThat(attempts).hasSize(12).allMatch(a -> a.status() == 500);
    assertThat(Duration.between(attempts.get(0).at(), attempts.get(11).at()))
        .isEqualTo(Duration.ofSeconds(java.util.Arrays.stream(delays).sum()));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(
            () -> !api.get("/v3/hooks/" + hookId).json().get("data").get("is_active").asBoolean());
    JsonNode admin = api.get("/v3/hooks/admin").json().get("data").get("hooks_list").get(0);
    assertThat(admin.get("status").asText()).isEqualTo("deactivated");

    store.createCustomer("later@example.com", "L", "M");
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> store.webhookAttempts().size() == 12);
  }

  @Test
  void aRetryThatSucceedsStopsRetrying() {
    subscribe("store/customer/created", Map.of());
    receiver.status.set(503);
    store.createCustomer("c@example.com", "C", "D");
    await().atMost(Duration.ofSeconds(10)).until(() -> store.webhookAttempts().size() == 1);

    receiver.status.set(200);
    clock.advance(Duration.ofSeconds(60));

    await().atMost(Duration.ofSeconds(10)).until(() -> store.webhookAttempts().size() == 2);
    clock.advance(Duration.ofDays(3));
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .until(() -> store.webhookAttempts().size() == 2);
    assertThat(store.webhookAttempts().get(1).succeeded()).isTrue();
    assertThat(receiver.received.get(0).header("webhook-id"))
        .isEqualTo(receiver.received.get(1).header("webhook-id"));
  }

  @Test
  void chaosDuplicatesAndDelaysDeliveries() {
    subscribe("store/customer/created", Map.of());
    store.setWebhookChaos(new DeliveryChaos(1.0, Duration.ofSeconds(30), 3));

    store.createCustomer("c@example.com", "C", "D");
    await()
        .during(Duration.ofMillis(100))
        .atMost(Duration.ofSeconds(2))
        .until(() -> receiver.received.isEmpty());
    clock.advance(Duration.ofSeconds(30));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received.size() == 2);
    assertThat(receiver.received.get(0).body()).isEqualTo(receiver.received.get(1).body());
  }

  @Test
  void hooksAreScopedToTheClientIdOfTheToken() {
    long hookId = subscribe("store/order/created", Map.of());
    store.addApiAccount("other-token", "client-b", null);
    Http other = new Http(sim.baseUrl() + "/stores/hook12", "other-token");

    assertThat(other.get("/v3/hooks").json().get("data")).isEmpty();
    assertThat(other.get("/v3/hooks/" + hookId).status()).isEqualTo(404);
    assertThat(api.get("/v3/hooks").json().get("data").get(0).get("client_id").asText())
        .isEqualTo("client-a");
    assertThat(
            api.post(
                    "/v3/hooks",
                    Map.of("scope", "store/order/created", "destination", receiver.url("/hook")))
                .status())
        .isEqualTo(422);
    assertThat(api.delete("/v3/hooks/" + hookId).json().get("data").get("id").asLong())
        .isEqualTo(hookId);
    assertThat(api.get("/v3/hooks").json().get("data")).isEmpty();
  }

  private long subscribe(String scope, Map<String, String> headers) {
    Http.Response r =
        api.post(
            "/v3/hooks",
            Map.of(
                "scope",
                scope,
                "destination",
                receiver.url("/hook"),
                "is_active",
                true,
                "headers",
                headers));
    assertThat(r.status()).isEqualTo(200);
    return r.json().get("data").get("id").asLong();
  }

  private static String hmac(String secret, String content) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return Base64.getEncoder()
        .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
  }
}
