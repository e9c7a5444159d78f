package io.bcsync.pipeline;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Deletes history from the queue's tables when its owner is gone. */
@Singleton
public class QueueRetention {

  /**
   * Deletes every event, work item and failed attempt of {@code storeHash}, whatever their status,
   * in the caller's transaction (the uninstalled-store retention deletes the store's other rows
   * with it).
   */
  public void deleteStore(Connection connection, String storeHash) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM work_item_failure WHERE work_item_id IN"
                + " (SELECT id FROM work_item WHERE store_hash = ?)")) {
      delete.setString(1, storeHash);
      delete.executeUpdate();
    }
    for (String table : new String[] {"webhook_event", "work_item"}) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM " + table + " WHERE store_hash = ?")) {
        delete.setString(1, storeHash);
        delete.executeUpdate();
      }
    }
  }
}
