package io.bcsync.salesforce.streaming;

import io.bcsync.db.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Durable requests to re-read an object's records ({@code salesforce_reconciliation}). */
public class ReconciliationQueue {
  private final Db db;

  public ReconciliationQueue(Db db) {
    this.db = db;
  }

  /**
   * @param sinceMs records modified at or after this instant; null for every record of the object
   */
  public record Request(
      long id,
      String entity,
      Long sinceMs,
      String reason,
      String status,
      int recordsEnqueued,
      long createdAtMs,
      Long finishedAtMs,
      String lastError) {}

  void enqueue(Connection connection, String entity, Long sinceMs, String reason, long now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO salesforce_reconciliation"
                + " (entity, since_ms, reason, status, records_enqueued, created_at_ms) VALUES (?, ?, ?, 'PENDING', 0, ?)")) {
      insert.setString(1, entity);
      if (sinceMs == null) {
        insert.setNull(2, Types.BIGINT);
      } else {
        insert.setLong(2, sinceMs);
      }
      insert.setString(3, reason.length() > 500 ? reason.substring(0, 500) : reason);
      insert.setLong(4, now);
      insert.executeUpdate();
    }
  }

  public void enqueue(String entity, Long sinceMs, String reason, long now) {
    db.write(
        connection -> {
          enqueue(connection, entity, sinceMs, reason, now);
          return null;
        });
  }

  public List<Request> pending() {
    return list("WHERE status = 'PENDING' ORDER BY id", 1000);
  }

  public List<Request> recent(int limit) {
    return list("ORDER BY id DESC", limit);
  }

  void finish(long id, String status, int records, long now, String error) {
    db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE salesforce_reconciliation SET status = ?,"
                      + " records_enqueued = ?, finished_at_ms = ?, last_error = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setInt(2, records);
            update.setLong(3, now);
            update.setString(
                4, error == null ? null : error.substring(0, Math.min(error.length(), 2000)));
            update.setLong(5, id);
            return update.executeUpdate();
          }
        });
  }

  private List<Request> list(String where, int limit) {
    return db.read(
        connection -> {
          List<Request> requests = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT id, entity, since_ms, reason, status,"
                          + " records_enqueued, created_at_ms, finished_at_ms, last_error FROM salesforce_reconciliation "
                          + where
                          + " LIMIT "
                          + limit);
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              long since = rs.getLong(3);
              Long sinceMs = rs.wasNull() ? null : since;
              long finished = rs.getLong(8);
              Long finishedAt = rs.wasNull() ? null : finished;
              requests.add(
                  new Request(
                      rs.getLong(1),
                      rs.getString(2),
                      sinceMs,
                      rs.getString(4),
                      rs.getString(5),
                      rs.getInt(6),
                      rs.getLong(7),
                      finishedAt,
                      rs.getString(9)));
            }
          }
          return requests;
        });
  }
}
