package io.bcsync.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures mean "the database cannot serve this now" (intake answers 503 at once and does not
 * retry them member by member), as H2, MariaDB/MySQL and the pool report them.
 */
class DataAccessFailureUnavailableTest {

  @Test
  void no_connection_a_lost_one_and_lock_or_statement_timeouts_are_unavailable() {
    assertThat(
            unavailable(
                new SQLTransientConnectionException(
                    "HikariPool-1 - Connection is not available, request timed out after 2000ms")))
        .isTrue();
    assertThat(unavailable(new SQLException("Communications link failure", "08S01"))).isTrue();
    assertThat(unavailable(new SQLException("Lock wait timeout exceeded", "HY000", 1205))).isTrue();
    assertThat(unavailable(new SQLException("max_statement_time exceeded", "70100", 1969)))
        .isTrue();
    assertThat(unavailable(new SQLException("Timeout trying to lock table", "HYT00", 50200)))
        .isTrue();
    assertThat(unavailable(new SQLException("Connection is broken", "90067", 90067))).isTrue();
  }

  @Test
  void deadlocks_duplicates_and_mistakes_are_not() {
    assertThat(unavailable(new SQLException("Deadlock found", "40001", 1213))).isFalse();
    assertThat(unavailable(new SQLException("Duplicate entry", "23000", 1062))).isFalse();
    assertThat(unavailable(new SQLException("Table not found", "42S02", 42102))).isFalse();
  }

  private static boolean unavailable(SQLException e) {
    return new DataAccessFailure(e).isUnavailable();
  }
}
