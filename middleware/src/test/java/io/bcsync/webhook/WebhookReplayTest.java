package io.bcsync.webhook;

import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static io.bcsync.testsupport.WebhookCalls.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.bigcommerce.stores.InstalledStores;
import io.bcsync.db.Db;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 16 item 7: a captured callback cannot be sent again once its dedupe window has passed. An
 * app-installed store's callbacks must be signed (the client secret is configured); a callback
 * accepted on the secret header alone (a store in configuration) must be younger than
 * webhook-max-age (72 h by default, longer than BigCommerce's retries), and until then a copy of it
 * is a duplicate, however long after its dedupe window it comes. H2; the MariaDB subclass runs the
 * same cases there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookReplayTest implements TestPropertyProvider {
  static final String APP_STORE = "appstore1";
  static final String APP_STORE_SECRET = "app-store-hook-secret-0123456789";

  @Inject EmbeddedServer server;
  @Inject Db db;
  @Inject MutableClock clock;
  @Inject InstalledStores installed;
  @Inject ObjectMapper mapper;

  URI base;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.put("test.mutable-clock", "true");
    // The defaults under test, not the long age the shared fixtures need.
    properties.remove("bcsync.pipeline.webhook-max-age");
    properties.put("bcsync.staging.allowed-stores", WebhookCalls.STORE + "," + APP_STORE);
    properties.put(
        "bcsync.bigcommerce.app.token-encryption-key",
        Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @BeforeAll
  void installAppStore() {
    installed.saveInstall(APP_STORE, "app-token", APP_STORE_SECRET, "scope", "o@example.com");
  }

  @BeforeEach
  void setUp() {
    base = server.getURI();
    clock.set(System.currentTimeMillis());
    Tables.clear(db);
  }

  @Test
  void an_app_store_callback_with_only_the_secret_header_is_refused_like_a_bad_secret()
      throws Exception {
    String body = callback(APP_STORE, 1, nowSeconds());

    HttpResponse<String> response =
        post(base, body, Map.of("X-Bcsync-Webhook-Secret", APP_STORE_SECRET));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    assertThat(mapper.readTree(response.body()).get("error").asText()).isEqualTo("unauthorized");
    assertThat(Tables.count(db, "webhook_event")).isZero();
  }

  @Test
  void an_app_store_callback_in_the_signed_form_is_accepted_with_or_without_the_header()
      throws Exception {
    String body = callback(APP_STORE, 2, nowSeconds());

    assertThat(post(base, body, signedHeaders("msg_a1", nowSeconds(), body)).statusCode())
        .isEqualTo(200);
    assertThat(post(base, callback(APP_STORE, 3, nowSeconds()), Map.of()).statusCode())
        .isEqualTo(401);
    String other = callback(APP_STORE, 4, nowSeconds());
    Map<String, String> signedOther = new HashMap<>(signedHeaders("msg_a3", nowSeconds(), other));
    signedOther.put("X-Bcsync-Webhook-Secret", APP_STORE_SECRET);
    assertThat(post(base, other, signedOther).statusCode()).isEqualTo(200);
  }

  @Test
  void a_header_only_callback_replayed_after_webhook_max_age_is_refused() throws Exception {
    long createdAt = nowSeconds();
    String body = callback(WebhookCalls.STORE, 5, createdAt);
    assertThat(post(base, body, secretHeader()).statusCode()).isEqualTo(200);

    clock.advance(Duration.ofHours(72).plusMinutes(1));
    HttpResponse<String> replay = post(base, body, secretHeader());

    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(401);
    assertThat(mapper.readTree(replay.body()).get("error").asText()).isEqualTo("unauthorized");
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(1);
  }

  @Test
  void a_header_only_callback_replayed_after_its_dedupe_window_but_within_max_age_is_a_duplicate()
      throws Exception {
    String body = callback(WebhookCalls.STORE, 8, nowSeconds());
    assertThat(status(post(base, body, secretHeader()))).isEqualTo("accepted");

    // Past the 10-minute dedupe window: before issue 16 item 7's residual fix, accepted again.
    clock.advance(Duration.ofMinutes(11));
    HttpResponse<String> replay = post(base, body, secretHeader());
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(status(replay)).isEqualTo("duplicate");

    // The last minutes of webhook-max-age: still a duplicate.
    clock.advance(Duration.ofHours(72).minusMinutes(11).minusSeconds(30));
    assertThat(status(post(base, body, secretHeader()))).isEqualTo("duplicate");

    // Beyond it: refused as stale (not a duplicate), so no gap between the two.
    clock.advance(Duration.ofMinutes(1));
    assertThat(post(base, body, secretHeader()).statusCode()).isEqualTo(401);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(1);
    assertThat(Tables.count(db, "work_item")).isEqualTo(1);
  }

  @Test
  void a_signed_callback_keeps_the_usual_dedupe_window_for_its_payload() throws Exception {
    // Signed: the webhook-id (72 h) and the signature's 5-minute timestamp stop a replay, so the
    // payload key is not kept longer than before.
    String body = callback(WebhookCalls.STORE, 9, nowSeconds());
    assertThat(status(post(base, body, signedHeaders("msg_s1", nowSeconds(), body))))
        .isEqualTo("accepted");
    assertThat(status(post(base, body, signedHeaders("msg_s2", nowSeconds(), body))))
        .isEqualTo("duplicate");

    clock.advance(Duration.ofMinutes(11));
    assertThat(status(post(base, body, signedHeaders("msg_s3", nowSeconds(), body))))
        .isEqualTo("accepted");
    assertThat(status(post(base, body, signedHeaders("msg_s1", nowSeconds(), body))))
        .as("the same webhook-id stays a duplicate")
        .isEqualTo("duplicate");
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(2);
  }

  @Test
  void a_header_only_callback_without_created_at_keeps_the_usual_dedupe_window() throws Exception {
    // No age to bound it, and two genuine updates of one order carry equal hashes: keeping its key
    // for 72 h would drop the second (docs/pipeline.md, "Replay").
    String body = callback(WebhookCalls.STORE, 10, 0).replace(",\"created_at\":0", "");
    assertThat(status(post(base, body, secretHeader()))).isEqualTo("accepted");
    assertThat(status(post(base, body, secretHeader()))).isEqualTo("duplicate");

    clock.advance(Duration.ofMinutes(11));
    assertThat(status(post(base, body, secretHeader()))).isEqualTo("accepted");
  }

  @Test
  void bigcommerce_retries_of_a_header_only_callback_are_accepted_for_their_48_hours()
      throws Exception {
    // BigCommerce's last retry comes about 48 hours after the event (bigcommerce.md 3.4).
    String retried =
        callback(WebhookCalls.STORE, 6, nowSeconds() - Duration.ofHours(49).toSeconds());
    String withoutCreatedAt = callback(WebhookCalls.STORE, 7, 0).replace(",\"created_at\":0", "");

    assertThat(post(base, retried, secretHeader()).statusCode()).isEqualTo(200);
    // Some documented examples omit created_at: no age to check, still accepted.
    assertThat(post(base, withoutCreatedAt, secretHeader()).statusCode()).isEqualTo(200);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(2);
  }

  private String status(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return mapper.readTree(response.body()).get("status").asText();
  }

  private long nowSeconds() {
    return clock.millis() / 1000;
  }

  private static String callback(String store, long orderId, long createdAt) {
    return "{\"scope\":\"store/order/updated\",\"store_id\":\"1025646\",\"data\":{\"type\":\"order\","
        + "\"id\":"
        + orderId
        + "},\"hash\":\"h"
        + orderId
        + "\",\"created_at\":"
        + createdAt
        + ",\"producer\":\"stores/"
        + store
        + "\"}";
  }
}
