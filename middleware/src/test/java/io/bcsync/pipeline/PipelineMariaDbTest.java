package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pipeline cases on MariaDB/MySQL through mysql-connector-j, plus proof that the schema does
 * not depend on sub-second DATETIME precision, which that driver silently drops on MariaDB.
 */
@MicronautTest(transactional = false)
class PipelineMariaDbTest extends PipelineTest {
  private final String database = TestDatabases.uniqueDatabaseName();

  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb(database);
  }

  @Test
  void the_driver_trap_is_real_and_millisecond_instants_survive_it() throws Exception {
    try (Connection connection =
            java.sql.DriverManager.getConnection(
                TestDatabases.mysqlUrl(database),
                TestDatabases.MYSQL_USER,
                TestDatabases.MYSQL_PASSWORD);
        Statement statement = connection.createStatement()) {
      // What the schema avoids: a DATETIME(6) written through mysql-connector-j loses its fraction
      // on MariaDB.
      statement.execute("CREATE TABLE precision_probe (at DATETIME(6))");
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO precision_probe VALUES (?)")) {
        insert.setTimestamp(1, Timestamp.valueOf("2026-01-01 10:00:00.123456"));
        insert.executeUpdate();
      }
      try (ResultSet rs = statement.executeQuery("SELECT at FROM precision_probe")) {
        rs.next();
        boolean isMariaDb =
            connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
        if (isMariaDb) {
          assertThat(rs.getTimestamp(1).getNanos())
              .as("connector drops fractional seconds on MariaDB")
              .isZero();
        }
      }
    }

    // What the schema does: instants are BIGINT epoch millis, so a retry due 1 ms from now is not
    // due yet.
    long itemId = event("order", "precision", "store/order/created").workItemId();
    long claimedAt = clock.millis();
    queue.claim("w", 10, claimedAt, claimedAt + 60_000);
    queue.retryLater(itemId, "w", claimedAt, claimedAt + 1, "transient");
    assertThat(queue.find(itemId).orElseThrow().nextAttemptAtMs()).isEqualTo(claimedAt + 1);
    assertThat(queue.claim("w2", 10, claimedAt, claimedAt + 60_000)).isEmpty();
    assertThat(queue.claim("w2", 10, claimedAt + 1, claimedAt + 60_000)).hasSize(1);
    assertThat(queue.find(itemId).orElseThrow().updatedAtMs()).isEqualTo(claimedAt + 1);
    assertThat(clock.millis() % 1000).isNotZero();
  }
}
