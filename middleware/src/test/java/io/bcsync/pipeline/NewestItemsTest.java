package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link QueueInspector#newestItemsOf}: each entity's latest run, however many runs it had (the
 * reviews page follows a held entity's newest item; an oldest-first read with a row limit once
 * reported an earlier run's state).
 */
@MicronautTest(transactional = false)
class NewestItemsTest extends ScriptedPipelineTestBase {
  @Inject EventIntake intake;
  @Inject BatchProcessor processor;
  @Inject QueueInspector inspector;

  @Test
  void each_entity_gets_its_latest_run_and_an_entity_without_runs_is_absent() {
    EntityRef rerun = new EntityRef(WebhookCalls.STORE, "order", "300");
    EntityRef once = new EntityRef(WebhookCalls.STORE, "customer", "301");
    EntityRef never = new EntityRef(WebhookCalls.STORE, "order", "302");
    long first = event(rerun, "a");
    long onlyRun = event(once, "a");
    handler.script(ScriptedHandler::allSucceed);
    processor.processDueBatch();
    long second = event(rerun, "b");

    Map<EntityRef, WorkItem> newest = inspector.newestItemsOf(List.of(rerun, once, never));

    assertThat(second).isNotEqualTo(first);
    assertThat(newest).containsOnlyKeys(rerun, once);
    assertThat(newest.get(rerun).id()).isEqualTo(second);
    assertThat(newest.get(rerun).status()).isEqualTo(WorkItemStatus.PENDING);
    assertThat(newest.get(once).id()).isEqualTo(onlyRun);
    assertThat(newest.get(once).status()).isEqualTo(WorkItemStatus.DONE);
  }

  private long event(EntityRef entity, String hash) {
    return ((IntakeResult.Accepted)
            intake.record(
                new IncomingEvent(
                    entity,
                    "store/" + entity.type() + "/updated",
                    "stores/" + WebhookCalls.STORE,
                    null,
                    "hash-" + entity.id() + hash,
                    clock.millis() / 1000,
                    "{}")))
        .workItemId();
  }
}
