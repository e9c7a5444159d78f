package io.bcsync.pipeline;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.TcpProxy;
import io.bcsync.testsupport.WebhookCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The assembled service while its database refuses connections (a proxy in front of it is stopped):
 * webhooks are answered 503 with Retry-After, not left hanging and never acknowledged; the worker
 * threads fail their cycles without dying, and once the database is back, webhooks are stored and
 * the workers process them without any prompt. And while another transaction holds a lock intake
 * needs: 503 while it is held, stored once it is released. H2 in server mode here; the MariaDB
 * subclass puts the proxy in front of MariaDB.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseUnreachableTest implements TestPropertyProvider {
  /**
   * A hang guard only: the answers asserted come within about two seconds; an item a worker had
   * claimed when the database went away runs again once its lease lapses (about 30 s).
   */
  private static final Duration HANG_GUARD = Duration.ofSeconds(90);

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Inject EmbeddedServer server;
  @Inject ScriptedHandler handler;
  @Inject QueueInspector inspector;
  @Inject MeterRegistry registry;
  @Inject Db db;

  TcpProxy proxy;
  private Server h2;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseBehindProxy());
    properties.put("test.scripted-handler", "true");
    properties.put("bcsync.pipeline.workers-enabled", "true");
    properties.put("bcsync.scheduler.enabled", "true");
    return properties;
  }

  /** Starts the database and a proxy in front of it; returns the datasource properties. */
  protected Map<String, String> databaseBehindProxy() {
    Path directory;
    try {
      directory = Files.createTempDirectory("bcsync-unreachable");
      h2 = Server.createTcpServer("-tcpPort", String.valueOf(FreePort.find()), "-ifNotExists");
      h2.start();
      proxy = TcpProxy.to("127.0.0.1", h2.getPort());
    } catch (Exception e) {
      throw new IllegalStateException("could not start H2 behind a proxy", e);
    }
    return Map.of(
        "datasources.default.url",
        // A file database: H2 closes it when its last session is cut, and opens it again for the
        // next.
        "jdbc:h2:tcp://127.0.0.1:"
            + proxy.port()
            + "/"
            + directory.resolve("bcsync").toAbsolutePath()
            + ";LOCK_TIMEOUT=10000",
        "datasources.default.driver-class-name",
        "org.h2.Driver",
        "datasources.default.username",
        "sa",
        "datasources.default.password",
        "");
  }

  /**
   * Awaitility fails a wait when any thread dies of an uncaught exception; during the outage the
   * job scheduler's (db-scheduler's) polling thread does, by design of that library, and it polls
   * again by itself. What this test asserts is the service's answers and its workers' recovery.
   */
  private static ConditionFactory outage(String alias) {
    return Awaitility.await(alias).dontCatchUncaughtExceptions();
  }

  @AfterAll
  void stopDatabase() throws Exception {
    proxy.close();
    if (h2 != null) {
      h2.stop();
    }
  }

  @Test
  void webhooks_get_503_while_the_database_refuses_and_work_resumes_by_itself_when_it_is_back()
      throws Exception {
    assertThat(post(orderCallback("store/order/created", 9001, "before")).statusCode())
        .isEqualTo(200);

    proxy.refuse();
    HttpResponse<String> refused;
    try {
      refused = post(orderCallback("store/order/created", 9002, "during"));

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(refused.body()).contains("\"error\":\"unavailable\"");
      outage("the workers notice the outage")
          .atMost(HANG_GUARD)
          .until(() -> registry.counter("bcsync.pipeline.worker.failures").count() > 0);
    } finally {
      proxy.restore();
    }

    String after = orderCallback("store/order/created", 9003, "after");
    outage("stored once the database is back")
        .atMost(HANG_GUARD)
        .until(() -> post(after).statusCode() == 200);
    outage("the workers process it by themselves")
        .atMost(HANG_GUARD)
        .until(() -> isDone("9003") && isDone("9001"));
    assertThat(inspector.workItems(Optional.empty(), Optional.empty(), 100))
        .as("the refused webhook was not stored")
        .noneMatch(item -> item.entity().id().equals("9002"));
  }

  @Test
  void a_webhook_waiting_on_a_lock_held_elsewhere_gets_503_and_is_stored_once_it_is_released()
      throws Exception {
    // Another transaction opens the order's work item and does not commit: intake would need the
    // same row.
    EntityRef order = new EntityRef(WebhookCalls.STORE, "order", "9100");
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> holder =
        CompletableFuture.supplyAsync(
            () ->
                db.write(
                    connection -> {
                      try (PreparedStatement insert =
                          connection.prepareStatement(EventIntake.INSERT_WORK_ITEM)) {
                        insert.setString(1, order.storeHash());
                        insert.setString(2, order.type());
                        insert.setString(3, order.id());
                        insert.setString(4, order.key());
                        insert.setString(5, "store/order/created");
                        insert.setInt(6, 1);
                        for (int i = 7; i <= 9; i++) {
                          insert.setLong(i, 1L);
                        }
                        insert.executeUpdate();
                      }
                      locked.countDown();
                      awaitQuietly(release);
                      connection.rollback();
                      return null;
                    }));
    HttpResponse<String> refused;
    try {
      assertThat(locked.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();

      refused = post(orderCallback("store/order/updated", 9100, "locked"));

      assertThat(holder).as("answered while the lock was still held").isNotDone();
    } finally {
      release.countDown();
    }
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    holder.get(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
    assertThat(post(orderCallback("store/order/updated", 9100, "locked")).statusCode())
        .as("the redelivery, once the lock is gone")
        .isEqualTo(200);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(HANG_GUARD.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean isDone(String orderId) {
    return inspector.workItems(Optional.of(WorkItemStatus.DONE), Optional.empty(), 100).stream()
        .anyMatch(item -> item.entity().id().equals(orderId));
  }

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve("/webhooks/bigcommerce"))
            .timeout(HANG_GUARD)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    WebhookCalls.secretHeader().forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
