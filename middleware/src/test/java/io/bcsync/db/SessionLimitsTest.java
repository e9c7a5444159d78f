package io.bcsync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The intake's short lock wait applies to its own statements only: the connection goes back to the
 * pool with the settings it had, whether the work succeeded or failed. Runs on H2; the MariaDB
 * subclass runs it there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionLimitsTest extends DatabaseTest {
  private static final SessionLimits LIMITS =
      new SessionLimits(Duration.ofSeconds(1), Duration.ofSeconds(5));

  @Inject Db db;

  @Test
  void the_lock_wait_is_short_inside_and_restored_after() {
    long[] seen =
        db.write(
            connection -> {
              long before = lockWaitMillis(connection);
              long inside = LIMITS.around(connection, this::lockWaitMillis);
              return new long[] {before, inside, lockWaitMillis(connection)};
            });

    assertThat(seen[1]).isEqualTo(1_000);
    assertThat(seen[0]).isGreaterThan(1_000);
    assertThat(seen[2]).as("restored").isEqualTo(seen[0]);
  }

  @Test
  void it_is_restored_when_the_work_fails_too() {
    long[] before = new long[1];
    long[] after = new long[1];
    assertThatThrownBy(
            () ->
                db.write(
                    connection -> {
                      before[0] = lockWaitMillis(connection);
                      try {
                        return LIMITS.around(
                            connection,
                            c -> {
                              throw new SQLException("refused", "42000");
                            });
                      } finally {
                        after[0] = lockWaitMillis(connection);
                      }
                    }))
        .isInstanceOf(DataAccessFailure.class);

    assertThat(after[0]).isEqualTo(before[0]);
  }

  /** The session's lock wait in milliseconds (MySQL/MariaDB count whole seconds). */
  private long lockWaitMillis(Connection connection) throws SQLException {
    boolean mysql = connection.getMetaData().getDatabaseProductName().contains("MySQL");
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                mysql ? "SELECT @@SESSION.lock_wait_timeout" : "SELECT LOCK_TIMEOUT()")) {
      rs.next();
      return mysql ? rs.getLong(1) * 1000 : rs.getLong(1);
    }
  }
}
