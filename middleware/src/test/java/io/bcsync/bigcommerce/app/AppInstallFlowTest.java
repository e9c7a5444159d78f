package io.bcsync.bigcommerce.app;

import static io.bcsync.bigcommerce.app.SimulatedAppInstall.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.bigcommerce.stores.InstalledStores;
import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.app.AppRegistration;
import io.bcsync.sim.bigcommerce.app.SignedPayloads;
import io.bcsync.sim.bigcommerce.store.Hook;
import io.bcsync.sync.routing.WorkRouter;
import io.bcsync.testsupport.RecordingStoreReader;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The single-click app against the simulated BigCommerce: install, hooks with per-store secrets, a
 * webhook turned into a batch read, re-install, signed payload verification, uninstall. H2.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppInstallFlowTest implements TestPropertyProvider {
  static final String CLIENT_ID = "bcsync-test-app";
  static final String CLIENT_SECRET = "app-client-secret-0123456789abcdef0123456789";

  @Inject InstalledStores installed;
  @Inject ConnectedStores connected;
  @Inject AppManifest manifest;
  @Inject RecordingStoreReader reads;
  @Inject WorkRouter router;
  @Inject Db db;

  SimulatedAppInstall bc;

  @Override
  public Map<String, String> getProperties() {
    bc =
        SimulatedAppInstall.start(
            CLIENT_ID, CLIENT_SECRET, "store_v2_orders_read_only store_v2_customers");
    Map<String, String> properties = bc.properties(TestDatabases.h2());
    // The web-server flow is configured (against this unreached login host), and still the app
    // page must not start it (issue 16).
    properties.put("bcsync.salesforce.auth-mode", "web-server");
    properties.put("bcsync.salesforce.login-url", "https://test.salesforce.com");
    properties.put("bcsync.salesforce.client-id", "sf-consumer-key");
    properties.put("bcsync.salesforce.client-secret", "sf-consumer-secret");
    properties.put("bcsync.salesforce.redirect-uri", bc.publicUrl() + "/salesforce/oauth/callback");
    properties.put(
        "bcsync.salesforce.token-encryption-key",
        Base64.getEncoder()
            .encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8)));
    properties.put("bcsync.pipeline.idle-poll-interval", "100ms");
    properties.put("test.recording-store-reader", "true");
    // The staging environment guard: only these stores may install (shop7 is the refused one).
    properties.put("bcsync.staging.allowed-stores", "shop1,shop2,shop3,shop4,shop5,shop6,shop9");
    return properties;
  }

  @AfterAll
  void stopSimulator() {
    bc.close();
  }

  @Test
  void
      install_registers_the_manifest_hooks_with_a_secret_and_an_order_arrives_as_a_verified_webhook_and_batch_read() {
    SimulatedStore store = bc.sim().createStore(BigCommerceSimulator.StoreSpec.named("shop1"));

    assertThat(bc.sim().installApp("shop1", CLIENT_ID).callbackStatus()).isEqualTo(200);

    InstalledStores.InstalledStore saved = installed.find("shop1").orElseThrow();
    assertThat(saved.installed()).isTrue();
    String secret = saved.webhookSecret().orElseThrow();
    List<Hook> hooks = appHooks(store);
    assertThat(hooks)
        .extracting(h -> h.scope)
        .containsExactlyInAnyOrderElementsOf(
            manifest.hooks().stream().map(AppManifest.HookSpec::scope).toList());
    assertThat(hooks)
        .allSatisfy(
            hook -> {
              assertThat(hook.headers).containsEntry("X-Bcsync-Webhook-Secret", secret);
              assertThat(hook.destination).startsWith(bc.publicUrl() + "/webhooks/bigcommerce");
              assertThat(hook.active).isTrue();
            });
    assertThat(rawColumn("shop1", "access_token_enc"))
        .startsWith("v1:")
        .doesNotContain(saved.accessToken().get());

    long customer = store.createCustomer("buyer@example.com", "Bea", "Buyer");
    long product = store.createProduct("Kettle", "KET-1", new BigDecimal("24.50"));
    long orderId = store.placeOrder(customer, product);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(reads.orders())
                    .anySatisfy(
                        read -> {
                          assertThat(read.storeHash()).isEqualTo("shop1");
                          assertThat(read.document().id()).isEqualTo(orderId);
                          JsonNode order = read.document().json();
                          assertThat(new BigDecimal(order.path("total_inc_tax").asText()))
                              .isEqualByComparingTo("24.50");
                          assertThat(order.path("products"))
                              .singleElement()
                              .satisfies(
                                  line -> assertThat(line.path("sku").asText()).isEqualTo("KET-1"));
                        }));
    assertThat(store.webhookAttempts())
        .isNotEmpty()
        .allSatisfy(attempt -> assertThat(attempt.status()).isEqualTo(200));
  }

  @Test
  void a_staging_service_refuses_to_install_on_a_store_that_is_not_allow_listed() {
    bc.sim().createStore(BigCommerceSimulator.StoreSpec.named("shop7"));

    assertThat(bc.sim().installApp("shop7", CLIENT_ID).callbackStatus()).isEqualTo(403);

    assertThat(installed.find("shop7")).isEmpty();
  }

  @Test
  void reinstall_replaces_the_token_and_the_hook_secret_without_duplicating_hooks() {
    SimulatedStore store = bc.sim().createStore(BigCommerceSimulator.StoreSpec.named("shop2"));
    bc.sim().installApp("shop2", CLIENT_ID);
    String firstToken = installed.find("shop2").orElseThrow().accessToken().orElseThrow();
    String firstSecret = installed.find("shop2").orElseThrow().webhookSecret().orElseThrow();

    assertThat(bc.sim().installApp("shop2", CLIENT_ID).callbackStatus()).isEqualTo(200);

    InstalledStores.InstalledStore now = installed.find("shop2").orElseThrow();
    assertThat(now.accessToken().orElseThrow()).isNotEqualTo(firstToken);
    assertThat(now.webhookSecret().orElseThrow()).isNotEqualTo(firstSecret);
    boolean oldTokenWorks = store.read(s -> s.credential(firstToken).isPresent());
    assertThat(oldTokenWorks).isFalse();
    assertThat(appHooks(store))
        .hasSize(manifest.hooks().size())
        .allSatisfy(
            h ->
                assertThat(h.headers)
                    .containsEntry("X-Bcsync-Webhook-Secret", now.webhookSecret().get()));
  }

  @Test
  void load_renders_the_store_page_only_for_a_valid_signed_payload() throws Exception {
    bc.sim().createStore(BigCommerceSimulator.StoreSpec.named("shop3"));
    bc.sim().installApp("shop3", CLIENT_ID);
    SignedPayloads.StoreUser owner = new SignedPayloads.StoreUser(1, "owner@shop3.example");
    String valid = SignedPayloads.create(bc.app(), "shop3", owner, owner, Instant.now(), "/");

    HttpResponse<String> page = bc.get("/bc/load?signed_payload_jwt=" + enc(valid));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("text/html"));
    assertThat(page.body())
        .contains(
            "shop3",
            "BigCommerce",
            "Connected",
            "Salesforce",
            "Not connected",
            "ask your bcsync administrator to connect Salesforce",
            "Dead letters",
            "Waiting in the queue");
    // Issue 16: anyone who can open this page (any control-panel user of any store, anyone with a
    // load URL) used to get a live, unbound OAuth state here and could connect bcsync to their own
    // org. The page now offers no way to start the flow at all.
    assertThat(page.body())
        .contains("Only your bcsync administrator can connect or change the Salesforce org")
        .doesNotContain("oauth2/authorize")
        .doesNotContain("state=")
        .doesNotContain("salesforce/oauth/start")
        .doesNotContain("<a class=\"button\"");

    String tampered =
        valid.substring(0, valid.length() - 3) + (valid.endsWith("AAA") ? "BBB" : "AAA");
    String expired =
        SignedPayloads.create(
            bc.app(), "shop3", owner, owner, Instant.now().minus(Duration.ofDays(2)), "/");
    AppRegistration otherApp =
        new AppRegistration("another-app", CLIENT_SECRET, null, null, null, null, "x");
    String wrongAudience =
        SignedPayloads.create(otherApp, "shop3", owner, owner, Instant.now(), "/");
    String otherSecret =
        SignedPayloads.create(
            new AppRegistration(
                CLIENT_ID, "a-different-secret-0123456789abcdef0123", null, null, null, null, "x"),
            "shop3",
            owner,
            owner,
            Instant.now(),
            "/");
    for (String bad : List.of(tampered, expired, wrongAudience, otherSecret, "not-a-jwt")) {
      assertThat(bc.get("/bc/load?signed_payload_jwt=" + enc(bad)).statusCode())
          .as(bad)
          .isEqualTo(401);
      assertThat(bc.get("/bc/uninstall?signed_payload_jwt=" + enc(bad)).statusCode())
          .isEqualTo(401);
      assertThat(bc.get("/bc/remove_user?signed_payload_jwt=" + enc(bad)).statusCode())
          .isEqualTo(401);
    }
    assertThat(bc.get("/bc/load").statusCode()).isEqualTo(401);
    assertThat(installed.find("shop3").orElseThrow().installed()).isTrue();
    assertThat(installed.find("shop3").orElseThrow().accessToken()).isPresent();
  }

  @Test
  void the_legacy_signed_payload_is_refused_even_when_its_signature_is_valid() throws Exception {
    bc.sim().createStore(BigCommerceSimulator.StoreSpec.named("shop4"));
    bc.sim().installApp("shop4", CLIENT_ID);
    String json =
        "{\"user\":{\"id\":7,\"email\":\"clerk@shop4.example\"},\"owner\":{\"id\":1,\"email\":\"o@x\"},"
            + "\"context\":\"stores/shop4\",\"store_hash\":\"shop4\",\"timestamp\":"
            + (System.currentTimeMillis() / 1000.0)
            + "}";
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = HexFormat.of().formatHex(mac.doFinal(json.getBytes(StandardCharsets.UTF_8)));
    String payload =
        Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))
            + "."
            + Base64.getEncoder().encodeToString(signature.getBytes(StandardCharsets.UTF_8));
    String forged =
        Base64.getEncoder()
                .encodeToString(json.replace("shop4", "shop3").getBytes(StandardCharsets.UTF_8))
            + "."
            + Base64.getEncoder().encodeToString(signature.getBytes(StandardCharsets.UTF_8));

    // BigCommerce sends signed_payload_jwt since 2022; the legacy form has no jti or expiry.
    HttpResponse<String> legacy = bc.get("/bc/load?signed_payload=" + enc(payload));
    assertThat(legacy.statusCode()).isEqualTo(401);
    assertThat(legacy.body()).doesNotContain("clerk@shop4.example").contains("signed_payload_jwt");
    assertThat(bc.get("/bc/uninstall?signed_payload=" + enc(payload)).statusCode()).isEqualTo(401);
    assertThat(bc.get("/bc/load?signed_payload=" + enc(forged)).statusCode()).isEqualTo(401);
    assertThat(installed.find("shop4").orElseThrow().installed()).isTrue();
  }

  @Test
  void bad_install_requests_get_a_clear_4xx_and_store_nothing() throws Exception {
    assertThat(bc.get("/bc/auth?scope=x&context=stores/shop9").statusCode()).isEqualTo(400);
    assertThat(bc.get("/bc/auth?code=abc&scope=x&context=nonsense").statusCode()).isEqualTo(400);
    HttpResponse<String> badCode =
        bc.get("/bc/auth?code=never-issued&scope=x&context=stores/shop9");
    assertThat(badCode.statusCode()).isEqualTo(401);
    assertThat(badCode.body()).doesNotContain("never-issued").doesNotContain(CLIENT_SECRET);
    assertThat(installed.find("shop9")).isEmpty();
  }

  @Test
  void uninstall_deletes_the_tokens_and_stops_processing_for_that_store_only() throws Exception {
    SimulatedStore store = bc.sim().createStore(BigCommerceSimulator.StoreSpec.named("shop5"));
    bc.sim().createStore(BigCommerceSimulator.StoreSpec.named("shop6"));
    bc.sim().installApp("shop5", CLIENT_ID);
    bc.sim().installApp("shop6", CLIENT_ID);
    String secret = installed.find("shop5").orElseThrow().webhookSecret().orElseThrow();

    assertThat(bc.sim().uninstallApp("shop5", CLIENT_ID)).isEqualTo(200);

    InstalledStores.InstalledStore gone = installed.find("shop5").orElseThrow();
    assertThat(gone.installed()).isFalse();
    assertThat(gone.accessToken()).isEmpty();
    assertThat(rawColumn("shop5", "access_token_enc")).isNull();
    assertThat(connected.find("shop5")).isEmpty();
    assertThat(connected.find("shop6")).isPresent();
    assertThat(connected.withApiAccess())
        .extracting(s -> s.storeHash())
        .doesNotContain("shop5")
        .contains("shop6");
    String callback =
        "{\"scope\":\"store/order/created\",\"store_id\":\""
            + store.storeId()
            + "\",\"data\":{\"type\":"
            + "\"order\",\"id\":1},\"hash\":\"h\",\"created_at\":1561479335,\"producer\":\"stores/shop5\"}";
    assertThat(
            WebhookCalls.post(
                    URI.create(bc.publicUrl()), callback, Map.of("X-Bcsync-Webhook-Secret", secret))
                .statusCode())
        .isEqualTo(401);
    WorkItem queued =
        new WorkItem(
            1,
            new EntityRef("shop5", "order", "1"),
            WorkItemStatus.IN_PROGRESS,
            List.of("store/order/created"),
            1,
            0,
            0,
            null,
            0,
            0,
            null,
            null,
            0,
            null);
    Map<Long, Outcome> outcomes = router.handle(List.of(queued));
    assertThat(outcomes.get(1L))
        .isInstanceOfSatisfying(
            Outcome.Failure.class, failure -> assertThat(failure.permanent()).isTrue());
  }

  private List<Hook> appHooks(SimulatedStore store) {
    return store.read(
        s -> s.hooks.values().stream().filter(h -> h.clientId.equals(CLIENT_ID)).toList());
  }

  private String rawColumn(String storeHash, String column) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT " + column + " FROM bc_store WHERE store_hash = ?")) {
            select.setString(1, storeHash);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              return rs.getString(1);
            }
          }
        });
  }
}
