package io.bcsync.http;

import static io.bcsync.testsupport.WebhookCalls.ADMIN_TOKEN;
import static io.bcsync.testsupport.WebhookCalls.httpGet;
import static io.bcsync.testsupport.WebhookCalls.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Errors the framework answers by itself have the same {"error", "message"} shape as the
 * controllers' own.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonErrorBodiesTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject ObjectMapper mapper;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @Test
  void aQueryParameterThatDoesNotConvertIsA400NamingIt() throws Exception {
    HttpResponse<String> response =
        httpGet(server.getURI(), "/admin/events?limit=abc", ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.path("error").asText()).isEqualTo("bad_request");
    assertThat(body.path("message").asText()).contains("limit").contains("abc");
    assertThat(body.has("_links")).isFalse();
  }

  @Test
  void aPathVariableThatDoesNotConvertIsA400() throws Exception {
    HttpResponse<String> response =
        postJson(server.getURI(), "/admin/dead-letters/abc/replay", "", ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(response.body()).path("error").asText()).isEqualTo("bad_request");
  }

  @Test
  void anUnparsableBodyIsA400SayingSo() throws Exception {
    HttpResponse<String> response =
        postJson(server.getURI(), "/admin/dead-letters/replay", "{bad", ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.path("error").asText()).isEqualTo("bad_request");
    assertThat(body.path("message").asText()).containsIgnoringCase("json");
  }

  @Test
  void aMissingBodyIsA400() throws Exception {
    HttpResponse<String> response =
        postJson(server.getURI(), "/admin/dead-letters/replay", "", ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(response.body()).path("message").asText())
        .containsIgnoringCase("body");
  }

  @Test
  void anUnknownRouteIsA404InTheSameShape() throws Exception {
    HttpResponse<String> response = httpGet(server.getURI(), "/admin/no-such-thing", ADMIN_TOKEN);

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.path("error").asText()).isEqualTo("not_found");
    assertThat(body.path("message").asText()).isNotBlank();
  }

  @Test
  void aWrongMethodIsA405InTheSameShape() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.getURI() + "/webhooks/bigcommerce"))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(mapper.readTree(response.body()).path("error").asText())
        .isEqualTo("method_not_allowed");
  }
}
