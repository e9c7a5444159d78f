package io.bcsync.db;

import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** The repository cases on MariaDB/MySQL through mysql-connector-j. */
@MicronautTest(transactional = false)
class RepositoriesInTransactionsMariaDbTest extends RepositoriesInTransactionsTest {
  @Override
  protected Map<String, String> databaseProperties() {
    return TestDatabases.freshMariaDb();
  }

  @Override
  protected void killSession(Connection victim) throws SQLException {
    long thread = single(victim, "SELECT CONNECTION_ID()");
    try (Connection admin = TestDatabases.adminConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("KILL CONNECTION " + thread);
    }
  }
}
