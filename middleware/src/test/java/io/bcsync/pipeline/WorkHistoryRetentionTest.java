package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.ScriptedPipeline;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.WebhookCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The history retention (V43, docs/pipeline.md "Retention") deletes work items that finished before
 * {@code history-retention}, with their webhook events and failed attempts, and nothing else: dead
 * letters and open items stay whatever their age, and so does recent work.
 */
@MicronautTest(transactional = false)
class WorkHistoryRetentionTest extends ScriptedPipelineTestBase {
  private static final Duration RETENTION = Duration.ofDays(30);

  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject BatchProcessor processor;
  @Inject FailureLog failures;
  @Inject QueueRetention retention;
  @Inject MeterRegistry registry;

  @Inject
  @Named("work-history-retention")
  RecurringTask<Void> job;

  @Override
  protected Map<String, String> moreProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("bcsync.pipeline.max-attempts", "2");
    properties.put("bcsync.pipeline.backoff-initial", "10s");
    properties.put("bcsync.pipeline.backoff-max", "1m");
    properties.put("bcsync.pipeline.history-retention", RETENTION.toDays() + "d");
    properties.put("bcsync.pipeline.webhook-max-age", "72h");
    return properties;
  }

  @Test
  void finished_items_past_the_retention_go_with_their_events_and_failures_and_nothing_else() {
    long done = event("order", "1");
    long skipped = event("order", "2");
    long dead = event("order", "3");
    long open = event("order", "4");
    long replayedDead = event("order", "5");
    // First attempt: the item that will end DONE fails once, so it has a failed attempt to lose.
    handler.script(
        batch ->
            Map.of(
                done, Outcome.retry("locked"),
                skipped, Outcome.skipped("no flow"),
                dead, Outcome.permanent("refused"),
                open, Outcome.deferred("busy"),
                replayedDead, Outcome.permanent("refused")));
    processor.processDueBatch();
    clock.advance(Duration.ofMinutes(1));
    handler.script(batch -> Map.of(done, Outcome.SUCCESS, open, Outcome.deferred("busy")));
    processor.processDueBatch();
    // A dead letter replayed while a newer item of its order is open is SUPERSEDED by it.
    long newer = event("order", "5");
    assertThat(queue.replay(replayedDead, clock.millis()))
        .isEqualTo(WorkQueue.ReplayResult.MERGED_INTO_OPEN_ITEM);
    handler.script(batch -> succeedingAllBut(batch, open));
    processor.processDueBatch();
    assertThat(statusOf(done)).isEqualTo(WorkItemStatus.DONE);
    assertThat(statusOf(skipped)).isEqualTo(WorkItemStatus.SKIPPED);
    assertThat(statusOf(dead)).isEqualTo(WorkItemStatus.DEAD);
    assertThat(statusOf(open)).isEqualTo(WorkItemStatus.PENDING);
    assertThat(statusOf(replayedDead)).isEqualTo(WorkItemStatus.SUPERSEDED);
    assertThat(statusOf(newer)).isEqualTo(WorkItemStatus.DONE);
    assertThat(failures.attempts(List.of(done))).hasSize(1);

    // One minute short of the retention nothing has aged out.
    clock.advance(RETENTION.minusMinutes(2));
    assertThat(retention.deleteFinishedBefore(clock.millis() - RETENTION.toMillis()))
        .isEqualTo(new QueueRetention.Deleted(0, 0, 0));

    // Past it; an order that arrives and finishes now is recent work.
    clock.advance(Duration.ofMinutes(5));
    long recent = event("order", "6");
    handler.script(batch -> succeedingAllBut(batch, open));
    processor.processDueBatch();
    job.execute(null, null);

    for (long gone : new long[] {done, skipped, replayedDead, newer}) {
      assertThat(queue.find(gone)).as("item %d", gone).isEmpty();
      assertThat(eventsOf(gone)).as("events of item %d", gone).isZero();
    }
    assertThat(failures.attempts(List.of(done, replayedDead))).isEmpty();
    assertThat(statusOf(dead)).isEqualTo(WorkItemStatus.DEAD);
    assertThat(failures.attempts(List.of(dead))).hasSize(1);
    assertThat(statusOf(recent)).isEqualTo(WorkItemStatus.DONE);
    for (long kept : new long[] {dead, open, recent}) {
      assertThat(eventsOf(kept)).as("events of item %d", kept).isEqualTo(1);
    }
    assertThat(queue.find(open)).isPresent();
    assertThat(Tables.count(db, "work_item")).isEqualTo(3);
    assertThat(deletedCounted("work_item")).isEqualTo(4);
    assertThat(deletedCounted("webhook_event")).isEqualTo(4);
    assertThat(deletedCounted("work_item_failure"))
        .as("done's and the superseded one's")
        .isEqualTo(2);
  }

  private double deletedCounted(String table) {
    return registry.get("bcsync.history.retention.deleted").tag("table", table).counter().count();
  }

  @Test
  void a_long_history_is_deleted_chunk_by_chunk_past_the_items_it_keeps() {
    int finished = 2 * QueueRetention.SCAN_CHUNK + 7;
    long cutoff = clock.millis();
    db.write(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO work_item (store_hash, entity_type, entity_id, status, scopes,"
                      + " event_count, dirty, attempts, next_attempt_at_ms, created_at_ms,"
                      + " updated_at_ms, replay_count) VALUES (?, 'order', ?, ?, '', 1, 0, 1, 0,"
                      + " ?, ?, 0)")) {
            for (int i = 0; i < finished; i++) {
              // Every hundredth old item is a dead letter, spread through the chunks.
              String status = i % 100 == 0 ? "DEAD" : "DONE";
              insert.setString(1, WebhookCalls.STORE);
              insert.setString(2, "old-" + i);
              insert.setString(3, status);
              insert.setLong(4, cutoff - 10_000 + i);
              insert.setLong(5, cutoff - 5_000);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
    long deadOnes = (finished + 99) / 100;
    long recent = event("order", "recent");
    handler.script(ScriptedHandler::allSucceed);
    processor.processDueBatch();
    assertThat(statusOf(recent)).isEqualTo(WorkItemStatus.DONE);

    List<Long> rests = new ArrayList<>();
    QueueRetention recordingRests = new QueueRetention(db, List.of(), rests::add);

    QueueRetention.Deleted deleted = recordingRests.deleteFinishedBefore(cutoff);

    assertThat(deleted.items()).isEqualTo(finished - deadOnes);
    assertThat(countWithStatus("DEAD")).isEqualTo(deadOnes);
    assertThat(countWithStatus("DONE")).as("only the recent item").isEqualTo(1);
    assertThat(rests)
        .as("a rest after each full chunk as long as it took; none after the last")
        .hasSize(2)
        .allSatisfy(nanos -> assertThat(nanos).isPositive());
    assertThat(retention.deleteFinishedBefore(cutoff).items()).as("a second run").isZero();
  }

  @Test
  void an_interrupt_ends_a_run_after_its_chunk_and_the_next_run_goes_on() {
    long cutoff = clock.millis();
    insertFinished(QueueRetention.SCAN_CHUNK + 10, cutoff);
    QueueRetention interrupted =
        new QueueRetention(
            db,
            List.of(),
            nanos -> {
              throw new InterruptedException("shutdown");
            });

    QueueRetention.Deleted first = interrupted.deleteFinishedBefore(cutoff);
    boolean flagSet = Thread.interrupted();

    assertThat(flagSet).as("the interrupt is kept for the caller").isTrue();
    assertThat(first.items()).isEqualTo(QueueRetention.SCAN_CHUNK);
    assertThat(retention.deleteFinishedBefore(cutoff).items()).isEqualTo(10);
    assertThat(Tables.count(db, "work_item")).isZero();
  }

  /** {@code count} DONE orders created and finished before {@code cutoff}. */
  private void insertFinished(int count, long cutoff) {
    db.write(
        connection -> {
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO work_item (store_hash, entity_type, entity_id, status, scopes,"
                      + " event_count, dirty, attempts, next_attempt_at_ms, created_at_ms,"
                      + " updated_at_ms, replay_count) VALUES (?, 'order', ?, 'DONE', '', 1, 0, 1,"
                      + " 0, ?, ?, 0)")) {
            for (int i = 0; i < count; i++) {
              insert.setString(1, WebhookCalls.STORE);
              insert.setString(2, "done-" + i);
              insert.setLong(3, cutoff - 10_000 + i);
              insert.setLong(4, cutoff - 5_000);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  /** Every item of the batch succeeds except {@code open}, which stays waiting. */
  private static Map<Long, Outcome> succeedingAllBut(List<WorkItem> batch, long open) {
    Map<Long, Outcome> outcomes = new HashMap<>(ScriptedHandler.allSucceed(batch));
    outcomes.computeIfPresent(open, (id, success) -> Outcome.deferred("busy"));
    return outcomes;
  }

  private WorkItemStatus statusOf(long id) {
    return queue.find(id).orElseThrow().status();
  }

  private long eventsOf(long itemId) {
    return count("SELECT COUNT(*) FROM webhook_event WHERE work_item_id = ?", itemId);
  }

  private long countWithStatus(String status) {
    return count("SELECT COUNT(*) FROM work_item WHERE status = ?", status);
  }

  private long count(String sql, Object parameter) {
    return db.read(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  private long event(String type, String id) {
    return ScriptedPipeline.record(
        intake, new EntityRef(WebhookCalls.STORE, type, id), clock.millis());
  }
}
