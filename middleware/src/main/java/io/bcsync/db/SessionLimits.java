package io.bcsync.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Short limits for one transaction's statements, so a caller that must answer quickly (webhook
 * intake) fails fast instead of waiting behind a lock or on a dead network:
 *
 * <ul>
 *   <li>{@code lockWait}: how long a statement waits for a row or table lock. MySQL/MariaDB: the
 *       session's {@code innodb_lock_wait_timeout} (row locks) and {@code lock_wait_timeout}
 *       (metadata locks, which {@code LOCK TABLES} and DDL hold; its default is a year), in whole
 *       seconds, at least 1. H2: the session's {@code LOCK_TIMEOUT}, in milliseconds.
 *   <li>{@code network}: the connection's network timeout (a read that hears nothing for this long
 *       fails and the connection is discarded). mysql-connector-j applies it to the socket; H2
 *       ignores it (embedded H2 has no network).
 * </ul>
 *
 * The previous values are restored before the connection goes back to the pool, so other work on it
 * keeps the pool's settings. Costs two statements per transaction on MySQL/MariaDB (one sets and
 * remembers, one restores) and nothing else.
 */
public record SessionLimits(Duration lockWait, Duration network) {
  private static final Executor DIRECT = Runnable::run;

  public SessionLimits {
    if (lockWait.isNegative() || lockWait.isZero() || network.compareTo(lockWait) <= 0) {
      throw new IllegalArgumentException(
          "lock wait must be positive and the network timeout longer: "
              + lockWait
              + ", "
              + network);
    }
  }

  <R> R around(Connection connection, Db.SqlWork<R> work) throws SQLException {
    Restore restore = apply(connection);
    R result;
    try {
      result = work.run(connection);
    } catch (SQLException | RuntimeException | Error e) {
      try {
        restore.run(connection);
      } catch (SQLException | RuntimeException restoreFailure) {
        // Most likely the connection is broken (why `work` failed too); the pool discards it.
        e.addSuppressed(restoreFailure);
      }
      throw e;
    }
    restore.run(connection);
    return result;
  }

  private Restore apply(Connection connection) throws SQLException {
    Restore restore = new Restore(Engine.of(connection));
    try (Statement statement = connection.createStatement()) {
      if (restore.engine == Engine.MYSQL) {
        long seconds = Math.max(1, (lockWait.toMillis() + 999) / 1000);
        statement.execute(
            "SET @bcsync_innodb_lock_wait = @@SESSION.innodb_lock_wait_timeout,"
                + " @bcsync_lock_wait = @@SESSION.lock_wait_timeout,"
                + " SESSION innodb_lock_wait_timeout = "
                + seconds
                + ", SESSION lock_wait_timeout = "
                + seconds);
      } else if (restore.engine == Engine.H2) {
        try (ResultSet rs = statement.executeQuery("SELECT LOCK_TIMEOUT()")) {
          rs.next();
          restore.h2LockTimeout = rs.getInt(1);
        }
        statement.execute("SET LOCK_TIMEOUT " + lockWait.toMillis());
      }
    }
    try {
      restore.networkTimeout = connection.getNetworkTimeout();
      connection.setNetworkTimeout(DIRECT, (int) Math.min(Integer.MAX_VALUE, network.toMillis()));
    } catch (SQLFeatureNotSupportedException e) {
      restore.networkTimeout = -1;
    }
    return restore;
  }

  /** The databases bcsync runs on; any other gets the network timeout only. */
  private enum Engine {
    MYSQL,
    H2,
    OTHER;

    static Engine of(Connection connection) throws SQLException {
      String product = connection.getMetaData().getDatabaseProductName();
      if (product.contains("MySQL") || product.contains("MariaDB")) {
        return MYSQL;
      }
      return product.equals("H2") ? H2 : OTHER;
    }
  }

  /** What {@link #apply} changed, to put back. */
  private static final class Restore {
    final Engine engine;
    int h2LockTimeout;
    int networkTimeout = -1;

    Restore(Engine engine) {
      this.engine = engine;
    }

    void run(Connection connection) throws SQLException {
      if (networkTimeout >= 0) {
        connection.setNetworkTimeout(DIRECT, networkTimeout);
      }
      if (engine == Engine.OTHER) {
        return;
      }
      try (Statement statement = connection.createStatement()) {
        if (engine == Engine.MYSQL) {
          statement.execute(
              "SET SESSION innodb_lock_wait_timeout = @bcsync_innodb_lock_wait,"
                  + " SESSION lock_wait_timeout = @bcsync_lock_wait");
        } else {
          statement.execute("SET LOCK_TIMEOUT " + h2LockTimeout);
        }
      }
    }
  }
}
