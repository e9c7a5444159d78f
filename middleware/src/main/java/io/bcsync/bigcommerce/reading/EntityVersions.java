package io.bcsync.bigcommerce.reading;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code bc_entity_version} table: which BigCommerce {@code date_modified} each entity was last
 * read at.
 */
@Singleton
public class EntityVersions {
  private final Db db;
  private final Clock clock;

  public EntityVersions(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Records reads; a version never moves backwards (a slow reader cannot undo a newer one). */
  public void recordRead(String storeHash, String entityType, Map<String, Long> dateModifiedById) {
    if (dateModifiedById.isEmpty()) {
      return;
    }
    long now = clock.millis();
    db.write(
        connection -> {
          for (Map.Entry<String, Long> entry : dateModifiedById.entrySet()) {
            upsert(connection, storeHash, entityType, entry.getKey(), entry.getValue(), now);
          }
          return null;
        });
  }

  /** Last read versions of these entities; absent when never read. */
  public Map<String, Long> lastRead(
      String storeHash, String entityType, java.util.Collection<String> ids) {
    Map<String, Long> found = new HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    return db.read(
        connection -> {
          for (java.util.List<String> chunk : chunks(ids)) {
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT entity_id, date_modified_ms"
                        + " FROM bc_entity_version WHERE store_hash = ? AND entity_type = ? AND entity_id IN ("
                        + marks
                        + ")")) {
              select.setString(1, storeHash);
              select.setString(2, entityType);
              for (int i = 0; i < chunk.size(); i++) {
                select.setString(3 + i, chunk.get(i));
              }
              try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                  found.put(rs.getString(1), rs.getLong(2));
                }
              }
            }
          }
          return found;
        });
  }

  private static java.util.List<java.util.List<String>> chunks(java.util.Collection<String> ids) {
    java.util.List<String> list = java.util.List.copyOf(ids);
    java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
    for (int from = 0; from < list.size(); from += 500) {
      out.add(list.subList(from, Math.min(list.size(), from + 500)));
    }
    return out;
  }

  private static void upsert(
      Connection connection, String store, String type, String id, long version, long now)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE bc_entity_version SET date_modified_ms = ?,"
                + " read_at_ms = ? WHERE store_hash = ? AND entity_type = ? AND entity_id = ? AND date_modified_ms <= ?")) {
      update.setLong(1, version);
      update.setLong(2, now);
      update.setString(3, store);
      update.setString(4, type);
      update.setString(5, id);
      update.setLong(6, version);
      if (update.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO bc_entity_version (store_hash,"
                + " entity_type, entity_id, date_modified_ms, read_at_ms) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, store);
      insert.setString(2, type);
      insert.setString(3, id);
      insert.setLong(4, version);
      insert.setLong(5, now);
      insert.executeUpdate();
    } catch (SQLException e) {
      // The row exists with a newer version (the conditional update matched nothing): nothing to
      // record.
      if (!DataAccessFailure.isUniqueViolation(e)) {
        throw e;
      }
    }
  }
}
