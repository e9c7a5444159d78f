package io.bcsync.backfill;

import static io.bcsync.testsupport.WebhookCalls.ADMIN_TOKEN;
import static io.bcsync.testsupport.WebhookCalls.httpGet;
import static io.bcsync.testsupport.WebhookCalls.postJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Backfills through the admin API against the BigCommerce simulator, advanced step by step (the
 * cluster job is off; {@link BackfillResumeTest} runs it through the scheduler). Workers are off so
 * the queue can be inspected and drained by hand.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillTest implements TestPropertyProvider {
  static final String BIG = "bfbig1";
  static final String SMALL = "bfsmall1";
  static final String OTHER = "bfother1";
  static final String SCRIPTED = "bfscript1";
  static final String FAILING = "bffail1";
  static final Instant OLD = Instant.parse("2023-06-01T10:00:00Z");
  static final Instant RECENT = Instant.parse("2024-03-01T10:00:00Z");
  static final int HIGH_WATER = 700;

  @Inject EmbeddedServer server;
  @Inject BackfillRunner runner;
  @Inject QueueInspector inspector;
  @Inject WorkQueue queue;
  @Inject MutableClock clock;
  @Inject ObjectMapper mapper;

  io.bcsync.sim.bigcommerce.time.MutableClock simClock =
      io.bcsync.sim.bigcommerce.time.MutableClock.startingAt(OLD);
  BigCommerceSimulator sim;
  Map<String, SimulatedStore> stores = new HashMap<>();

  @Override
  public Map<String, String> getProperties() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(simClock)
                .rateLimit(100_000, Duration.ofSeconds(30)));
    Map<String, String> properties = new HashMap<>(TestDatabases.h2());
    for (String hash : List.of(BIG, SMALL, OTHER, SCRIPTED, FAILING)) {
      stores.put(
          hash,
          sim.createStore(BigCommerceSimulator.StoreSpec.named(hash).accessToken("token-" + hash)));
      properties.put("bcsync.bigcommerce.stores." + hash + ".access-token", "token-" + hash);
      properties.put(
          "bcsync.bigcommerce.stores." + hash + ".webhook-secret",
          "secret-" + hash + "-0123456789abcdef");
    }
    properties.put(
        "bcsync.staging.allowed-stores", String.join(",", BIG, SMALL, OTHER, SCRIPTED, FAILING));
    properties.put("bcsync.bigcommerce.api-url", sim.baseUrl());
    properties.put("bcsync.admin-token", ADMIN_TOKEN);
    properties.put("micronaut.server.port", "-1");
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    properties.put("bcsync.backfill.queue-high-water", String.valueOf(HIGH_WATER));
    properties.put("test.mutable-clock", "true");
    return properties;
  }

  @AfterAll
  void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void emptyQueue() {
    drainQueue();
  }

  @Test
  void
      every_customer_and_order_modified_since_the_date_is_enqueued_once_and_the_queue_high_water_mark_pauses_it()
          throws Exception {
    SimulatedStore store = stores.get(BIG);
    simClock.set(OLD);
    long oldCustomer = store.createCustomer("old@example.com", "Old", "Timer");
    long oldOrder =
        store.placeGuestOrder(
            "old-guest@example.com",
            store.createProduct("Old", "OLD-1", new java.math.BigDecimal("5.00")));
    simClock.set(RECENT);
    List<Long> customers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      customers.add(store.createCustomer("c" + i + "@example.com", "Cust", "Omer" + i));
    }
    List<Long> orders = store.burstOrders(600);

    JsonNode started =
        json(post("/admin/backfill", "{\"store\":\"" + BIG + "\",\"since\":\"2024-01-01\"}", 201));
    long id = started.get("id").asLong();
    assertThat(started.get("state").asText()).isEqualTo("RUNNING");
    assertThat(started.get("phase").asText()).isEqualTo("CUSTOMERS");

    // Customers: 250 + 50 (two pages), then orders 250 + 250 = 800 pending, above the mark of 700.
    List<BackfillRunner.Step> steps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofSeconds(15));
      steps.add(runner.step(id));
    }
    assertThat(steps).containsOnly(BackfillRunner.Step.ADVANCED);
    long callsBeforePause = apiCalls(store);

    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.PAUSED);
    JsonNode paused = json(get("/admin/backfill/" + id, 200));
    assertThat(paused.get("state").asText()).isEqualTo("PAUSED");
    assertThat(paused.get("pausedAtMs").asLong()).isEqualTo(clock.millis());
    assertThat(paused.get("enqueued").get("customers").asLong()).isEqualTo(300);
    assertThat(paused.get("enqueued").get("orders").asLong()).isEqualTo(500);
    assertThat(paused.get("customersTotal").asLong()).isEqualTo(300);
    // 800 enqueued over the one minute the clock moved.
    assertThat(paused.get("ratePerMinute").asDouble()).isEqualTo(800.0);
    long remaining = paused.get("ordersRemainingEstimate").asLong();
    assertThat(remaining).as("estimated from the id range").isBetween(90L, 110L);
    assertThat(paused.get("etaSeconds").asLong())
        .isCloseTo(Math.round(remaining / 800.0 * 60), within(1L));
    assertThat(apiCalls(store))
        .as("a paused backfill does not call BigCommerce")
        .isEqualTo(callsBeforePause);
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.PAUSED);

    // Workers finish what is queued: the backfill carries on where it stopped.
    drainQueue();
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.FINISHED);
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.STOPPED);

    JsonNode done = json(get("/admin/backfill/" + id, 200));
    assertThat(done.get("state").asText()).isEqualTo("DONE");
    assertThat(done.get("phase").asText()).isEqualTo("FINISHED");
    assertThat(done.get("enqueued").get("orders").asLong()).isEqualTo(600);
    assertThat(done.get("etaSeconds").asLong()).isZero();
    assertThat(done.get("workItems").get("customer").get("DONE").asLong()).isEqualTo(300);
    assertThat(done.get("workItems").get("order").get("DONE").asLong()).isEqualTo(500);
    assertThat(done.get("workItems").get("order").get("PENDING").asLong()).isEqualTo(100);

    List<WorkItem> items =
        inspector.workItems(Optional.empty(), Optional.empty(), 5000).stream()
            .filter(item -> item.entity().storeHash().equals(BIG))
            .toList();
    assertThat(ids(items, "customer"))
        .containsExactlyInAnyOrderElementsOf(customers)
        .doesNotContain(oldCustomer);
    assertThat(ids(items, "order"))
        .containsExactlyInAnyOrderElementsOf(orders)
        .doesNotContain(oldOrder);
    assertThat(items)
        .as("one work item per entity, of the kind webhooks produce")
        .allSatisfy(
            item -> {
              assertThat(item.eventCount()).isEqualTo(1);
              assertThat(item.scopes())
                  .containsExactly("bcsync/backfill/" + item.entity().type() + "s");
            });
  }

  @Test
  void a_backfill_joins_the_open_work_item_a_webhook_already_created() throws Exception {
    SimulatedStore store = stores.get(OTHER);
    simClock.set(RECENT);
    long customer = store.createCustomer("joined@example.com", "Jo", "Ined");
    // What a webhook for that customer left in the queue.
    String callback = "{\"source\":\"test\"}";
    var intake = server.getApplicationContext().getBean(io.bcsync.pipeline.EventIntake.class);
    intake.record(
        new io.bcsync.pipeline.IncomingEvent(
            new io.bcsync.pipeline.EntityRef(OTHER, "customer", String.valueOf(customer)),
            "store/customer/updated",
            "stores/" + OTHER,
            null,
            "hash-1",
            1L,
            callback));

    long id =
        json(post("/admin/backfill", "{\"store\":\"" + OTHER + "\",\"since\":\"2024-01-01\"}", 201))
            .get("id")
            .asLong();
    while (runner.step(id) == BackfillRunner.Step.ADVANCED) {
      clock.advance(Duration.ofSeconds(1));
    }

    List<WorkItem> items =
        inspector.workItems(Optional.empty(), Optional.empty(), 100).stream()
            .filter(item -> item.entity().storeHash().equals(OTHER))
            .toList();
    assertThat(items)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.eventCount()).isEqualTo(2);
              assertThat(item.scopes())
                  .containsExactly("store/customer/updated", "bcsync/backfill/customers");
            });
    assertThat(
            json(get("/admin/backfill/" + id, 200))
                .get("workItems")
                .get("customer")
                .get("PENDING")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void bad_requests_are_refused_with_a_reason_and_a_second_backfill_of_a_store_is_a_conflict()
      throws Exception {
    String today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).toString();
    assertThat(error(post("/admin/backfill", "{\"store\":\"" + SMALL + "\"}", 400)))
        .contains("since is required");
    assertThat(error(post("/admin/backfill", "{\"since\":\"2024-01-01\"}", 400)))
        .contains("store is required");
    assertThat(
            error(
                post(
                    "/admin/backfill",
                    "{\"store\":\"" + SMALL + "\",\"since\":\"01/02/2024\"}",
                    400)))
        .contains("ISO date");
    assertThat(
            error(
                post(
                    "/admin/backfill",
                    "{\"store\":\"" + SMALL + "\",\"since\":\"" + tomorrow + "\"}",
                    400)))
        .contains("future");
    assertThat(
            error(
                post(
                    "/admin/backfill", "{\"store\":\"Bad Store!\",\"since\":\"2024-01-01\"}", 400)))
        .contains("store hash");
    assertThat(
            error(
                post(
                    "/admin/backfill",
                    "{\"store\":\"nosuchstore\",\"since\":\"2024-01-01\"}",
                    404)))
        .contains("not connected");
    assertThat(
            postJson(
                    base(),
                    "/admin/backfill",
                    "{\"store\":\"" + SMALL + "\",\"since\":\"2024-01-01\"}",
                    null)
                .statusCode())
        .isEqualTo(401);
    assertThat(get("/admin/backfill/999999", 404).body()).contains("no backfill 999999");

    long id =
        json(post(
                "/admin/backfill",
                "{\"store\":\"" + SMALL + "\",\"since\":\"" + today + "\"}",
                201))
            .get("id")
            .asLong();
    JsonNode conflict =
        json(
            post("/admin/backfill", "{\"store\":\"" + SMALL + "\",\"since\":\"2024-01-01\"}", 409));
    assertThat(conflict.get("runningId").asLong()).isEqualTo(id);

    JsonNode listed = json(get("/admin/backfill?store=" + SMALL, 200)).get("backfills");
    assertThat(listed).extracting(b -> b.get("id").asLong()).contains(id);

    // Cancelled: the store is free again; cancelling twice is a conflict.
    assertThat(json(post("/admin/backfill/" + id + "/cancel", "", 200)).get("state").asText())
        .isEqualTo("CANCELLED");
    assertThat(error(post("/admin/backfill/" + id + "/cancel", "", 409)))
        .contains("no longer running");
    assertThat(post("/admin/backfill/999999/cancel", "", 404).statusCode()).isEqualTo(404);
    long next =
        json(post("/admin/backfill", "{\"store\":\"" + SMALL + "\",\"since\":\"2024-01-01\"}", 201))
            .get("id")
            .asLong();
    post("/admin/backfill/" + next + "/cancel", "", 200);
  }

  @Test
  void a_cancelled_backfill_stops_between_pages_and_keeps_what_it_enqueued() throws Exception {
    SimulatedStore store = stores.get(SMALL);
    simClock.set(RECENT);
    for (int i = 0; i < 260; i++) {
      store.createCustomer("s" + i + "@example.com", "Small", "Store" + i);
    }
    long id =
        json(post("/admin/backfill", "{\"store\":\"" + SMALL + "\",\"since\":\"2024-01-01\"}", 201))
            .get("id")
            .asLong();
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.ADVANCED);

    post("/admin/backfill/" + id + "/cancel", "", 200);
    long callsAfterCancel = apiCalls(store);

    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.STOPPED);
    assertThat(apiCalls(store)).isEqualTo(callsAfterCancel);
    JsonNode cancelled = json(get("/admin/backfill/" + id, 200));
    assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("enqueued").get("customers").asLong()).isEqualTo(250);
    assertThat(cancelled.get("workItems").get("customer").get("PENDING").asLong()).isEqualTo(250);
  }

  @Test
  void a_page_that_fails_retryably_is_read_again_and_a_permanent_refusal_fails_the_backfill()
      throws Exception {
    SimulatedStore store = stores.get(FAILING);
    simClock.set(RECENT);
    long customer = store.createCustomer("fail@example.com", "Fa", "Il");
    long id =
        json(post(
                "/admin/backfill", "{\"store\":\"" + FAILING + "\",\"since\":\"2024-01-01\"}", 201))
            .get("id")
            .asLong();

    store.injectFault(Fault.status(500, 1).on("GET", "/v3/customers"));
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.FAILED_ATTEMPT);
    JsonNode retrying = json(get("/admin/backfill/" + id, 200));
    assertThat(retrying.get("state").asText()).isEqualTo("RUNNING");
    assertThat(retrying.get("lastError").asText())
        .contains("500")
        .doesNotContain("token-" + FAILING);
    assertThat(retrying.get("enqueued").get("customers").asLong()).isZero();

    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.ADVANCED);
    JsonNode recovered = json(get("/admin/backfill/" + id, 200));
    assertThat(recovered.get("enqueued").get("customers").asLong()).isEqualTo(1);
    assertThat(recovered.get("lastError").isNull()).isTrue();

    store.injectFault(Fault.status(403, 1).on("GET", "/v2/orders"));
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.FAILED_ATTEMPT);
    JsonNode failed = json(get("/admin/backfill/" + id, 200));
    assertThat(failed.get("state").asText()).isEqualTo("FAILED");
    assertThat(failed.get("lastError").asText()).contains("403");
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.STOPPED);
    assertThat(
            ids(
                inspector.workItems(Optional.empty(), Optional.empty(), 5000).stream()
                    .filter(item -> item.entity().storeHash().equals(FAILING))
                    .toList(),
                "customer"))
        .containsExactly(customer);
    store.clearFaults();
  }

  @Test
  void the_script_starts_a_backfill_shows_progress_until_done_and_attaches_to_a_running_one()
      throws Exception {
    SimulatedStore store = stores.get(SCRIPTED);
    simClock.set(RECENT);
    for (int i = 0; i < 10; i++) {
      store.createCustomer("script" + i + "@example.com", "Scrip", "Ted" + i);
    }
    store.burstOrders(5);
    Path workDir = Files.createTempDirectory("bcsync-script");
    String url = base().toString();

    ScriptRun watching =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-01-01",
            "--url",
            url,
            "--interval",
            "0.2");
    Backfills backfills = server.getApplicationContext().getBean(Backfills.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> !backfills.latest(SCRIPTED).isEmpty());
    long id = backfills.latest(SCRIPTED).get(0).id();
    while (runner.step(id) == BackfillRunner.Step.ADVANCED) {
      clock.advance(Duration.ofSeconds(1));
    }

    assertThat(watching.exitStatus()).as(watching.output()).isZero();
    assertThat(watching.output())
        .contains(
            "Started backfill " + id,
            "customers 10/10",
            "orders 5",
            "Backfill " + id + " done.",
            "Ctrl-C detaches");

    ScriptRun started =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-02-01",
            "--url",
            url,
            "--once");
    assertThat(started.exitStatus()).as(started.output()).isZero();
    long second = backfills.latest(SCRIPTED).get(0).id();
    assertThat(started.output()).contains("Started backfill " + second, "RUNNING");
    ScriptRun attached =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-01-01",
            "--url",
            url,
            "--once");
    assertThat(attached.exitStatus()).as(attached.output()).isZero();
    assertThat(attached.output()).contains("Attaching to backfill " + second, "(since 2024-02-01)");
    post("/admin/backfill/" + second + "/cancel", "", 200);

    ScriptRun refused =
        ScriptRun.start(
            workDir,
            ADMIN_TOKEN,
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-13-01",
            "--url",
            url);
    assertThat(refused.exitStatus()).isEqualTo(2);
    assertThat(refused.output()).contains("refused (HTTP 400)", "ISO date");
    ScriptRun wrongToken =
        ScriptRun.start(
            workDir,
            "not-the-token",
            "backfill",
            "--store",
            SCRIPTED,
            "--since",
            "2024-01-01",
            "--url",
            url);
    assertThat(wrongToken.exitStatus()).isEqualTo(2);
    assertThat(wrongToken.output()).contains("HTTP 401").doesNotContain("not-the-token");
  }

  private static List<Long> ids(List<WorkItem> items, String type) {
    return items.stream()
        .filter(item -> item.entity().type().equals(type))
        .map(item -> Long.parseLong(item.entity().id()))
        .collect(Collectors.toList());
  }

  /** What the workers would do: claim everything pending and complete it. */
  private void drainQueue() {
    List<WorkItem> claimed;
    do {
      claimed = queue.claim("test-drain", 1000, clock.millis(), clock.millis() + 60_000);
      queue.finish(
          claimed.stream().map(item -> WorkQueue.Finish.complete(item.id())).toList(),
          "test-drain",
          clock.millis());
    } while (!claimed.isEmpty());
    assertThat(inspector.countsByStatus().get(WorkItemStatus.PENDING)).isZero();
  }

  private long apiCalls(SimulatedStore store) {
    return store.requests().size();
  }

  private URI base() {
    return server.getURI();
  }

  private HttpResponse<String> post(String path, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response = postJson(base(), path, body, ADMIN_TOKEN);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expectedStatus);
    return response;
  }

  private HttpResponse<String> get(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response = httpGet(base(), path, ADMIN_TOKEN);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expectedStatus);
    return response;
  }

  private JsonNode json(HttpResponse<String> response) throws Exception {
    return mapper.readTree(response.body());
  }

  private String error(HttpResponse<String> response) throws Exception {
    return json(response).get("message").asText();
  }
}
