package io.bcsync.webhook;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static io.bcsync.testsupport.WebhookCalls.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.SharedSpecs;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /webhooks/bigcommerce} over real HTTP, on H2. The MariaDB subclass runs the same
 * cases there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookIntakeTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject Db db;
  @Inject QueueInspector inspector;
  @Inject MutableClock clock;
  @Inject ObjectMapper mapper;

  URI base;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.put("test.mutable-clock", "true");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @BeforeEach
  void setUp() {
    base = server.getURI();
    clock.set(System.currentTimeMillis());
    Tables.clear(db);
  }

  @Test
  void valid_callback_is_committed_before_the_acknowledgement() throws Exception {
    String body = orderCallback("store/order/created", 250, "hash-a");

    HttpResponse<String> response = post(base, body, secretHeader());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode json = mapper.readTree(response.body());
    assertThat(json.get("status").asText()).isEqualTo("accepted");
    List<QueueInspector.StoredEvent> events =
        inspector.events(Optional.empty(), Optional.empty(), Optional.empty(), 10);
    assertThat(events)
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.id()).isEqualTo(json.get("eventId").asLong());
              assertThat(event.rawBody()).isEqualTo(body);
              assertThat(event.scope()).isEqualTo("store/order/created");
              assertThat(event.entity().key()).isEqualTo("teststore1|order|250");
              assertThat(event.bcCreatedAt()).isEqualTo(1561479335L);
              assertThat(event.receivedAtMs()).isEqualTo(clock.millis());
            });
    List<WorkItem> items = inspector.workItems(Optional.empty(), Optional.empty(), 10);
    assertThat(items)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.status()).isEqualTo(WorkItemStatus.PENDING);
              assertThat(item.entity().type()).isEqualTo("order");
              assertThat(item.entity().id()).isEqualTo("250");
            });
  }

  @Test
  void signed_callback_without_the_store_secret_is_accepted() throws Exception {
    String body = orderCallback("store/order/updated", 251, "hash-b");
    HttpResponse<String> response =
        post(base, body, signedHeaders("msg_1", clock.millis() / 1000, body));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(1);
  }

  @Test
  void wrong_store_secret_is_401_and_stores_nothing() throws Exception {
    HttpResponse<String> response =
        post(
            base,
            orderCallback("store/order/created", 1, "h"),
            Map.of("X-Bcsync-Webhook-Secret", "not-the-secret-at-all-000"));
    assertRejected(response, 401, "unauthorized");
  }

  @Test
  void missing_secret_and_signature_is_401() throws Exception {
    assertRejected(
        post(base, orderCallback("store/order/created", 1, "h"), Map.of()), 401, "unauthorized");
  }

  @Test
  void bad_signature_is_401_even_with_the_right_store_secret() throws Exception {
    String body = orderCallback("store/order/created", 2, "h");
    Map<String, String> headers =
        new HashMap<>(signedHeaders("msg_2", clock.millis() / 1000, body));
    headers.putAll(secretHeader());
    String tampered = body.replace("\"id\":2", "\"id\":3");
    assertRejected(post(base, tampered, headers), 401, "unauthorized");
  }

  @Test
  void expired_signature_timestamp_is_401() throws Exception {
    String body = orderCallback("store/order/created", 3, "h");
    long sixMinutesAgo = (clock.millis() - Duration.ofMinutes(6).toMillis()) / 1000;
    assertRejected(
        post(base, body, signedHeaders("msg_3", sixMinutesAgo, body)), 401, "unauthorized");
  }

  @Test
  void malformed_json_is_400() throws Exception {
    assertRejected(post(base, "{\"scope\": ", secretHeader()), 400, "malformed");
    assertRejected(post(base, "[1,2]", secretHeader()), 400, "malformed");
    assertRejected(
        post(base, new byte[] {(byte) 0xff, (byte) 0xfe}, secretHeader()), 400, "malformed");
  }

  @Test
  void missing_fields_are_400_naming_them() throws Exception {
    HttpResponse<String> response =
        post(
            base,
            "{\"scope\":\"store/order/created\",\"data\":{\"type\":\"order\",\"id\":1},\"producer\":\"stores/teststore1\"}",
            secretHeader());
    assertRejected(response, 400, "malformed");
    assertThat(response.body()).contains("store_id").contains("hash");
  }

  @Test
  void wrongly_typed_fields_are_400() throws Exception {
    String body =
        orderCallback("store/order/created", 4, "h").replace("1561479335", "\"yesterday\"");
    assertRejected(post(base, body, secretHeader()), 400, "malformed");
    String badProducer =
        orderCallback("store/order/created", 4, "h").replace("stores/teststore1", "teststore1");
    assertRejected(post(base, badProducer, secretHeader()), 400, "malformed");
  }

  @Test
  void oversize_body_is_413() throws Exception {
    // The server's own limit is the intake's (micronaut.server.max-request-size =
    // bcsync.pipeline.max-body-bytes), so the server refuses it before buffering it whole.
    String padding = "x".repeat(70_000);
    String body =
        orderCallback("store/order/created", 5, "h")
            .replace("\"hash\"", "\"pad\":\"" + padding + "\",\"hash\"");
    assertRejected(post(base, body, secretHeader()), 413, "request_entity_too_large");
  }

  @Test
  void a_body_beyond_the_server_limit_is_413_too() throws Exception {
    HttpResponse<String> response = post(base, new byte[2 * 1024 * 1024], secretHeader());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(Tables.count(db, "webhook_event")).isZero();
  }

  @Test
  void an_unknown_store_gets_the_same_401_as_a_wrong_secret() throws Exception {
    // Issue 16 item 4: the answer must not tell which store hashes exist.
    String unknown =
        orderCallback("store/order/created", 6, "h")
            .replace("stores/teststore1", "stores/otherstore");
    HttpResponse<String> unknownStore = post(base, unknown, secretHeader());
    HttpResponse<String> wrongSecret =
        post(
            base,
            orderCallback("store/order/created", 6, "h"),
            Map.of("X-Bcsync-Webhook-Secret", "not-the-secret-at-all-000"));

    assertRejected(unknownStore, 401, "unauthorized");
    assertRejected(wrongSecret, 401, "unauthorized");
    assertThat(unknownStore.body()).isEqualTo(wrongSecret.body());
    assertThat(unknownStore.body()).doesNotContain("otherstore");
  }

  @Test
  void same_webhook_id_is_acknowledged_once() throws Exception {
    String body = orderCallback("store/order/created", 7, "h7");
    Map<String, String> headers = signedHeaders("msg_7", clock.millis() / 1000, body);

    HttpResponse<String> first = post(base, body, headers);
    // A retry by BigCommerce hours later carries the same webhook-id (and a fresh timestamp and
    // signature).
    clock.advance(Duration.ofHours(2));
    String retryBody = body.replace("\"hash\":\"h7\"", "\"hash\":\"h7-retry\"");
    HttpResponse<String> retry =
        post(base, retryBody, signedHeaders("msg_7", clock.millis() / 1000, retryBody));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(mapper.readTree(retry.body()).get("status").asText()).isEqualTo("duplicate");
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(1);
  }

  @Test
  void same_producer_scope_resource_and_hash_is_a_duplicate_only_within_the_window()
      throws Exception {
    // Signed, each delivery with its own webhook-id: a callback on the secret header alone keeps
    // its
    // key until webhook-max-age instead (WebhookReplayTest).
    String body = orderCallback("store/order/updated", 8, "h8");

    assertThat(post(base, body, signedHeaders("msg_8a", clock.millis() / 1000, body)).statusCode())
        .isEqualTo(200);
    HttpResponse<String> repeat =
        post(base, body, signedHeaders("msg_8b", clock.millis() / 1000, body));
    assertThat(mapper.readTree(repeat.body()).get("status").asText()).isEqualTo("duplicate");
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(11));
    HttpResponse<String> later =
        post(base, body, signedHeaders("msg_8c", clock.millis() / 1000, body));
    assertThat(mapper.readTree(later.body()).get("status").asText()).isEqualTo("accepted");
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(2);
  }

  @Test
  void same_hash_at_another_created_at_is_a_new_change_not_a_duplicate() throws Exception {
    String first = orderCallback("store/order/updated", 11, "same-data-hash");
    String second = first.replace("1561479335", "1561479399");
    assertThat(mapper.readTree(post(base, first, secretHeader()).body()).get("status").asText())
        .isEqualTo("accepted");
    assertThat(mapper.readTree(post(base, second, secretHeader()).body()).get("status").asText())
        .isEqualTo("accepted");
  }

  @Test
  void same_hash_for_another_scope_or_order_is_not_a_duplicate() throws Exception {
    post(base, orderCallback("store/order/updated", 9, "same"), secretHeader());
    post(base, orderCallback("store/order/statusUpdated", 9, "same"), secretHeader());
    post(base, orderCallback("store/order/updated", 10, "same"), secretHeader());
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(3);
  }

  @Test
  void every_official_example_payload_is_accepted() throws Exception {
    Path examples = SharedSpecs.bigCommerce().resolve("models/webhooks/data");
    List<Path> files;
    try (Stream<Path> list = Files.list(examples)) {
      // store_app_uninstalled.json is an empty file in the official repository; there is nothing to
      // send.
      files =
          list.filter(p -> p.toString().endsWith(".json"))
              .filter(p -> p.toFile().length() > 0)
              .sorted()
              .toList();
    }
    assertThat(files).hasSizeGreaterThan(40);
    java.util.Set<String> distinctDeliveries = new java.util.HashSet<>();
    for (Path file : files) {
      String body =
          Files.readString(file).replace("stores/{store_hash}", "stores/" + WebhookCalls.STORE);
      HttpResponse<String> response = post(base, body, secretHeader());
      assertThat(response.statusCode())
          .as(file.getFileName() + ": " + response.body())
          .isEqualTo(200);
      JsonNode json = mapper.readTree(body);
      // Some official examples are copies with the same scope, data, hash and time: those are
      // duplicates.
      distinctDeliveries.add(
          json.get("scope")
              + "|"
              + json.get("data")
              + "|"
              + json.get("hash")
              + "|"
              + json.get("created_at"));
    }
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(distinctDeliveries.size());
    assertThat(Tables.count(db, "webhook_event")).isGreaterThan(35);
  }

  @Test
  void every_example_callback_of_the_current_webhooks_reference_is_accepted() throws Exception {
    String spec =
        Files.readString(
            SharedSpecs.bigCommerce().resolve("bigcommerce-docs/reference/webhooks.v3.yml"));
    Matcher block = Pattern.compile("```json[^\\n]*\\n(.*?)```", Pattern.DOTALL).matcher(spec);
    int sent = 0;
    while (block.find()) {
      String example = block.group(1);
      // The generic "callback structure" block has <PLACEHOLDERS> instead of values.
      if (example.contains("<") || !example.contains("\"scope\"")) {
        continue;
      }
      String body = example.replace("stores/{store_hash}", "stores/" + WebhookCalls.STORE);
      HttpResponse<String> response = post(base, body, secretHeader());
      assertThat(response.statusCode()).as(body + " -> " + response.body()).isEqualTo(200);
      sent++;
    }
    assertThat(sent).isGreaterThan(40);
  }

  private void assertRejected(HttpResponse<String> response, int status, String error)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(mapper.readTree(response.body()).get("error").asText()).isEqualTo(error);
    assertThat(Tables.count(db, "webhook_event")).isZero();
    assertThat(Tables.count(db, "work_item")).isZero();
  }
}
