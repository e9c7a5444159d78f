package io.bcsync.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded H2 file tests' workload, shaped like the pipeline's, whose finished items stay: each
 * commit adds an item and finishes the one three before it.
 */
final class ItemChurn {
  /** Called after each commit with the id just added. */
  interface AfterCommit {
    void run(long id) throws SQLException;
  }

  private ItemChurn() {}

  static void createItems(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE item (id BIGINT PRIMARY KEY, status VARCHAR(10), body VARCHAR(400))");
      statement.execute("CREATE INDEX ix_item_status ON item (status)");
    }
  }

  /** Creates the table and makes {@code commits} commits; leaves auto-commit off. */
  static void churn(Connection connection, int commits, AfterCommit afterCommit)
      throws SQLException {
    createItems(connection);
    connection.setAutoCommit(false);
    try (PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO item (id, status, body) VALUES (?, 'NEW', REPEAT('x', 300))");
        PreparedStatement finish =
            connection.prepareStatement("UPDATE item SET status = 'DONE' WHERE id = ?")) {
      for (long id = 1; id <= commits; id++) {
        insert.setLong(1, id);
        insert.executeUpdate();
        finish.setLong(1, id - 3);
        finish.executeUpdate();
        connection.commit();
        afterCommit.run(id);
      }
    }
  }
}
