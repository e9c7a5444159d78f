package io.bcsync.db;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;
import java.util.Optional;

/** An unchecked wrapper of a {@link SQLException} that knows which failures are worth retrying. */
public class DataAccessFailure extends RuntimeException {
  private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
  private static final int MYSQL_DEADLOCK = 1213;

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
