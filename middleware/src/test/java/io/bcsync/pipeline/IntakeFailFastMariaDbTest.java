package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The fail-fast cases on MariaDB/MySQL, plus a table lock ({@code LOCK TABLES}): without the
 * intake's own {@code lock_wait_timeout} a statement waits for a metadata lock up to a year.
 */
@MicronautTest(transactional = false)
class IntakeFailFastMariaDbTest extends IntakeFailFastTest {
  private final String database = TestDatabases.uniqueDatabaseName();

  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb(database);
  }

  @Test
  void a_table_lock_held_elsewhere_is_answered_within_the_lock_wait() throws Exception {
    groups.open();
    try (Connection other =
            DriverManager.getConnection(
                TestDatabases.mysqlUrl(database),
                TestDatabases.MYSQL_USER,
                TestDatabases.MYSQL_PASSWORD);
        Statement statement = other.createStatement()) {
      statement.execute("LOCK TABLES webhook_event WRITE");
      try {
        CompletableFuture<IntakeResult> behindLock =
            batcher.submit(event("order", "41", "store/order/created"));

        assertThat(failure(behindLock))
            .isInstanceOfSatisfying(
                DataAccessFailure.class, e -> assertThat(e.isUnavailable()).isTrue());
        assertThat(fallbacks()).isZero();
      } finally {
        statement.execute("UNLOCK TABLES");
      }
    }
    assertThat(openItemsOf("41")).isEmpty();
    assertThat(result(batcher.submit(event("order", "41", "store/order/created"))))
        .isInstanceOf(IntakeResult.Accepted.class);
  }
}
