package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.testsupport.Tables;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * When a group cannot be committed as a whole: one refused row fails alone, failing storage fails
 * every member; and closing commits what is queued and refuses what comes after.
 */
@MicronautTest(transactional = false)
class IntakeBatcherFailuresAndCloseTest extends IntakeBatcherTestBase {
  @Test
  void one_row_the_database_refuses_fails_alone() throws Exception {
    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    CompletableFuture<IntakeResult> before =
        batcher.submit(event("order", "501", "store/order/created"));
    // Longer than webhook_event.scope allows: only the database notices.
    CompletableFuture<IntakeResult> bad =
        batcher.submit(event("order", "502", "store/order/" + "x".repeat(300)));
    CompletableFuture<IntakeResult> after =
        batcher.submit(event("order", "503", "store/order/created"));
    groups.open();

    result(blocker);
    assertThat(result(before)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(result(after)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(failure(bad)).isInstanceOf(DataAccessFailure.class);
    assertThat(groups.sizes()).containsExactly(1, 3);
    assertThat(fallbacks()).isEqualTo(1);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(3);
    assertThat(openItemsOf("502")).isEmpty();
    assertThat(openItemsOf("501")).hasSize(1);
    assertThat(openItemsOf("503")).hasSize(1);
  }

  @Test
  void when_storage_fails_every_member_fails_and_nothing_is_stored() throws Exception {
    renameEventTable("webhook_event", "webhook_event_offline");
    try {
      CompletableFuture<IntakeResult> blocker = holdTheWriter();
      List<CompletableFuture<IntakeResult>> members = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        members.add(batcher.submit(event("order", "60" + i, "store/order/created")));
      }
      groups.open();

      assertThat(failure(blocker)).isInstanceOf(DataAccessFailure.class);
      for (CompletableFuture<IntakeResult> member : members) {
        assertThat(failure(member)).isInstanceOf(DataAccessFailure.class);
      }
      assertThat(groups.sizes()).containsExactly(1, 3);
    } finally {
      renameEventTable("webhook_event_offline", "webhook_event");
    }
    assertThat(Tables.count(db, "webhook_event")).isZero();
    assertThat(Tables.count(db, "work_item")).isZero();
    assertThat(Tables.count(db, "webhook_dedupe")).isZero();
  }

  @Test
  void close_commits_everything_queued_and_refuses_what_comes_after() throws Exception {
    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    List<CompletableFuture<IntakeResult>> queued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      queued.add(batcher.submit(event("order", "70" + i, "store/order/created")));
    }
    Thread closer = new Thread(batcher::close, "test-closer");
    closer.start();
    groups.open();
    closer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(closer.isAlive()).isFalse();

    // close() returned: everything queued before it is committed.
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(4);
    assertThat(result(blocker)).isInstanceOf(IntakeResult.Accepted.class);
    for (CompletableFuture<IntakeResult> future : queued) {
      assertThat(result(future)).isInstanceOf(IntakeResult.Accepted.class);
    }
    assertThat(failure(batcher.submit(event("order", "799", "store/order/created"))))
        .isInstanceOf(IntakeClosedException.class);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(4);
  }

  private void renameEventTable(String from, String to) {
    db.write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
          }
          return null;
        });
  }

  private static Throwable failure(CompletableFuture<IntakeResult> future) throws Exception {
    try {
      IntakeResult unexpected = future.get(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + unexpected);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
