package io.bcsync.db;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * Runs database work inside Micronaut Data transactions: plain JDBC (the pipeline's hand-written
 * SQL, given the transaction's {@link Connection}) and micronaut-data-jdbc repository calls (which
 * join the transaction opened here). Either way callers see one unchecked failure, {@link
 * DataAccessFailure}: {@link SQLException}s thrown by JDBC code, the {@code DataAccessException}s
 * repositories wrap them in, and a connection that cannot be had at all.
 *
 * <p>Every repository call must run inside one of these methods: the pool hands out connections
 * with auto-commit off, so a write made outside a transaction would never be committed ({@code
 * allow-connection-per-operation: false} in application.yml makes such a call fail instead).
 */
@Singleton
public class Db {
  private final TransactionOperations<Connection> transactions;

  public Db(TransactionOperations<Connection> transactions) {
    this.transactions = transactions;
  }

  public <R> R write(SqlWork<R> work) {
    return run(TransactionDefinition.DEFAULT, work);
  }

  /** Repository calls in one transaction, committed when {@code work} returns. */
  public <R> R write(Supplier<R> work) {
    return run(TransactionDefinition.DEFAULT, connection -> work.get());
  }

  /**
   * {@link #write}, run again (up to {@code attempts} times in all) when it failed on a deadlock, a
   * lock wait timeout or a serialization failure: the database rolled the transaction back, and
   * InnoDB expects the application to simply retry it. Any other failure is thrown at once.
   */
  public <R> R writeRetryingTransient(int attempts, SqlWork<R> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write(work);
      } catch (DataAccessFailure failure) {
        if (!failure.isTransient() || attempt >= attempts) {
          throw failure;
        }
      }
    }
  }

  /**
   * {@link #writeRetryingTransient} for a caller that must answer quickly: its statements run under
   * {@code limits}, and a failure that says the database is unavailable (no connection, a lock or
   * network timeout: {@link DataAccessFailure#isUnavailable()}) is thrown at once rather than
   * waited out again. Deadlocks are still retried.
   */
  public <R> R writeFailingFast(int attempts, SessionLimits limits, SqlWork<R> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write(connection -> limits.around(connection, work));
      } catch (DataAccessFailure failure) {
        if (!failure.isTransient() || failure.isUnavailable() || attempt >= attempts) {
          throw failure;
        }
      }
    }
  }

  /** {@link #writeFailingFast(int, SessionLimits, SqlWork)} for repository calls. */
  public <R> R writeFailingFast(int attempts, SessionLimits limits, Supplier<R> work) {
    return writeFailingFast(attempts, limits, connection -> work.get());
  }

  /** {@link #writeRetryingTransient(int, SqlWork)} for repository calls. */
  public <R> R writeRetryingTransient(int attempts, Supplier<R> work) {
    return writeRetryingTransient(attempts, connection -> work.get());
  }

  public <R> R read(SqlWork<R> work) {
    return run(TransactionDefinition.READ_ONLY, work);
  }

  /** Repository reads in one read-only transaction. */
  public <R> R read(Supplier<R> work) {
    return run(TransactionDefinition.READ_ONLY, connection -> work.get());
  }

  private <R> R run(TransactionDefinition definition, SqlWork<R> work) {
    try {
      return transactions.execute(
          definition,
          status -> {
            try {
              return work.run(status.getConnection());
            } catch (SQLException e) {
              throw new DataAccessFailure(e);
            }
          });
    } catch (io.micronaut.data.exceptions.DataAccessException e) {
      // A repository statement failed (the transaction is rolled back by now). Its SQLException
      // says what happened (unique key, deadlock, lost connection); one without is a mapping
      // error in our code, not the database's.
      throw DataAccessFailure.sqlCause(e).map(DataAccessFailure::new).orElseThrow(() -> e);
    } catch (CannotGetJdbcConnectionException
        | io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException
        | ConnectionException
        | TransactionException e) {
      // No connection (database down, pool exhausted or closed) or a failed begin/commit: to
      // callers this is the database being unavailable like any other SQL failure, so the webhook
      // gets a 503 and the worker retries.
      throw new DataAccessFailure(
          DataAccessFailure.sqlCause(e)
              .orElseGet(() -> new SQLTransientConnectionException(e.getMessage(), e)));
    }
  }

  @FunctionalInterface
  public interface SqlWork<R> {
    R run(Connection connection) throws SQLException;
  }
}
