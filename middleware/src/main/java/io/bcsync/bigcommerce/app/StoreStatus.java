package io.bcsync.bigcommerce.app;

import io.bcsync.bigcommerce.catchup.SyncCursors;
import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the app page shows about one store, read from the queue tables (never another store's rows).
 */
@Singleton
public class StoreStatus {
  private final Db db;
  private final SyncCursors cursors;

  public StoreStatus(Db db, SyncCursors cursors) {
    this.db = db;
    this.cursors = cursors;
  }

  public record Failure(String entity, String error, long atMs) {}

  public record Summary(
      long queued,
      long deadLetters,
      Optional<Long> lastSyncMs,
      Optional<Long> lastPollMs,
      List<Failure> recentFailures) {}

  public Summary summarize(String storeHash) {
    return db.read(
        connection -> {
          long queued = 0;
          long dead = 0;
          Long lastSync = null;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT"
                      + " SUM(CASE WHEN status IN ('PENDING', 'IN_PROGRESS') THEN 1 ELSE 0 END),"
                      + " SUM(CASE WHEN status = 'DEAD' THEN 1 ELSE 0 END), MAX(completed_at_ms)"
                      + " FROM work_item WHERE store_hash = ?")) {
            select.setString(1, storeHash);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              queued = rs.getLong(1);
              dead = rs.getLong(2);
              long last = rs.getLong(3);
              lastSync = rs.wasNull() ? null : last;
            }
          }
          List<Failure> failures = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT entity_type, entity_id, last_error,"
                      + " updated_at_ms FROM work_item WHERE store_hash = ? AND last_error IS NOT NULL"
                      + " AND status IN ('DEAD', 'PENDING') ORDER BY updated_at_ms DESC LIMIT 5")) {
            select.setString(1, storeHash);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                failures.add(
                    new Failure(
                        rs.getString(1) + " " + rs.getString(2), rs.getString(3), rs.getLong(4)));
              }
            }
          }
          return new Summary(
              queued,
              dead,
              Optional.ofNullable(lastSync),
              cursors.lastPolledAt(storeHash),
              failures);
        });
  }
}
