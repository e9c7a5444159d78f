package io.bcsync.lifecycle;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart of two instances on one database while webhooks keep arriving: instance A is
 * shut down the way SIGTERM does it ({@link GracefulShutdown#drain()}, then the server and context
 * stop) while one of its batches is running, and started again; then B. A sender plays BigCommerce
 * and the load balancer: it spreads order webhooks over the live instances, and sends a webhook
 * that got no 200 (a 503 while an instance drains, a refused connection once it is gone) again to
 * the next one. Afterwards every acknowledged webhook is stored and its work item DONE, and every
 * work item was handled exactly once across the four contexts.
 */
abstract class RollingRestartTestBase {
  private static final Duration WAIT_LIMIT = Duration.ofSeconds(90);
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final List<EmbeddedServer> servers = new CopyOnWriteArrayList<>();
  private final List<ScriptedHandler> handlers = new CopyOnWriteArrayList<>();
  private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refusedWithRetryAfter = new AtomicInteger();
  private final Map<EmbeddedServer, BatchGate> gates = new ConcurrentHashMap<>();
  private volatile List<URI> live = List.of();
  private volatile boolean sending = true;

  /** The shared database's datasource properties (one database for every context of a test). */
  protected abstract Map<String, String> databaseProperties();

  @AfterEach
  void stopEverything() {
    sending = false;
    servers.forEach(server -> server.getApplicationContext().close());
  }

  @Test
  void nothing_acknowledged_is_lost_and_nothing_runs_twice_across_a_rolling_restart()
      throws Exception {
    Map<String, String> database = databaseProperties();
    EmbeddedServer a = start(database);
    EmbeddedServer b = start(database);
    live = List.of(a.getURI(), b.getURI());
    Thread sender = new Thread(this::sendWebhooks, "test-webhook-sender");
    sender.start();

    EmbeddedServer restartedA = restart(a, b, database);
    EmbeddedServer restartedB = restart(b, restartedA, database);

    int before = acknowledged.size();
    waitFor("webhooks acknowledged after the restart", () -> acknowledged.size() >= before + 50);
    sending = false;
    sender.join();

    Db db = restartedB.getApplicationContext().getBean(Db.class);
    waitFor("every acknowledged order DONE", () -> doneOrders(db).containsAll(acknowledged));
    assertThat(refusedWithRetryAfter.get()).isPositive();
    assertThat(storedOrders(db)).containsAll(acknowledged);
    Map<Long, Long> runsPerItem =
        handlers.stream()
            .flatMap(handler -> handler.items().stream())
            .collect(Collectors.groupingBy(WorkItem::id, Collectors.counting()));
    assertThat(runsPerItem).isNotEmpty();
    assertThat(runsPerItem.values()).allMatch(runs -> runs == 1L);
    assertThat(openItems(db)).isZero();
  }

  /** Lets a test hold the next batch of one instance until it has started that instance's drain. */
  private static final class BatchGate {
    volatile CountDownLatch hold;
    volatile CountDownLatch entered;
  }

  /**
   * Shuts {@code old} down as SIGTERM does while it runs a batch, checks what a caller sees during
   * the drain, and starts its replacement next to {@code other}.
   */
  private EmbeddedServer restart(EmbeddedServer old, EmbeddedServer other, Map<String, String> db)
      throws Exception {
    BatchGate gate = gates.get(old);
    CountDownLatch hold = new CountDownLatch(1);
    gate.entered = new CountDownLatch(1);
    gate.hold = hold;
    assertThat(gate.entered.await(WAIT_LIMIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    ApplicationContext context = old.getApplicationContext();
    Thread drain = new Thread(context.getBean(GracefulShutdown.class)::drain, "test-drain");
    drain.start();
    ShutdownState state = context.getBean(ShutdownState.class);
    waitFor("the drain to begin", state::isDraining);

    HttpResponse<String> refused =
        post(old.getURI(), orderCallback("store/order/created", 999_999_999, "x"), secretHeader());
    assertThat(refused.statusCode())
        .as("answer during the drain: %s", refused.body())
        .isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(get(old.getURI().resolve("/health")).statusCode()).isEqualTo(503);
    // The held batch is still running: the drain waits for it instead of interrupting it.
    assertThat(drain.isAlive()).isTrue();
    hold.countDown();

    drain.join();
    old.stop();
    context.close();
    EmbeddedServer replacement = start(db);
    live = List.of(other.getURI(), replacement.getURI());
    return replacement;
  }

  private EmbeddedServer start(Map<String, String> database) {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(database);
    properties.put("test.scripted-handler", "true");
    properties.put("bcsync.pipeline.workers-enabled", "true");
    properties.put("bcsync.pipeline.batch-size", "10");
    properties.put("bcsync.pipeline.idle-poll-interval", "50ms");
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
    BatchGate gate = new BatchGate();
    gates.put(server, gate);
    ScriptedHandler handler = server.getApplicationContext().getBean(ScriptedHandler.class);
    // Each batch takes a while, as a Salesforce call does; one is held (by restart) until the drain
    // has begun. An interrupt would end the wait and fail the batch, which would run again.
    handler.script(
        batch -> {
          CountDownLatch hold = gate.hold;
          if (hold != null) {
            gate.hold = null;
            gate.entered.countDown();
            hold.await();
          }
          Thread.sleep(50);
          return ScriptedHandler.allSucceed(batch);
        });
    handlers.add(handler);
    servers.add(server);
    return server;
  }

  private void sendWebhooks() {
    long orderId = 0;
    while (sending) {
      orderId++;
      String body = orderCallback("store/order/created", orderId, "h" + orderId);
      for (int attempt = 0; sending && !acknowledged.contains(orderId); attempt++) {
        List<URI> targets = live;
        URI target = targets.get((int) ((orderId + attempt) % targets.size()));
        try {
          HttpResponse<String> response = post(target, body, secretHeader());
          if (response.statusCode() == 200) {
            acknowledged.add(orderId);
          } else if (response.statusCode() == 503
              && response.headers().firstValue("Retry-After").isPresent()) {
            refusedWithRetryAfter.incrementAndGet();
          }
        } catch (Exception e) {
          // Connection refused or reset: that instance is gone; the next attempt goes elsewhere.
        }
        pause(attempt == 0 ? 5 : 20);
      }
    }
  }

  private static HttpResponse<String> get(URI uri) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Set<Long> doneOrders(Db db) {
    return orderIds(
        db, "SELECT entity_id FROM work_item WHERE entity_type = 'order' AND status = 'DONE'");
  }

  private static Set<Long> storedOrders(Db db) {
    return orderIds(db, "SELECT entity_id FROM work_item WHERE entity_type = 'order'");
  }

  private static long openItems(Db db) {
    return orderIds(db, "SELECT id FROM work_item WHERE status IN ('PENDING', 'IN_PROGRESS')")
        .size();
  }

  private static Set<Long> orderIds(Db db, String sql) {
    return db.read(
        connection -> {
          Set<Long> ids = new java.util.HashSet<>();
          try (PreparedStatement select = connection.prepareStatement(sql);
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              ids.add(Long.parseLong(rows.getString(1)));
            }
          }
          return ids;
        });
  }

  private static void waitFor(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Gave up waiting for " + what + " after " + WAIT_LIMIT);
      }
      Thread.sleep(20);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
