package io.bcsync.pipeline;

import static io.bcsync.pipeline.WorkItemStatus.DONE;
import static io.bcsync.pipeline.WorkItemStatus.IN_PROGRESS;
import static io.bcsync.pipeline.WorkItemStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.PipelineConfig;
import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Recovery with the default leases, on a hand-moved clock: a dead worker's items are free again one
 * lease timeout (20 s) after its last renewal, a live worker's batch keeps its leases however long
 * it runs, and an item deferred because what it needs is busy never uses up its attempts. Runs on
 * H2; the MariaDB subclass runs every case there.
 */
@MicronautTest(transactional = false)
class LeaseRenewalAndDeferralTest extends ScriptedPipelineTestBase {
  private static final long WAIT_SECONDS = 30;

  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject BatchProcessor processor;
  @Inject Heartbeat heartbeat;
  @Inject PipelineConfig config;
  @Inject WorkLeases leases;

  private int hashes;

  @Override
  protected long startMillis() {
    return 1_700_000_000_123L;
  }

  @Test
  void a_dead_workers_items_are_free_again_one_lease_timeout_after_its_claim() {
    long itemId = event("order", "1");
    assertThat(config.leaseTimeout()).as("the default lease").isEqualTo(Duration.ofSeconds(20));
    // A worker claims as BatchProcessor does and dies: nobody renews the lease.
    long claimedAt = clock.millis();
    queue.claim("dead-worker", 10, claimedAt, claimedAt + config.leaseTimeout().toMillis());

    clock.set(claimedAt + 19_999);
    assertThat(queue.recoverExpiredLeases(clock.millis(), 8).requeued()).isZero();
    clock.set(claimedAt + 20_001);
    assertThat(queue.recoverExpiredLeases(clock.millis(), 8).requeued()).isEqualTo(1);

    assertThat(processor.processDueBatch()).isEqualTo(1);
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DONE);
  }

  @Test
  void a_live_workers_leases_are_renewed_while_its_batch_runs_so_nobody_takes_them_over()
      throws Exception {
    long itemId = event("order", "2");
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    holdBatchUntil(inHandler, release);
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(processor::processDueBatch);
    assertThat(inHandler.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

    // The batch runs for a minute; the heartbeat beats along (driven by hand here).
    for (int i = 0; i < 12; i++) {
      clock.advance(Duration.ofSeconds(5));
      heartbeat.beat();
      assertThat(queue.recoverExpiredLeases(clock.millis(), 8).requeued()).isZero();
    }
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.IN_PROGRESS);

    release.countDown();
    assertThat(running.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DONE);
    assertThat(heartbeat.beating()).as("the finished batch is no longer renewed").isZero();
  }

  /**
   * A rolling upgrade past V39: an instance of an older version recovers items by their own expiry
   * alone ({@link #PRE_V39_RECOVERY}). A batch running for a minute keeps that expiry ahead of the
   * next beats, so such an instance never takes it back; a short batch's items are not rewritten.
   */
  @Test
  void a_long_batch_keeps_its_items_own_expiry_ahead_for_an_instance_older_than_V39()
      throws Exception {
    long itemId = event("order", "3");
    CountDownLatch inHandler = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    holdBatchUntil(inHandler, release);
    long claimedAt = clock.millis();
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(processor::processDueBatch);
    assertThat(inHandler.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(ownExpiry(itemId)).isEqualTo(claimedAt + 20_000);

    clock.advance(Duration.ofSeconds(5));
    heartbeat.beat();
    assertThat(ownExpiry(itemId))
        .as("five seconds in, only the lease row was renewed")
        .isEqualTo(claimedAt + 20_000);
    int moves = 0;
    long last = claimedAt + 20_000;
    for (int beat = 2; beat <= 12; beat++) {
      clock.advance(Duration.ofSeconds(5));
      heartbeat.beat();
      assertThat(preV39Recovery())
          .as("an older instance's recovery %d s into the batch", beat * 5)
          .isZero();
      long expiry = ownExpiry(itemId);
      assertThat(expiry).as("ahead of the next beat").isGreaterThan(clock.millis() + 5_000);
      moves += expiry != last ? 1 : 0;
      last = expiry;
    }
    assertThat(moves).as("items rewritten less often than the beats").isBetween(1, 10);
    assertThat(item(itemId).status()).isEqualTo(IN_PROGRESS);

    release.countDown();
    assertThat(running.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(item(itemId).status()).isEqualTo(DONE);
  }

  /** The next batch signals {@code inHandler} and runs until {@code release}, then succeeds. */
  private void holdBatchUntil(CountDownLatch inHandler, CountDownLatch release) {
    handler.script(
        batch -> {
          inHandler.countDown();
          if (!release.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the batch");
          }
          return ScriptedHandler.allSucceed(batch);
        });
  }

  /** The requeue statement of lease recovery before V39 (1e18a5a, WorkQueue). */
  private static final String PRE_V39_RECOVERY =
      "UPDATE work_item SET status = 'PENDING', next_attempt_at_ms = ?, last_error = ?,"
          + " lease_owner = NULL, lease_expires_at_ms = NULL, updated_at_ms = ?, dirty = 0"
          + " WHERE status = 'IN_PROGRESS' AND lease_expires_at_ms < ?";

  private int preV39Recovery() {
    long now = clock.millis();
    return db.write(
        connection -> {
          try (java.sql.PreparedStatement update = connection.prepareStatement(PRE_V39_RECOVERY)) {
            update.setLong(1, now);
            update.setString(2, "lease expired (worker crashed or hung); returned to the queue");
            update.setLong(3, now);
            update.setLong(4, now);
            return update.executeUpdate();
          }
        });
  }

  private long ownExpiry(long itemId) {
    return db.read(
        connection -> {
          try (java.sql.PreparedStatement select =
              connection.prepareStatement(
                  "SELECT lease_expires_at_ms FROM work_item WHERE id = ?")) {
            select.setLong(1, itemId);
            try (java.sql.ResultSet rs = select.executeQuery()) {
              rs.next();
              return rs.getLong(1);
            }
          }
        });
  }

  @Test
  void one_renewal_keeps_every_item_of_the_batch_past_the_claims_first_expiry() {
    List<Long> ids = List.of(event("order", "10"), event("order", "11"), event("order", "12"));
    long claimedAt = clock.millis();
    assertThat(queue.claim("live-worker", 10, claimedAt, claimedAt + 20_000)).hasSize(3);

    clock.set(claimedAt + 15_000);
    assertThat(leases.renew("live-worker", clock.millis() + 20_000, List.of())).isTrue();
    clock.set(claimedAt + 34_999);
    assertThat(queue.recoverExpiredLeases(clock.millis(), 8).requeued()).isZero();
    assertThat(ids).allSatisfy(id -> assertThat(item(id).status()).isEqualTo(IN_PROGRESS));

    clock.set(claimedAt + 35_001);
    assertThat(queue.recoverExpiredLeases(clock.millis(), 8).requeued()).isEqualTo(3);
    assertThat(ids).allSatisfy(id -> assertThat(item(id).status()).isEqualTo(PENDING));
  }

  @Test
  void a_lapsed_lease_is_recovered_once_and_its_late_renewal_and_outcomes_take_nothing_back() {
    List<Long> ids = List.of(event("order", "20"), event("order", "21"));
    long claimedAt = clock.millis();
    queue.claim("slow-worker", 10, claimedAt, claimedAt + 20_000);
    clock.set(claimedAt + 20_001);
    assertThat(queue.recoverExpiredLeases(clock.millis(), 8).requeued()).isEqualTo(2);
    assertThat(queue.recoverExpiredLeases(clock.millis(), 8).requeued())
        .as("recovered once")
        .isZero();

    // The slow worker's heartbeat comes back after the recovery: it renews nothing.
    assertThat(leases.renew("slow-worker", clock.millis() + 20_000, List.of())).isFalse();
    assertThat(ids).allSatisfy(id -> assertThat(item(id).status()).isEqualTo(PENDING));
    assertThat(queue.claim("next-worker", 10, clock.millis(), clock.millis() + 20_000)).hasSize(2);
    assertThat(
            queue.finish(
                ids.stream().map(WorkQueue.Finish::complete).toList(),
                "slow-worker",
                clock.millis()))
        .containsExactly(false, false);
    assertThat(ids).allSatisfy(id -> assertThat(item(id).status()).isEqualTo(IN_PROGRESS));

    // The next worker's lease was untouched by the slow worker's finish: its renewal holds.
    clock.advance(Duration.ofSeconds(15));
    assertThat(leases.renew("next-worker", clock.millis() + 20_000, List.of())).isTrue();
    clock.advance(Duration.ofSeconds(15));
    assertThat(queue.recoverExpiredLeases(clock.millis(), 8).requeued()).isZero();
    assertThat(
            queue.finish(
                ids.stream().map(WorkQueue.Finish::complete).toList(),
                "next-worker",
                clock.millis()))
        .containsExactly(true, true);
    assertThat(ids).allSatisfy(id -> assertThat(item(id).status()).isEqualTo(DONE));
  }

  @Test
  void one_finish_records_each_held_item_and_leaves_an_item_held_by_another_claim_alone() {
    long done = event("order", "30");
    long retried = event("order", "31");
    long taken = event("order", "32");
    long claimedAt = clock.millis();
    assertThat(queue.claim("worker-a", 10, claimedAt, claimedAt + 20_000)).hasSize(3);
    // As if the third item's lease had lapsed and another worker had claimed it since.
    db.write(
        connection -> {
          try (java.sql.PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE work_item SET lease_owner = 'worker-b' WHERE id = ?")) {
            update.setLong(1, taken);
            return update.executeUpdate();
          }
        });

    List<Boolean> applied =
        queue.finish(
            List.of(
                WorkQueue.Finish.complete(done),
                WorkQueue.Finish.retry(retried, claimedAt + 5_000, "HTTP 503"),
                WorkQueue.Finish.complete(taken)),
            "worker-a",
            clock.millis());

    assertThat(applied).containsExactly(true, true, false);
    assertThat(item(done).status()).isEqualTo(DONE);
    assertThat(item(retried).status()).isEqualTo(PENDING);
    assertThat(item(retried).lastError()).isEqualTo("HTTP 503");
    assertThat(item(taken).status()).isEqualTo(IN_PROGRESS);
    assertThat(queue.complete(taken, "worker-b", clock.millis())).isTrue();
    assertThat(item(taken).status()).isEqualTo(DONE);
  }

  @Test
  void a_worker_that_hangs_is_not_renewed_for_ever() {
    AtomicInteger renewals = new AtomicInteger();
    try (Heartbeat.Beat hung = heartbeat.start("a hung batch", renewals::incrementAndGet)) {
      clock.advance(Duration.ofMinutes(29));
      heartbeat.beat();
      assertThat(renewals.get()).as("renewed for 29 minutes").isPositive();

      clock.advance(Duration.ofMinutes(2));
      int before = renewals.get();
      heartbeat.beat();
      heartbeat.beat();

      assertThat(renewals).as("no longer renewed after 30 minutes").hasValue(before);
      assertThat(heartbeat.beating()).isZero();
    }
  }

  @Test
  void a_deferred_item_returns_soon_and_never_uses_up_its_attempts() {
    long itemId = event("order", "3");
    handler.script(batch -> Map.of(itemId, Outcome.deferred("customer 9 is busy elsewhere")));

    for (int round = 0; round < 20; round++) {
      long deferredAt = clock.millis();
      assertThat(processor.processDueBatch()).isEqualTo(1);
      WorkItem deferred = item(itemId);
      assertThat(deferred.status()).isEqualTo(WorkItemStatus.PENDING);
      assertThat(deferred.attempts()).isZero();
      assertThat(deferred.lastError()).isEqualTo("customer 9 is busy elsewhere");
      // The first retry's delay (backoff-initial 5 s, with jitter), not a growing backoff.
      assertThat(deferred.nextAttemptAtMs()).isBetween(deferredAt + 2_500, deferredAt + 5_000);
      clock.set(deferred.nextAttemptAtMs());
    }

    handler.script(ScriptedHandler::allSucceed);
    assertThat(processor.processDueBatch()).isEqualTo(1);
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DONE);
  }

  @Test
  void a_failure_after_deferrals_counts_only_the_real_attempt() {
    long itemId = event("order", "4");
    handler.script(batch -> Map.of(itemId, Outcome.deferred("busy")));
    processor.processDueBatch();
    clock.set(item(itemId).nextAttemptAtMs());
    handler.script(batch -> Map.of(itemId, Outcome.retry("HTTP 503 from Salesforce")));

    processor.processDueBatch();

    assertThat(item(itemId).attempts()).isEqualTo(1);
    assertThat(item(itemId).lastError()).isEqualTo("HTTP 503 from Salesforce");
  }

  private long event(String type, String id) {
    return ((IntakeResult.Accepted)
            intake.record(
                new IncomingEvent(
                    new EntityRef(WebhookCalls.STORE, type, id),
                    "store/" + type + "/created",
                    "stores/" + WebhookCalls.STORE,
                    null,
                    "hash-" + ++hashes,
                    clock.millis() / 1000,
                    "{}")))
        .workItemId();
  }

  private WorkItem item(long id) {
    return queue.find(id).orElseThrow();
  }
}
