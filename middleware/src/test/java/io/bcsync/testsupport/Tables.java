package io.bcsync.testsupport;

import io.bcsync.db.Db;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/** Direct table access for assertions and clean-up between tests. */
public final class Tables {
  private Tables() {}

  public static void clear(Db db) {
    db.write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM work_item_failure");
            statement.executeUpdate("DELETE FROM webhook_event");
            statement.executeUpdate("DELETE FROM work_item");
            statement.executeUpdate("DELETE FROM work_lease");
            statement.executeUpdate("DELETE FROM webhook_dedupe");
          }
          return null;
        });
  }

  public static long count(Db db, String table) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement("SELECT COUNT(*) FROM " + table);
              ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }
}
