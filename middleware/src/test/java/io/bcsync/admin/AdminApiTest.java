package io.bcsync.admin;

import static io.bcsync.testsupport.WebhookCalls.ADMIN_TOKEN;
import static io.bcsync.testsupport.WebhookCalls.httpGet;
import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.postJson;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.pipeline.BatchProcessor;
import io.bcsync.pipeline.Outcome;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The operator API, health and metrics over real HTTP, and who may read them. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject Db db;
  @Inject BatchProcessor processor;
  @Inject ScriptedHandler handler;
  @Inject ObjectMapper mapper;

  URI base;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("test.scripted-handler", "true");
    return properties;
  }

  @BeforeEach
  void setUp() {
    base = server.getURI();
    Tables.clear(db);
    handler.reset();
  }

  @Test
  void admin_endpoints_require_the_bearer_token() throws Exception {
    for (String path :
        new String[] {
          "/admin/events", "/admin/work-items", "/admin/dead-letters", "/admin/counts"
        }) {
      assertThat(httpGet(base, path, null).statusCode()).as(path).isEqualTo(401);
      assertThat(httpGet(base, path, "wrong-token-wrong-token").statusCode())
          .as(path)
          .isEqualTo(401);
      assertThat(httpGet(base, path, ADMIN_TOKEN).statusCode()).as(path).isEqualTo(200);
    }
    assertThat(postJson(base, "/admin/dead-letters/replay", "{\"all\":true}", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void lists_events_and_work_items_with_status_filters_and_paging() throws Exception {
    for (int i = 1; i <= 3; i++) {
      post(base, orderCallback("store/order/created", i, "h" + i), secretHeader());
    }
    handler.script(
        ScriptedHandler.eachItem(
            item ->
                item.entity().id().equals("2")
                    ? Outcome.permanent("cannot map order 2")
                    : Outcome.SUCCESS));
    processor.processDueBatch();

    JsonNode all = json(httpGet(base, "/admin/events?limit=2", ADMIN_TOKEN));
    assertThat(all.get("items")).hasSize(2);
    long nextBefore = all.get("nextBefore").asLong();
    JsonNode rest = json(httpGet(base, "/admin/events?limit=2&before=" + nextBefore, ADMIN_TOKEN));
    assertThat(rest.get("items")).hasSize(1);
    assertThat(rest.get("nextBefore").isNull()).isTrue();

    JsonNode dead = json(httpGet(base, "/admin/events?status=dead", ADMIN_TOKEN));
    assertThat(dead.get("items")).hasSize(1);
    assertThat(dead.get("items").get(0).get("entity").get("id").asText()).isEqualTo("2");
    assertThat(json(httpGet(base, "/admin/work-items?status=DONE", ADMIN_TOKEN)).get("items"))
        .hasSize(2);

    JsonNode counts = json(httpGet(base, "/admin/counts", ADMIN_TOKEN));
    assertThat(counts.get("workItems").get("DONE").asLong()).isEqualTo(2);
    assertThat(counts.get("workItems").get("DEAD").asLong()).isEqualTo(1);
  }

  @Test
  void dead_letters_show_their_last_error_and_replay_one_or_all() throws Exception {
    post(base, orderCallback("store/order/created", 10, "a"), secretHeader());
    post(base, orderCallback("store/order/created", 11, "b"), secretHeader());
    post(base, orderCallback("store/order/created", 12, "c"), secretHeader());
    handler.script(
        ScriptedHandler.eachItem(item -> Outcome.permanent("Salesforce said INVALID_FIELD")));
    processor.processDueBatch();

    JsonNode deadLetters = json(httpGet(base, "/admin/dead-letters", ADMIN_TOKEN)).get("items");
    assertThat(deadLetters).hasSize(3);
    assertThat(deadLetters.get(0).get("lastError").asText())
        .isEqualTo("Salesforce said INVALID_FIELD");

    long firstId = deadLetters.get(0).get("id").asLong();
    HttpResponse<String> one =
        postJson(base, "/admin/dead-letters/" + firstId + "/replay", "", ADMIN_TOKEN);
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(json(one).get("result").asText()).isEqualTo("REQUEUED");
    assertThat(
            postJson(base, "/admin/dead-letters/" + firstId + "/replay", "", ADMIN_TOKEN)
                .statusCode())
        .isEqualTo(409);
    assertThat(postJson(base, "/admin/dead-letters/987654/replay", "", ADMIN_TOKEN).statusCode())
        .isEqualTo(404);

    JsonNode rest =
        json(postJson(base, "/admin/dead-letters/replay", "{\"all\":true}", ADMIN_TOKEN));
    assertThat(rest.get("results")).hasSize(2);

    handler.script(ScriptedHandler::allSucceed);
    processor.processDueBatch();
    assertThat(json(httpGet(base, "/admin/dead-letters", ADMIN_TOKEN)).get("items")).isEmpty();
    assertThat(
            json(httpGet(base, "/admin/counts", ADMIN_TOKEN)).get("workItems").get("DONE").asLong())
        .isEqualTo(3);
  }

  @Test
  void dead_letters_filter_by_kind_and_error_and_replay_all_that_match() throws Exception {
    post(base, orderCallback("store/order/created", 20, "a"), secretHeader());
    post(base, orderCallback("store/order/created", 21, "b"), secretHeader());
    post(base, orderCallback("store/order/created", 22, "c"), secretHeader());
    handler.script(
        ScriptedHandler.eachItem(
            item ->
                Outcome.permanent(
                    item.entity().id().equals("21")
                        ? "Salesforce said REQUIRED_FIELD_MISSING: Name"
                        : "Salesforce said INVALID_FIELD (50%_off)")));
    processor.processDueBatch();

    JsonNode invalid =
        json(httpGet(base, "/admin/dead-letters?error=invalid_field", ADMIN_TOKEN)).get("items");
    assertThat(invalid).hasSize(2);
    // LIKE wildcards in the text are literals: "%_" matches only itself.
    assertThat(json(httpGet(base, "/admin/dead-letters?error=50%25_off", ADMIN_TOKEN)).get("items"))
        .hasSize(2);
    assertThat(json(httpGet(base, "/admin/dead-letters?error=5%25f", ADMIN_TOKEN)).get("items"))
        .isEmpty();
    assertThat(json(httpGet(base, "/admin/dead-letters?kind=customer", ADMIN_TOKEN)).get("items"))
        .isEmpty();
    assertThat(
            json(httpGet(
                    base,
                    "/admin/dead-letters?store=" + WebhookCalls.STORE + "&kind=order",
                    ADMIN_TOKEN))
                .get("items"))
        .hasSize(3);

    JsonNode replayed =
        json(
            postJson(
                base,
                "/admin/dead-letters/replay",
                "{\"all\":true,\"error\":\"INVALID_FIELD\"}",
                ADMIN_TOKEN));
    assertThat(replayed.get("results")).hasSize(2);
    JsonNode left = json(httpGet(base, "/admin/dead-letters", ADMIN_TOKEN)).get("items");
    assertThat(left).hasSize(1);
    assertThat(left.get(0).get("entity").get("id").asText()).isEqualTo("21");
    assertBadRequest(
        postJson(
            base, "/admin/dead-letters/replay", "{\"ids\":[1],\"kind\":\"order\"}", ADMIN_TOKEN),
        "filter all=true only");
  }

  @Test
  void the_overview_counts_what_each_store_received_synced_and_dead_lettered() throws Exception {
    post(base, orderCallback("store/order/created", 30, "a"), secretHeader());
    post(base, orderCallback("store/order/created", 31, "b"), secretHeader());
    handler.script(
        ScriptedHandler.eachItem(
            item ->
                item.entity().id().equals("31")
                    ? Outcome.permanent("Salesforce said INVALID_FIELD")
                    : Outcome.SUCCESS));
    processor.processDueBatch();

    JsonNode overview = json(httpGet(base, "/admin/overview", ADMIN_TOKEN));
    JsonNode store = overview.get("stores").get(0);
    assertThat(store.get("store").asText()).isEqualTo(WebhookCalls.STORE);
    assertThat(store.get("totals").get("received").asLong()).isEqualTo(2);
    assertThat(store.get("totals").get("synced").asLong()).isEqualTo(1);
    assertThat(store.get("totals").get("dead").asLong()).isEqualTo(1);
    assertThat(store.get("series")).hasSize(60);
    assertThat(overview.get("bucketSeconds").asLong()).isEqualTo(60);
    assertThat(overview.get("recentErrors").get(0).get("error").asText())
        .isEqualTo("Salesforce said INVALID_FIELD");
    JsonNode day = json(httpGet(base, "/admin/overview?window=day", ADMIN_TOKEN));
    assertThat(day.get("stores").get(0).get("series")).hasSize(144);
    assertThat(day.get("stores").get(0).get("totals").get("received").asLong()).isEqualTo(2);
    assertThat(httpGet(base, "/admin/overview?window=week", ADMIN_TOKEN).statusCode())
        .isEqualTo(400);
  }

  @Test
  void bad_admin_input_is_a_clear_400() throws Exception {
    assertBadRequest(
        httpGet(base, "/admin/work-items?status=sleeping", ADMIN_TOKEN), "status must be one of");
    assertBadRequest(httpGet(base, "/admin/events?limit=0", ADMIN_TOKEN), "limit must be between");
    assertBadRequest(
        postJson(base, "/admin/dead-letters/replay", "{}", ADMIN_TOKEN), "ids must list");
    assertBadRequest(
        postJson(base, "/admin/dead-letters/replay", "{\"ids\":[1],\"all\":true}", ADMIN_TOKEN),
        "either ids or all");
    assertThat(postJson(base, "/admin/dead-letters/replay", "{not json", ADMIN_TOKEN).statusCode())
        .isEqualTo(400);
    assertThat(httpGet(base, "/admin/work-items/abc", ADMIN_TOKEN).statusCode()).isEqualTo(400);
  }

  @Test
  void health_shows_its_details_only_to_the_admin_token() throws Exception {
    HttpResponse<String> anonymous = httpGet(base, "/health", null);
    assertThat(anonymous.statusCode()).isEqualTo(200);
    assertThat(json(anonymous).get("status").asText()).isEqualTo("UP");
    assertThat(anonymous.body()).doesNotContain("jdbc", "database", "diskSpace");

    HttpResponse<String> wrongToken = httpGet(base, "/health", "wrong-token-wrong-token");
    assertThat(wrongToken.statusCode()).isEqualTo(200);
    assertThat(wrongToken.body()).doesNotContain("jdbc");

    HttpResponse<String> admin = httpGet(base, "/health", ADMIN_TOKEN);
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(json(admin).get("status").asText()).isEqualTo("UP");
    assertThat(admin.body()).contains("jdbc");
  }

  @Test
  void prometheus_needs_the_admin_token_and_then_exposes_pipeline_metrics() throws Exception {
    assertThat(httpGet(base, "/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(httpGet(base, "/prometheus", "wrong-token-wrong-token").statusCode()).isEqualTo(401);

    post(base, orderCallback("store/order/created", 20, "m1"), secretHeader());
    post(base, orderCallback("store/order/created", 20, "m1"), secretHeader());
    post(base, orderCallback("store/order/created", 21, "m2"), Map.of());

    HttpResponse<String> metrics = httpGet(base, "/prometheus", ADMIN_TOKEN);
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("bcsync_webhooks_received_total \\d")
        .containsPattern("bcsync_webhooks_duplicate_total \\d")
        .contains("bcsync_webhooks_rejected_total{reason=\"unauthorized\"}")
        .contains("bcsync_items_processed_total")
        .contains("bcsync_items_retried_total")
        .contains("bcsync_items_dead_lettered_total")
        .contains("bcsync_queue_depth 1.0")
        .contains("bcsync_queue_oldest_pending_age_seconds");
  }

  private void assertBadRequest(HttpResponse<String> response, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(json(response).get("message").asText()).contains(message);
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return mapper.readTree(response.body());
  }
}
