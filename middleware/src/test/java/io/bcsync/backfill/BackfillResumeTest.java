package io.bcsync.backfill;

import static io.bcsync.testsupport.WebhookCalls.ADMIN_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.db.Db;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A backfill interrupted between pages (the application context is closed, as a killed instance
 * would be) continues from its stored cursor in a new application context on the same database,
 * driven by the cluster scheduler, and enqueues every entity exactly once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillResumeTest {
  static final String STORE = "bfresume1";
  static final Instant RECENT = Instant.parse("2024-03-01T10:00:00Z");

  BigCommerceSimulator sim;
  SimulatedStore store;
  List<Long> customers = new ArrayList<>();
  List<Long> orders;

  @BeforeAll
  void seed() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(io.bcsync.sim.bigcommerce.time.MutableClock.startingAt(RECENT))
                .rateLimit(100_000, Duration.ofSeconds(30)));
    store =
        sim.createStore(BigCommerceSimulator.StoreSpec.named(STORE).accessToken("token-resume"));
    for (int i = 0; i < 120; i++) {
      customers.add(store.createCustomer("r" + i + "@example.com", "Re", "Sume" + i));
    }
    orders = store.burstOrders(600);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  protected Map<String, String> databaseProperties() throws Exception {
    Path dir = Files.createTempDirectory("bcsync-backfill-resume");
    return TestDatabases.h2File(dir);
  }

  Map<String, Object> properties(Map<String, String> database, boolean scheduler) {
    Map<String, Object> properties = new HashMap<>(database);
    properties.put("bcsync.bigcommerce.stores." + STORE + ".access-token", "token-resume");
    properties.put(
        "bcsync.bigcommerce.stores." + STORE + ".webhook-secret", "secret-resume-0123456789abcdef");
    properties.put("bcsync.staging.allowed-stores", STORE);
    properties.put("bcsync.bigcommerce.api-url", sim.baseUrl());
    properties.put("bcsync.admin-token", ADMIN_TOKEN);
    properties.put("micronaut.server.port", "-1");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    properties.put("bcsync.scheduler.enabled", String.valueOf(scheduler));
    properties.put("bcsync.backfill.interval", "1s");
    return properties;
  }

  @Test
  void an_interrupted_backfill_resumes_from_its_cursor_and_enqueues_each_entity_once()
      throws Exception {
    Map<String, String> database = databaseProperties();
    long id;
    long cursorBeforeRestart;
    try (ApplicationContext first =
        ApplicationContext.run(EmbeddedServer.class, properties(database, false))
            .getApplicationContext()) {
      id = first.getBean(Backfills.class).start(STORE, "2024-01-01").id();
      BackfillRunner runner = first.getBean(BackfillRunner.class);
      // Customers (one page, then the switch to orders) and the first 250 orders; then the instance
      // goes away.
      assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.ADVANCED);
      assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.ADVANCED);
      BackfillJob interrupted = first.getBean(BackfillJobs.class).find(id).orElseThrow();
      assertThat(interrupted.customersEnqueued()).isEqualTo(120);
      assertThat(interrupted.ordersEnqueued()).isEqualTo(250);
      cursorBeforeRestart = interrupted.cursor().orderAfterId();
      assertThat(cursorBeforeRestart).isEqualTo(orders.get(249));
    }
    int callsBeforeRestart = store.requests().size();

    try (ApplicationContext second =
        ApplicationContext.run(EmbeddedServer.class, properties(database, true))
            .getApplicationContext()) {
      BackfillJobs jobs = second.getBean(BackfillJobs.class);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> jobs.find(id).orElseThrow().state() == BackfillState.DONE);

      BackfillJob done = jobs.find(id).orElseThrow();
      assertThat(done.customersEnqueued()).isEqualTo(120);
      assertThat(done.ordersEnqueued()).isEqualTo(600);
      // The catch-up poll also runs in this context; the backfill's own calls are the ones sorted
      // for a walk.
      List<RequestLog.Entry> afterRestart =
          store.requests().subList(callsBeforeRestart, store.requests().size()).stream()
              .filter(
                  entry ->
                      entry.query().contains("sort=date_created")
                          || entry.query().contains("min_id="))
              .toList();
      assertThat(afterRestart)
          .as("no customer page is read again after the restart")
          .noneMatch(entry -> entry.path().endsWith("/v3/customers"));
      assertThat(afterRestart)
          .first()
          .satisfies(
              entry -> assertThat(entry.query()).contains("min_id=" + (cursorBeforeRestart + 1)));

      Map<String, Integer> eventsPerEntity = backfillEventsPerEntity(second.getBean(Db.class));
      assertThat(eventsPerEntity).hasSize(720);
      assertThat(eventsPerEntity.values()).as("each entity enqueued exactly once").containsOnly(1);
      List<String> expected = new ArrayList<>();
      customers.forEach(c -> expected.add("customer:" + c));
      orders.forEach(o -> expected.add("order:" + o));
      assertThat(eventsPerEntity.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private static Map<String, Integer> backfillEventsPerEntity(Db db) {
    return db.read(
        connection -> {
          Map<String, Integer> counts = new HashMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT entity_type, entity_id, COUNT(*)"
                      + " FROM webhook_event WHERE store_hash = ? AND scope LIKE 'bcsync/backfill/%'"
                      + " GROUP BY entity_type, entity_id")) {
            select.setString(1, STORE);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                counts.put(rs.getString(1) + ":" + rs.getString(2), rs.getInt(3));
              }
            }
          }
          return counts;
        });
  }
}
