package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.IntakeBatchConfig;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.testsupport.Tables;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Intake answers instead of hanging: a full queue refuses at once, a callback not committed within
 * the intake timeout fails then (and is skipped, not stored, if no writer took it yet), and a
 * statement waiting on another transaction's lock gives up after the intake's lock wait, failing
 * its group as a whole and freeing the writer. Runs on H2; the MariaDB subclass runs every case
 * there and adds a table lock.
 */
@MicronautTest(transactional = false)
class IntakeFailFastTest extends IntakeBatcherTestBase {
  static final int QUEUE_MAX = 2;

  @Override
  IntakeBatchConfig config() {
    return new IntakeBatchConfig(
        256, 1, QUEUE_MAX, Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofSeconds(5));
  }

  @Test
  void a_full_queue_refuses_a_callback_at_once_and_the_queued_ones_are_stored() throws Exception {
    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    CompletableFuture<IntakeResult> first =
        batcher.submit(event("order", "11", "store/order/created"));
    CompletableFuture<IntakeResult> second =
        batcher.submit(event("order", "12", "store/order/created"));

    CompletableFuture<IntakeResult> third =
        batcher.submit(event("order", "13", "store/order/created"));

    assertThat(failure(third))
        .isInstanceOfSatisfying(
            IntakeUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("queue_full"));
    assertThat(groups.sizes()).as("refused while the writer was still held").containsExactly(1);
    groups.open();
    assertThat(result(blocker)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(result(first)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(result(second)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(openItemsOf("13")).isEmpty();
    assertThat(refused("queue_full")).isEqualTo(1);
  }

  @Test
  void a_callback_not_committed_in_time_fails_and_one_no_writer_took_is_not_stored()
      throws Exception {
    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    CompletableFuture<IntakeResult> waiting =
        batcher.submit(event("order", "21", "store/order/created"));

    assertThat(failure(waiting))
        .isInstanceOfSatisfying(
            IntakeUnavailableException.class, e -> assertThat(e.reason()).isEqualTo("timed_out"));
    assertThat(failure(blocker)).isInstanceOf(IntakeUnavailableException.class);
    assertThat(groups.sizes()).as("answered while the writer was still held").containsExactly(1);

    groups.open();
    // The held group still commits (a redelivery of it is a duplicate); the one nobody took is
    // dropped, its sender retries it.
    CompletableFuture<IntakeResult> next =
        batcher.submit(event("order", "22", "store/order/created"));
    assertThat(result(next)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(openItemsOf("1")).hasSize(1);
    assertThat(openItemsOf("21")).isEmpty();
    assertThat(groups.sizes()).containsExactly(1, 1);
    assertThat(refused("timed_out")).isEqualTo(2);
  }

  @Test
  void a_row_lock_held_elsewhere_fails_the_group_at_once_and_frees_the_writer() throws Exception {
    groups.open();
    assertThat(result(batcher.submit(event("order", "31", "store/order/created"))))
        .isInstanceOf(IntakeResult.Accepted.class);
    long itemId = openItemsOf("31").get(0).id();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> holder =
        CompletableFuture.supplyAsync(
            () ->
                db.write(
                    connection -> {
                      try (PreparedStatement lock =
                          connection.prepareStatement(
                              "SELECT id FROM work_item WHERE id = ? FOR UPDATE")) {
                        lock.setLong(1, itemId);
                        lock.executeQuery().close();
                      }
                      locked.countDown();
                      try {
                        return release.await(WAIT_SECONDS, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                      }
                    }));
    try {
      assertThat(locked.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

      CompletableFuture<IntakeResult> behindLock =
          batcher.submit(event("order", "31", "store/order/updated"));

      assertThat(failure(behindLock))
          .isInstanceOfSatisfying(
              DataAccessFailure.class, e -> assertThat(e.isUnavailable()).isTrue());
      assertThat(fallbacks()).as("not retried member by member").isZero();
      // Still locked, and the writer is free again: another entity's callback is stored.
      assertThat(holder).isNotDone();
      assertThat(result(batcher.submit(event("order", "32", "store/order/created"))))
          .isInstanceOf(IntakeResult.Accepted.class);
    } finally {
      release.countDown();
    }
    holder.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(openItemsOf("31").get(0).eventCount())
        .as("the refused update was not stored")
        .isOne();
    assertThat(result(batcher.submit(event("order", "31", "store/order/updated"))))
        .isInstanceOf(IntakeResult.Accepted.class);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(3);
  }

  double refused(String reason) {
    return registry.counter("bcsync.intake.refused", "reason", reason).count();
  }

  static Throwable failure(CompletableFuture<IntakeResult> future) throws Exception {
    try {
      IntakeResult unexpected = future.get(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + unexpected);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
