package io.bcsync.admin;

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
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed input to the operator API is a 400 saying what was wrong, never a 500, and never
 * silently read as something else (an unparsable {@code before} used to list from the newest).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminInputTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject ObjectMapper mapper;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/admin/salesforce/changes?before=abc",
        "/admin/salesforce/changes?before=99999999999999999999999",
        "/admin/salesforce/changes?limit=99999999999",
        "/admin/salesforce/changes?limit=ten",
        "/admin/salesforce/sync-requests?before=1/../2",
        "/admin/salesforce/sync-requests?limit=1.5",
        "/admin/events?workItemId=abc",
        "/admin/events?limit=0",
        "/admin/work-items/abc",
        "/admin/work-items/99999999999999999999999",
        "/admin/work-items?status=LOST",
        "/admin/backfill/abc",
        "/admin/reviews?status=maybe",
        "/admin/match-report?store=teststore1&since=yesterday"
      })
  void a_query_or_path_value_that_does_not_parse_is_400(String path) throws Exception {
    assertBadRequest(httpGet(server.getURI(), path, ADMIN_TOKEN));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"ids\":[1]} trailing",
        "{\"ids\":[1]} {\"all\":true}",
        "{\"ids\":[1]}]",
        "{\"ids\":[\"x\"]}",
        "{\"ids\":[99999999999999999999999]}",
        "{\"all\":\"maybe\"}",
        "[",
        "{\"ids\":[]}"
      })
  void a_replay_body_that_is_not_exactly_one_valid_request_is_400(String body) throws Exception {
    assertBadRequest(postJson(server.getURI(), "/admin/dead-letters/replay", body, ADMIN_TOKEN));
  }

  @Test
  void a_backfill_request_with_trailing_content_is_400() throws Exception {
    assertBadRequest(
        postJson(
            server.getURI(),
            "/admin/backfill",
            "{\"store\":\"teststore1\",\"since\":\"2024-01-01\"} {\"store\":\"other\"}",
            ADMIN_TOKEN));
  }

  @Test
  void well_formed_values_still_work() throws Exception {
    HttpResponse<String> changes =
        httpGet(server.getURI(), "/admin/salesforce/changes?before=5&limit=10", ADMIN_TOKEN);
    assertThat(changes.statusCode()).as(changes.body()).isEqualTo(200);
    HttpResponse<String> requests =
        httpGet(server.getURI(), "/admin/salesforce/sync-requests?limit=10", ADMIN_TOKEN);
    assertThat(requests.statusCode()).as(requests.body()).isEqualTo(200);
    HttpResponse<String> replay =
        postJson(server.getURI(), "/admin/dead-letters/replay", "{\"ids\":[1]}\n", ADMIN_TOKEN);
    assertThat(replay.statusCode()).as(replay.body()).isEqualTo(200);
  }

  private void assertBadRequest(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode json = mapper.readTree(response.body());
    assertThat(json.get("error").asText()).isEqualTo("bad_request");
    assertThat(json.get("message").asText()).isNotBlank();
  }
}
