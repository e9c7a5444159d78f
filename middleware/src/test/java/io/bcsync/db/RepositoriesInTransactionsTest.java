package io.bcsync.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.bcsync.testsupport.DatabaseTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the plain tables rely on when their repositories run inside {@link Db}: they join its
 * transaction (and roll back with it), a duplicate key and a lost connection reach callers as
 * {@link DataAccessFailure}, a duplicate key fails only its own statement, and a repository call
 * outside any transaction is refused rather than silently never committed. Runs on H2; {@code
 * RepositoriesInTransactionsMariaDbTest} runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepositoriesInTransactionsTest extends DatabaseTest {
  @Inject Db db;
  @Inject ProbeRepository probes;
  @Inject DataSource dataSource;

  @BeforeEach
  void empty() {
    db.write(probes::deleteEverything);
  }

  @Test
  void a_repository_write_inside_db_write_rolls_back_with_the_transaction() {
    assertThatThrownBy(
            () ->
                db.write(
                    () -> {
                      probes.save(ProbeRow.of("rolled-back", 1));
                      throw new IllegalStateException("the rest of the transaction failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(db.read(() -> probes.findById("rolled-back"))).isEmpty();
  }

  @Test
  void a_repository_write_uses_the_connection_of_the_surrounding_transaction() {
    long seenByJdbc =
        db.write(
            connection -> {
              probes.save(ProbeRow.of("same-connection", 1));
              return count(connection, "same-connection");
            });

    assertThat(seenByJdbc)
        .as("the uncommitted row is visible to plain JDBC in the same transaction")
        .isEqualTo(1);
    assertThat(db.read(() -> probes.findById("same-connection"))).isPresent();
  }

  @Test
  void a_duplicate_key_is_a_data_access_failure_that_says_so() {
    db.write(() -> probes.save(ProbeRow.of("taken", 1)));

    assertThatThrownBy(() -> db.write(() -> probes.save(ProbeRow.of("taken", 2))))
        .isInstanceOfSatisfying(
            DataAccessFailure.class,
            failure -> {
              assertThat(failure.isUniqueViolation()).isTrue();
              assertThat(failure.isTransient()).isFalse();
            });
  }

  @Test
  void a_duplicate_key_fails_only_its_own_statement() {
    db.write(() -> probes.save(ProbeRow.of("taken", 1)));

    boolean inserted =
        db.write(
            () -> {
              boolean again = Upsert.insertIfAbsent(() -> probes.save(ProbeRow.of("taken", 2)));
              probes.save(ProbeRow.of("after-the-duplicate", 3));
              return again;
            });

    assertThat(inserted).isFalse();
    assertThat(db.read(() -> probes.findById("taken")).orElseThrow().expiresAtMs()).isEqualTo(1);
    assertThat(db.read(() -> probes.findById("after-the-duplicate"))).isPresent();
  }

  @Test
  void a_connection_lost_mid_transaction_is_a_data_access_failure() {
    assertThatThrownBy(
            () ->
                db.write(
                    connection -> {
                      probes.save(ProbeRow.of("before-the-loss", 1));
                      killSession(connection);
                      return probes.save(ProbeRow.of("after-the-loss", 1));
                    }))
        .isInstanceOf(DataAccessFailure.class);

    assertThat(db.read(() -> probes.findById("before-the-loss")))
        .as("the pool replaced the dead connection; nothing of the lost transaction was kept")
        .isEmpty();
  }

  @Test
  void a_repository_call_outside_a_transaction_is_refused() {
    assertThatThrownBy(() -> probes.save(ProbeRow.of("no-transaction", 1)))
        .isInstanceOf(io.micronaut.data.exceptions.DataAccessException.class);

    assertThat(db.read(() -> probes.findById("no-transaction"))).isEmpty();
  }

  /**
   * Makes the connection behind {@code victim} unusable, as a dropped network connection does: an
   * embedded H2 has no network, so the physical connection under the pool's proxy is closed (and
   * the pool told to drop it, which it does by itself only for the SQLSTATE 08 a network failure
   * brings).
   */
  protected void killSession(Connection victim) throws SQLException {
    victim.unwrap(org.h2.jdbc.JdbcConnection.class).close();
    dataSource.unwrap(HikariDataSource.class).evictConnection(victim);
  }

  static long single(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long count(Connection connection, String state) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT COUNT(*) FROM bc_callback_token WHERE jti = ?")) {
      select.setString(1, state);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
