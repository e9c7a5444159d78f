package io.bcsync.db;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

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

  public static boolean isTransient(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransactionRollbackException
        || e instanceof SQLTransientException
        || "40001".equals(state)
        || e.getErrorCode() == MYSQL_DEADLOCK
        || e.getErrorCode() == MYSQL_LOCK_WAIT_TIMEOUT;
  }

  public static boolean isUniqueViolation(SQLException e) {
    return e instanceof SQLIntegrityConstraintViolationException
        || (e.getSQLState() != null && e.getSQLState().startsWith("23"));
  }
}
