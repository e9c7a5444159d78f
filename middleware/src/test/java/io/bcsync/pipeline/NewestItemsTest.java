package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@link QueueInspector#newestItemsOf}: each entity's latest run, however many runs it had (the
 * reviews page follows a held entity's newest item; an oldest-first read with a row limit once
 * reported an earlier run's state).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NewestItemsTest implements TestPropertyProvider {
  @Inject EventIntake intake;
  @Inject BatchProcessor processor;
  @Inject ScriptedHandler handler;
  @Inject MutableClock clock;
  @Inject QueueInspector inspector;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.put("test.mutable-clock", "true");
    properties.put("test.scripted-handler", "true");
    return properties;
  }

  /** H2; the MariaDB twin returns a fresh MariaDB database. */
  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @BeforeEach
  void setUp() {
    Tables.clear(db);
    handler.reset();
    clock.set(1_700_000_000_000L);
  }

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
