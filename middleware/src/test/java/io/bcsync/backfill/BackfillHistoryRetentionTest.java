package io.bcsync.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.bcsync.db.Db;
import io.bcsync.pipeline.BatchProcessor;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.ScriptedPipeline;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The history retention and backfills (V43): a running or paused backfill keeps its finished work
 * items; an ended one lets them go and its progress totals stay what they were. Letting go and
 * deleting commit together: a run that dies before its commit leaves items, links and totals as
 * they were, and the next run finishes the job without counting anything twice.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillHistoryRetentionTest implements TestPropertyProvider {
  private static final Duration RETENTION = Duration.ofDays(30);
  private static final LocalDate SINCE = LocalDate.of(2024, 1, 1);

  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject BatchProcessor processor;
  @Inject ScriptedHandler handler;
  @Inject MutableClock clock;
  @Inject BackfillJobs jobs;
  @Inject BackfillItems items;
  @Inject FailingWorkItemReferences failing;
  @Inject Db db;

  @Inject
  @Named("work-history-retention")
  RecurringTask<Void> retention;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = ScriptedPipeline.properties(databaseProperties());
    properties.put("test.failing-work-item-references", "true");
    properties.put("bcsync.pipeline.history-retention", RETENTION.toDays() + "d");
    properties.put("bcsync.pipeline.webhook-max-age", "72h");
    return properties;
  }

  /** H2; the MariaDB twin returns a fresh MariaDB database. */
  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @BeforeEach
  void setUp() {
    Tables.clear(db);
    db.write(
        connection -> {
          try (java.sql.Statement statement = connection.createStatement()) {
            for (String table :
                new String[] {"backfill_item", "backfill_item_pruned", "backfill_job"}) {
              statement.executeUpdate("DELETE FROM " + table);
            }
          }
          return null;
        });
    handler.reset();
    failing.arm(false);
    clock.set(1_700_000_000_000L);
  }

  @Test
  void an_active_backfill_keeps_its_items_and_an_ended_one_keeps_its_totals() {
    String endedStore = "ended" + UUID.randomUUID().toString().substring(0, 8);
    String activeStore = "active" + UUID.randomUUID().toString().substring(0, 8);
    BackfillJob ended = jobs.create(endedStore, SINCE, clock.millis());
    BackfillJob active = jobs.create(activeStore, SINCE, clock.millis());
    List<Long> endedItems = enqueue(ended, endedStore, "order", 3);
    List<Long> activeItems = enqueue(active, activeStore, "customer", 2);
    long skipped = endedItems.get(2);
    handler.script(
        batch -> {
          Map<Long, Outcome> outcomes = new HashMap<>(ScriptedHandler.allSucceed(batch));
          outcomes.computeIfPresent(skipped, (id, success) -> Outcome.skipped("nothing to do"));
          return outcomes;
        });
    processor.processDueBatch();
    assertThat(jobs.cancel(ended.id(), clock.millis())).isTrue();
    Map<String, Map<WorkItemStatus, Long>> endedBefore = items.statusCounts(ended.id());
    Map<String, Map<WorkItemStatus, Long>> activeBefore = items.statusCounts(active.id());
    assertThat(endedBefore.get("order"))
        .containsEntry(WorkItemStatus.DONE, 2L)
        .containsEntry(WorkItemStatus.SKIPPED, 1L);
    assertThat(activeBefore.get("customer")).containsEntry(WorkItemStatus.DONE, 2L);

    clock.advance(RETENTION.plusHours(1));
    retention.execute(null, null);

    endedItems.forEach(id -> assertThat(queue.find(id)).as("item %d", id).isEmpty());
    activeItems.forEach(id -> assertThat(queue.find(id)).as("item %d", id).isPresent());
    assertThat(items.statusCounts(ended.id())).isEqualTo(endedBefore);
    assertThat(items.statusCounts(active.id())).isEqualTo(activeBefore);
    assertThat(Tables.count(db, "backfill_item"))
        .as("only the active backfill's links")
        .isEqualTo(2);

    // Once it ends, its items go too, and its totals stay.
    assertThat(jobs.cancel(active.id(), clock.millis())).isTrue();
    retention.execute(null, null);
    activeItems.forEach(id -> assertThat(queue.find(id)).as("item %d", id).isEmpty());
    assertThat(items.statusCounts(active.id())).isEqualTo(activeBefore);
    assertThat(items.statusCounts(ended.id())).isEqualTo(endedBefore);
    assertThat(Tables.count(db, "backfill_item")).isZero();
  }

  @Test
  void a_run_that_dies_before_its_commit_changes_nothing_and_the_next_counts_each_item_once() {
    String store = "crash" + UUID.randomUUID().toString().substring(0, 8);
    BackfillJob job = jobs.create(store, SINCE, clock.millis());
    List<Long> enqueued = enqueue(job, store, "order", 4);
    processor.processDueBatch();
    assertThat(jobs.cancel(job.id(), clock.millis())).isTrue();
    Map<String, Map<WorkItemStatus, Long>> before = items.statusCounts(job.id());
    assertThat(before.get("order")).containsEntry(WorkItemStatus.DONE, 4L);
    clock.advance(RETENTION.plusHours(1));

    failing.arm(true);
    assertThatThrownBy(() -> retention.execute(null, null)).hasMessageContaining("injected");
    enqueued.forEach(id -> assertThat(queue.find(id)).as("item %d", id).isPresent());
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(4);
    assertThat(Tables.count(db, "backfill_item")).isEqualTo(4);
    assertThat(Tables.count(db, "backfill_item_pruned")).isZero();
    assertThat(items.statusCounts(job.id())).isEqualTo(before);

    failing.arm(false);
    retention.execute(null, null);
    enqueued.forEach(id -> assertThat(queue.find(id)).as("item %d", id).isEmpty());
    assertThat(Tables.count(db, "webhook_event")).isZero();
    assertThat(Tables.count(db, "backfill_item")).isZero();
    assertThat(items.statusCounts(job.id())).isEqualTo(before);
    retention.execute(null, null);
    assertThat(items.statusCounts(job.id())).as("a run with nothing to do").isEqualTo(before);
  }

  /** Opens {@code count} work items of the store as a backfill page does, linked to the job. */
  private List<Long> enqueue(BackfillJob job, String store, String type, int count) {
    List<Long> ids = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String entityId = String.valueOf(i);
      long itemId =
          ScriptedPipeline.record(intake, new EntityRef(store, type, entityId), clock.millis());
      db.write(
          () -> {
            items.link(job.id(), type, entityId, itemId);
            return null;
          });
      ids.add(itemId);
    }
    return ids;
  }
}
