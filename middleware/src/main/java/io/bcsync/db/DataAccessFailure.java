package io.bcsync.db;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Optional;

/** An unchecked wrapper of a {@link SQLException} that knows which failures are worth retrying. */
public class DataAccessFailure extends RuntimeException {
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int MYSQL_DEADLOCK = 1213;
  private static final int MARIADB_STATEMENT_TIMEOUT = 1969;
  private static final int MYSQL_STATEMENT_TIMEOUT = 3024;
  private static final int H2_LOCK_TIMEOUT = 50200;
  private static final int H2_CONNECTION_BROKEN = 90067;
  private static final int H2_DATABASE_CLOSED = 90121;
  private static final String H2_STATEMENT_CANCELED = "57014";

  public DataAccessFailure(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  public SQLException sqlException() {
    return (SQLException) getCause();
  }

  /**
   * Deadlocks, lock wait timeouts and serialization failures: the transaction can simply run again.
   */
  public boolean isTransient() {
    return isTransient(sqlException());
  }

  /**
   * The database cannot serve this now: no connection (refused, pool timed out or closed), a
   * connection lost, or a statement that gave up waiting (lock wait, statement or network timeout).
   * Running the same work again at once would most likely wait just as long.
   */
  public boolean isUnavailable() {
    return isUnavailable(sqlException());
  }

  public static boolean isUnavailable(SQLException e) {
    String state = e.getSQLState();
    int code = e.getErrorCode();
    return e instanceof SQLTransientConnectionException
        || e instanceof SQLNonTransientConnectionException
        || e instanceof SQLRecoverableException
        || e instanceof SQLTimeoutException
        || (state != null && state.startsWith("08"))
        || H2_STATEMENT_CANCELED.equals(state)
        || code == MYSQL_LOCK_WAIT_TIMEOUT
        || code == MARIADB_STATEMENT_TIMEOUT
        || code == MYSQL_STATEMENT_TIMEOUT
        || code == H2_LOCK_TIMEOUT
        || code == H2_CONNECTION_BROKEN
        || code == H2_DATABASE_CLOSED;
  }

  /** A unique or primary key refused the row (another transaction stored it first). */
  public boolean isUniqueViolation() {
    return isUniqueViolation(sqlException());
  }

  public static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransactionRollbackException
        || e instanceof SQLTransientException
        || "40001".equals(state)
        || e.getErrorCode() == MYSQL_DEADLOCK
        || e.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT;
  }

  /**
   * H2 and MySQL/MariaDB both report a duplicate key as an integrity constraint violation (SQLSTATE
   * class 23: H2 23505, MySQL 23000 with error 1062).
   */
  public static boolean isUniqueViolation(SQLException e) {
    return e instanceof SQLIntegrityConstraintViolationException
        || (e.getSQLState() != null && e.getSQLState().startsWith("23"));
  }

  /**
   * True when {@code e}, or the SQL failure it wraps (micronaut-data's {@code DataAccessException}
   * wraps the driver's), is a unique violation.
   */
  public static boolean isUniqueViolation(RuntimeException e) {
    return sqlCause(e).map(DataAccessFailure::isUniqueViolation).orElse(false);
  }

  /** The first {@link SQLException} in {@code error}'s cause chain, if any. */
  static Optional<SQLException> sqlCause(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }
}
