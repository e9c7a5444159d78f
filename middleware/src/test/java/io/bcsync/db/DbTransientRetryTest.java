package io.bcsync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micronaut.transaction.TransactionCallback;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transaction the database rolled back as a deadlock victim runs again; other failures are thrown
 * at once.
 */
class DbTransientRetryTest {
  private static final int MYSQL_DEADLOCK = 1213;

  @SuppressWarnings("unchecked")
  private final TransactionOperations<Connection> transactions = mock(TransactionOperations.class);

  private final Db db = new Db(transactions);
  private final AtomicInteger runs = new AtomicInteger();

  @BeforeEach
  @SuppressWarnings("unchecked")
  void runCallbacksInAFakeTransaction() {
    TransactionStatus<Connection> status = mock(TransactionStatus.class);
    when(status.getConnection()).thenReturn(mock(Connection.class));
    when(transactions.execute(any(), any()))
        .thenAnswer(
            invocation -> {
              TransactionCallback<Connection, Object> callback = invocation.getArgument(1);
              return callback.call(status);
            });
  }

  @Test
  void a_deadlock_victim_runs_again_until_it_succeeds() {
    String result =
        db.writeRetryingTransient(
            3,
            connection -> {
              if (runs.incrementAndGet() < 3) {
                throw new SQLException(
                    "Deadlock found when trying to get lock", "40001", MYSQL_DEADLOCK);
              }
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(runs).hasValue(3);
  }

  @Test
  void it_gives_up_after_the_attempts_with_the_last_failure() {
    assertThatThrownBy(
            () ->
                db.writeRetryingTransient(
                    2,
                    connection -> {
                      runs.incrementAndGet();
                      throw new SQLException("Lock wait timeout exceeded", "HY000", 1205);
                    }))
        .isInstanceOfSatisfying(DataAccessFailure.class, f -> assertThat(f.isTransient()).isTrue());

    assertThat(runs).hasValue(2);
  }

  @Test
  void a_failure_that_is_not_transient_is_thrown_at_once() {
    assertThatThrownBy(
            () ->
                db.writeRetryingTransient(
                    5,
                    connection -> {
                      runs.incrementAndGet();
                      throw new SQLException("Duplicate entry", "23000", 1062);
                    }))
        .isInstanceOf(DataAccessFailure.class);

    assertThat(runs).hasValue(1);
  }
}
