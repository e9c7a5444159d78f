package io.bcsync.lifecycle;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.PipelineWorkers;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A batch that outlasts {@code worker-grace} at shutdown is interrupted and its items released:
 * PENDING, due now, the attempt given back, so another instance runs them at once (instead of
 * waiting for the lease to expire, or spending an attempt as a failure).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkerShutdownTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject PipelineWorkers workers;
  @Inject ScriptedHandler handler;
  @Inject QueueInspector queue;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("test.scripted-handler", "true");
    properties.put("bcsync.pipeline.workers-enabled", "true");
    return properties;
  }

  @Test
  void a_batch_running_past_the_grace_is_released_not_failed() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    handler.script(
        batch -> {
          entered.countDown();
          never.await();
          return ScriptedHandler.allSucceed(batch);
        });
    assertThat(
            post(server.getURI(), orderCallback("store/order/created", 7, "h7"), secretHeader())
                .statusCode())
        .isEqualTo(200);
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    long stoppedAt = System.currentTimeMillis();
    workers.stopGracefully(Duration.ofMillis(200));

    List<WorkItem> items = queue.workItems(Optional.empty(), Optional.empty(), 10);
    assertThat(items).hasSize(1);
    WorkItem item = items.get(0);
    assertThat(item.status()).isEqualTo(WorkItemStatus.PENDING);
    assertThat(item.attempts()).isZero();
    assertThat(item.nextAttemptAtMs()).isLessThanOrEqualTo(System.currentTimeMillis());
    assertThat(item.nextAttemptAtMs()).isGreaterThanOrEqualTo(stoppedAt);
    assertThat(item.lastError()).startsWith("released");
    assertThat(handler.items()).hasSize(1);
  }
}
