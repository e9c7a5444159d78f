package io.bcsync.backfill;

import io.bcsync.db.Db;
import io.bcsync.pipeline.WorkItemStatus;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code backfill_item} table: what a backfill enqueued, and how those work items are doing.
 */
@Singleton
public class BackfillItems {
  private final Db db;

  public BackfillItems(Db db) {
    this.db = db;
  }

  /**
   * Of {@code entityIds}, those this backfill already enqueued (a page read again after a shift).
   */
  Set<String> alreadyEnqueued(
      Connection connection, long backfillId, String entityType, Collection<String> entityIds)
      throws SQLException {
    if (entityIds.isEmpty()) {
      return Set.of();
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT entity_id FROM backfill_item"
                + " WHERE backfill_id = ? AND entity_type = ? AND entity_id IN ("
                + String.join(", ", Collections.nCopies(entityIds.size(), "?"))
                + ")")) {
      select.setLong(1, backfillId);
      select.setString(2, entityType);
      int index = 3;
      for (String id : entityIds) {
        select.setString(index++, id);
      }
      Set<String> found = new HashSet<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
      return found;
    }
  }

  void link(
      Connection connection, long backfillId, String entityType, String entityId, long workItemId)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO backfill_item (backfill_id,"
                + " entity_type, entity_id, work_item_id) VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, backfillId);
      insert.setString(2, entityType);
      insert.setString(3, entityId);
      insert.setLong(4, workItemId);
      insert.executeUpdate();
    }
  }

  /**
   * Per entity type, how many of the work items this backfill enqueued (or joined) are in each
   * status now. An item that joined an open webhook item counts with that item, which processes the
   * entity's latest state either way.
   */
  public Map<String, Map<WorkItemStatus, Long>> statusCounts(long backfillId) {
    return db.read(
        connection -> {
          Map<String, Map<WorkItemStatus, Long>> counts = new LinkedHashMap<>();
          for (String type : new String[] {"customer", "order"}) {
            counts.put(type, emptyCounts());
          }
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT b.entity_type, w.status, COUNT(*)"
                      + " FROM backfill_item b JOIN work_item w ON w.id = b.work_item_id WHERE b.backfill_id = ?"
                      + " GROUP BY b.entity_type, w.status")) {
            select.setLong(1, backfillId);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                counts
                    .computeIfAbsent(rs.getString(1), t -> emptyCounts())
                    .put(WorkItemStatus.valueOf(rs.getString(2)), rs.getLong(3));
              }
            }
          }
          return counts;
        });
  }

  private static Map<WorkItemStatus, Long> emptyCounts() {
    Map<WorkItemStatus, Long> counts = new EnumMap<>(WorkItemStatus.class);
    for (WorkItemStatus status : WorkItemStatus.values()) {
      counts.put(status, 0L);
    }
    return counts;
  }
}
