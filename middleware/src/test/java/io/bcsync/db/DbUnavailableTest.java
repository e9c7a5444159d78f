package io.bcsync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A database that cannot even hand out a connection must look to callers like any other storage
 * failure ({@link DataAccessFailure}, which the webhook answers with 503), not like an unexpected
 * error (500).
 */
class DbUnavailableTest {

  @SuppressWarnings("unchecked")
  private final TransactionOperations<Connection> transactions = mock(TransactionOperations.class);

  private final Db db = new Db(transactions);

  @Test
  void no_connection_from_the_pool_is_a_data_access_failure() {
    when(transactions.execute(any(), any()))
        .thenThrow(new CannotGetJdbcConnectionException("pool timed out"));

    assertThatThrownBy(() -> db.write(connection -> 1))
        .isInstanceOfSatisfying(
            DataAccessFailure.class,
            failure ->
                assertThat((Object) failure.sqlException())
                    .isInstanceOf(SQLTransientConnectionException.class));
  }

  @Test
  void no_connection_as_micronaut_data_reports_it_is_a_data_access_failure_too() {
    // What the data-connection layer throws when the pool times out (not the transaction one).
    java.sql.SQLTransientConnectionException timedOut =
        new java.sql.SQLTransientConnectionException("Connection is not available", "08001");
    when(transactions.execute(any(), any()))
        .thenThrow(
            new io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException(
                "Failed to obtain JDBC Connection", timedOut));

    assertThatThrownBy(() -> db.write(connection -> 1))
        .isInstanceOfSatisfying(
            DataAccessFailure.class,
            failure -> {
              assertThat((Object) failure.sqlException()).isSameAs(timedOut);
              assertThat(failure.isUnavailable()).isTrue();
            });
  }

  @Test
  void a_transaction_that_cannot_begin_keeps_its_sql_cause() {
    java.sql.SQLException refused =
        new java.sql.SQLNonTransientConnectionException("Connection refused", "08001");
    when(transactions.execute(any(), any()))
        .thenThrow(new CannotCreateTransactionException("could not begin", refused));

    assertThatThrownBy(() -> db.read(connection -> 1))
        .isInstanceOfSatisfying(
            DataAccessFailure.class,
            failure -> assertThat((Object) failure.sqlException()).isSameAs(refused));
  }
}
