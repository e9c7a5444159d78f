package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.FailureLog.FailedAttempt;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every failed attempt is kept with its error and the external call that failed (V37), in the
 * transaction that records the attempt's outcome: retried, dead-lettered, replayed and failed
 * again. A successful attempt and an attempt whose lease was lost write nothing.
 */
@MicronautTest(transactional = false)
class FailureLogTest extends ScriptedPipelineTestBase {
  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject BatchProcessor processor;
  @Inject FailureLog failures;

  @Override
  protected Map<String, String> moreProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("bcsync.pipeline.max-attempts", "2");
    properties.put("bcsync.pipeline.backoff-initial", "10s");
    properties.put("bcsync.pipeline.backoff-max", "1m");
    return properties;
  }

  @Test
  void failed_attempts_are_kept_with_their_call_across_a_replay_and_successes_write_nothing() {
    long itemId = event("order", "250");
    Outcome.Evidence call =
        new Outcome.Evidence("salesforce", "{\"call\": \"upsert\"}", "{\"success\": false}");
    handler.script(batch -> Map.of(itemId, Outcome.failed("Order upsert failed", false, call)));
    processor.processDueBatch();
    long firstAt = clock.millis();
    clock.advance(Duration.ofMinutes(1));
    handler.script(
        batch -> {
          throw new IOException("connection reset");
        });
    processor.processDueBatch();
    assertThat(queue.find(itemId).orElseThrow().status()).isEqualTo(WorkItemStatus.DEAD);

    List<FailedAttempt> attempts = failures.attempts(List.of(itemId));
    assertThat(attempts)
        .extracting(FailedAttempt::attempt, FailedAttempt::outcome, FailedAttempt::replayRound)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "RETRY", 0),
            org.assertj.core.groups.Tuple.tuple(2, "DEAD", 0));
    FailedAttempt first = attempts.get(0);
    assertThat(first.error()).isEqualTo("Order upsert failed");
    assertThat(first.system()).isEqualTo("salesforce");
    assertThat(first.request()).isEqualTo("{\"call\": \"upsert\"}");
    assertThat(first.response()).isEqualTo("{\"success\": false}");
    assertThat(first.failedAtMs()).isEqualTo(firstAt);
    assertThat(attempts.get(1).error()).isEqualTo("IOException: connection reset");
    assertThat(attempts.get(1).request()).isNull();

    // Replayed: the round's first attempt fails, the next one succeeds and adds no row.
    queue.replay(itemId, clock.millis());
    handler.script(batch -> Map.of(itemId, Outcome.retry("still locked")));
    processor.processDueBatch();
    clock.advance(Duration.ofMinutes(1));
    handler.script(ScriptedHandler::allSucceed);
    processor.processDueBatch();
    assertThat(queue.find(itemId).orElseThrow().status()).isEqualTo(WorkItemStatus.DONE);
    assertThat(failures.attempts(List.of(itemId)))
        .extracting(FailedAttempt::attempt, FailedAttempt::replayRound, FailedAttempt::error)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, 0, "Order upsert failed"),
            org.assertj.core.groups.Tuple.tuple(2, 0, "IOException: connection reset"),
            org.assertj.core.groups.Tuple.tuple(1, 1, "still locked"));
  }

  @Test
  void an_attempt_whose_lease_was_lost_and_a_deferred_item_record_no_failure() {
    long itemId = event("order", "251");
    long now = clock.millis();
    queue.claim("worker-a", 10, now, now + 1_000);
    // Worker a's lease expired and the item was recovered; its late outcome must not count.
    queue.recoverExpiredLeases(now + 2_000, 5);
    List<Boolean> applied =
        queue.finish(
            List.of(
                WorkQueue.Finish.retry(itemId, now + 5_000, "late")
                    .withEvidence(new Outcome.Evidence("salesforce", "req", "resp"))),
            "worker-a",
            now + 2_000);
    assertThat(applied).containsExactly(false);
    handler.script(batch -> Map.of(itemId, Outcome.deferred("customer busy")));
    clock.set(now + 3_000);
    processor.processDueBatch();
    assertThat(failures.attempts(List.of(itemId))).isEmpty();
  }

  @Test
  void evidence_longer_than_the_cap_is_shortened_and_says_so() {
    String request = "x".repeat(Outcome.Evidence.MAX_CHARS + 10);
    Outcome.Evidence evidence = new Outcome.Evidence("salesforce", request, null);
    assertThat(evidence.request())
        .startsWith("x".repeat(100))
        .endsWith("(shortened from " + request.length() + " characters)")
        .hasSizeLessThan(Outcome.Evidence.MAX_CHARS + 60);
    assertThat(evidence.response()).isNull();
  }

  @Test
  void retention_deletes_old_failed_attempts_of_ended_items_and_keeps_dead_and_open_ones() {
    long done = event("order", "260");
    long dead = event("order", "261");
    long open = event("order", "262");
    handler.script(
        batch -> {
          Map<Long, Outcome> outcomes = new HashMap<>();
          batch.forEach(item -> outcomes.put(item.id(), Outcome.retry("locked")));
          outcomes.put(dead, Outcome.permanent("refused"));
          return outcomes;
        });
    processor.processDueBatch();
    long failedAt = clock.millis();
    clock.advance(Duration.ofMinutes(1));
    handler.script(batch -> Map.of(done, Outcome.SUCCESS, open, Outcome.deferred("busy")));
    processor.processDueBatch();
    assertThat(queue.find(done).orElseThrow().status()).isEqualTo(WorkItemStatus.DONE);
    assertThat(queue.find(open).orElseThrow().status()).isEqualTo(WorkItemStatus.PENDING);
    assertThat(failures.deleteFailedBefore(failedAt)).isZero();
    assertThat(failures.deleteFailedBefore(failedAt + 1)).isEqualTo(1);
    assertThat(failures.attempts(List.of(done, dead, open)))
        .extracting(FailedAttempt::workItemId)
        .containsExactlyInAnyOrder(dead, open);
  }

  @Test
  void retention_deletes_a_long_history_in_several_transactions_and_all_of_it() {
    long done = event("order", "270");
    handler.script(batch -> Map.of(done, Outcome.SUCCESS));
    processor.processDueBatch();
    int rows = 2 * FailureLog.DELETE_CHUNK + 5;
    db.write(
        connection -> {
          try (java.sql.PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO work_item_failure (work_item_id, attempt, replay_round, outcome,"
                      + " failed_at_ms) VALUES (?, 1, 0, 'RETRY', 1)")) {
            for (int i = 0; i < rows; i++) {
              insert.setLong(1, done);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });

    assertThat(failures.deleteFailedBefore(2)).isEqualTo(rows);
    assertThat(failures.attempts(List.of(done))).isEmpty();
  }

  private long event(String type, String id) {
    return ((IntakeResult.Accepted)
            intake.record(
                new IncomingEvent(
                    new EntityRef(WebhookCalls.STORE, type, id),
                    "store/" + type + "/created",
                    "stores/" + WebhookCalls.STORE,
                    null,
                    "hash-" + type + id,
                    clock.millis() / 1000,
                    "{}")))
        .workItemId();
  }
}
