package io.bcsync.bigcommerce.catchup;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The {@code bc_sync_cursor} table: each store's catch-up high-water mark per resource. */
@Singleton
public class SyncCursors {
  private final Db db;

  public SyncCursors(Db db) {
    this.db = db;
  }

  public Optional<Long> highWater(String storeHash, String resource) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT high_water_ms FROM bc_sync_cursor WHERE store_hash = ? AND resource = ?")) {
            select.setString(1, storeHash);
            select.setString(2, resource);
            try (ResultSet rs = select.executeQuery()) {
              return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }

  /** Stores the mark; never moves it backwards. */
  public void save(String storeHash, String resource, long highWaterMs, long polledAtMs) {
    db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE bc_sync_cursor SET high_water_ms ="
                      + " GREATEST(high_water_ms, ?), polled_at_ms = ? WHERE store_hash = ? AND resource = ?")) {
            update.setLong(1, highWaterMs);
            update.setLong(2, polledAtMs);
            update.setString(3, storeHash);
            update.setString(4, resource);
            if (update.executeUpdate() == 1) {
              return null;
            }
          }
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO bc_sync_cursor (store_hash, resource,"
                      + " high_water_ms, polled_at_ms) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, storeHash);
            insert.setString(2, resource);
            insert.setLong(3, highWaterMs);
            insert.setLong(4, polledAtMs);
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** The latest poll of any resource of the store, for the app page's "last sync". */
  public Optional<Long> lastPolledAt(String storeHash) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT MAX(polled_at_ms) FROM bc_sync_cursor WHERE store_hash = ?")) {
            select.setString(1, storeHash);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              long value = rs.getLong(1);
              return rs.wasNull() ? Optional.<Long>empty() : Optional.of(value);
            }
          }
        });
  }
}
