package io.bcsync.backfill;

import static io.bcsync.testsupport.WebhookCalls.ADMIN_TOKEN;
import static io.bcsync.testsupport.WebhookCalls.httpGet;
import static io.bcsync.testsupport.WebhookCalls.postJson;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the backfill tests through the admin API against the BigCommerce simulator, advanced step
 * by step (the cluster job is off; {@link BackfillResumeTest} runs it through the scheduler).
 * Workers are off so the queue can be inspected and drained by hand. Every subclass gets the same
 * five stores; each test uses its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BackfillTestBase implements TestPropertyProvider {
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

  static List<Long> ids(List<WorkItem> items, String type) {
    return items.stream()
        .filter(item -> item.entity().type().equals(type))
        .map(item -> Long.parseLong(item.entity().id()))
        .collect(Collectors.toList());
  }

  /** What the workers would do: claim everything pending and complete it. */
  void drainQueue() {
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

  long apiCalls(SimulatedStore store) {
    return store.requests().size();
  }

  URI base() {
    return server.getURI();
  }

  HttpResponse<String> post(String path, String body, int expectedStatus) throws Exception {
    HttpResponse<String> response = postJson(base(), path, body, ADMIN_TOKEN);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expectedStatus);
    return response;
  }

  HttpResponse<String> get(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response = httpGet(base(), path, ADMIN_TOKEN);
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(expectedStatus);
    return response;
  }

  JsonNode json(HttpResponse<String> response) throws Exception {
    return mapper.readTree(response.body());
  }

  String error(HttpResponse<String> response) throws Exception {
    return json(response).get("message").asText();
  }
}
