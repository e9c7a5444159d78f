package io.bcsync.pipeline;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.db.Db;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The assembled service: real worker threads and the db-scheduler lease-recovery job, on the real
 * clock.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackgroundProcessingTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject ScriptedHandler handler;
  @Inject QueueInspector inspector;
  @Inject EventIntake intake;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.put("test.scripted-handler", "true");
    properties.put("bcsync.pipeline.workers-enabled", "true");
    properties.put("bcsync.scheduler.enabled", "true");
    properties.put("bcsync.pipeline.lease-recovery-interval", "1s");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @Test
  void an_acknowledged_webhook_is_processed_by_the_workers_without_any_prompt() throws Exception {
    assertThat(
            post(server.getURI(), orderCallback("store/order/created", 4242, "bg"), secretHeader())
                .statusCode())
        .isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> handler.items().stream().anyMatch(item -> item.entity().id().equals("4242")));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                inspector
                    .workItems(Optional.of(WorkItemStatus.DONE), Optional.empty(), 100)
                    .stream()
                    .anyMatch(item -> item.entity().id().equals("4242")));
  }

  @Test
  void the_cluster_job_returns_an_abandoned_claim_to_the_queue() {
    var accepted =
        (IntakeResult.Accepted)
            intake.record(
                new IncomingEvent(
                    new EntityRef(WebhookCalls.STORE, "order", "abandoned"),
                    "store/order/created",
                    "stores/teststore1",
                    null,
                    "abandoned-hash",
                    1L,
                    "{}"));
    // Simulate a worker that crashed mid-attempt: the item is IN_PROGRESS with a lease that has
    // already expired.
    db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE work_item SET status = 'IN_PROGRESS', lease_owner = 'dead-instance', lease_expires_at_ms = 1,"
                      + " attempts = 1 WHERE id = ?")) {
            update.setLong(1, accepted.workItemId());
            return update.executeUpdate();
          }
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> handler.items().stream().anyMatch(item -> item.id() == accepted.workItemId()));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                inspector
                    .workItems(Optional.of(WorkItemStatus.DONE), Optional.empty(), 100)
                    .stream()
                    .anyMatch(item -> item.id() == accepted.workItemId()));
  }
}
