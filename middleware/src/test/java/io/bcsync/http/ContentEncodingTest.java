package io.bcsync.http;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.testsupport.CapturedLogs;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A body sent with a {@code Content-Encoding} other than {@code identity} is refused with a 415
 * before it is read, routed or authenticated: no decompression, no 500, no ERROR line.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentEncodingTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject Db db;
  @Inject ObjectMapper mapper;

  URI base;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @BeforeEach
  void setUp() {
    base = server.getURI();
    Tables.clear(db);
  }

  @Test
  void a_compressed_or_oddly_encoded_callback_is_415_and_stores_nothing() throws Exception {
    String body = orderCallback("store/order/created", 250, "h");
    byte[] gzipped = gzip(body);
    try (CapturedLogs logs = new CapturedLogs()) {
      // A valid gzip body, a body that only claims to be gzip (it used to be a 500 and an ERROR
      // line), and encodings the server never decoded.
      assertRefused(post(base, gzipped, withSecret("Content-Encoding", "gzip")));
      assertRefused(
          post(
              base, body.getBytes(StandardCharsets.UTF_8), withSecret("Content-Encoding", "gzip")));
      assertRefused(post(base, body, withSecret("Content-Encoding", "br")));
      assertRefused(post(base, body, withSecret("Content-Encoding", "identity, gzip")));
      assertRefused(post(base, body, withSecret("Content-Encoding", "x-" + "z".repeat(300))));
      // Unauthenticated: refused before the secret is looked at.
      assertRefused(post(base, gzipped, Map.of("Content-Encoding", "deflate")));

      assertThat(logs.atLeast(Level.ERROR)).isEmpty();
      assertThat(logs.atLeast(Level.INFO))
          .anySatisfy(line -> assertThat(line).contains("415").contains("'gzip'"))
          .noneSatisfy(line -> assertThat(line).contains(WebhookCalls.STORE_SECRET))
          .noneSatisfy(line -> assertThat(line).contains("z".repeat(50)));
    }
    assertThat(Tables.count(db, "webhook_event")).isZero();
    assertThat(Tables.count(db, "work_item")).isZero();
  }

  @Test
  void identity_is_no_encoding_at_all() throws Exception {
    HttpResponse<String> response =
        post(
            base,
            orderCallback("store/order/created", 251, "h"),
            withSecret("Content-Encoding", "identity"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(1);
  }

  @Test
  void the_rule_holds_for_every_endpoint_and_comes_before_the_admin_token() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/admin/dead-letters/replay"))
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzip("{\"all\":true}")))
            .build();
    assertRefused(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
  }

  private void assertRefused(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(415);
    JsonNode json = mapper.readTree(response.body());
    assertThat(json.get("error").asText()).isEqualTo("unsupported_media_type");
    assertThat(json.get("message").asText()).contains("Content-Encoding").contains("identity");
  }

  private static Map<String, String> withSecret(String name, String value) {
    Map<String, String> headers = new HashMap<>(secretHeader());
    headers.put(name, value);
    return headers;
  }

  private static byte[] gzip(String text) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
