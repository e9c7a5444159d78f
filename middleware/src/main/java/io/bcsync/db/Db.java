package io.bcsync.db;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.exceptions.TransactionException;
import io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Runs plain JDBC work inside Micronaut Data transactions. The pipeline's SQL (SKIP LOCKED claims,
 * conditional updates) is hand-written because it must be identical on H2 and MySQL/MariaDB; this
 * class keeps the transaction handling in one place and turns {@link SQLException} into the
 * unchecked {@link DataAccessFailure}.
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

  public <R> R read(SqlWork<R> work) {
    return run(TransactionDefinition.READ_ONLY, work);
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
    } catch (CannotGetJdbcConnectionException | TransactionException e) {
      // No connection (database down, pool exhausted) or a failed begin/commit: to callers this is
      // the database
      // being unavailable like any other SQL failure, so the webhook gets a 503 and the worker
      // retries.
      throw new DataAccessFailure(sqlCause(e));
    }
  }

  private static SQLException sqlCause(RuntimeException e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return sql;
      }
    }
    return new SQLTransientConnectionException(e.getMessage(), e);
  }

  @FunctionalInterface
  public interface SqlWork<R> {
    R run(Connection connection) throws SQLException;
  }
}
