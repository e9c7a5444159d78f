package io.bcsync.backfill;

import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.pipeline.WorkItemStatus;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code backfill_item} table: what a backfill enqueued, and how those work items are doing.
 */
@Singleton
public class BackfillItems {
  private final Db db;
  private final BackfillItemRepository rows;

  BackfillItems(Db db, BackfillItemRepository rows) {
    this.db = db;
    this.rows = rows;
  }

  /**
   * Of {@code entityIds}, those this backfill already enqueued (a page read again after a shift).
   * Call it inside the page's {@link Db#write}.
   */
  Set<String> alreadyEnqueued(long backfillId, String entityType, Collection<String> entityIds) {
    Set<String> found = new HashSet<>();
    for (List<String> chunk : Chunks.of(entityIds)) {
      found.addAll(rows.linked(backfillId, entityType, chunk));
    }
    return found;
  }

  /**
   * Records that the backfill enqueued the entity into {@code workItemId}, in the caller's
   * transaction.
   */
  void link(long backfillId, String entityType, String entityId, long workItemId) {
    db.write(
        () ->
            rows.save(
                new BackfillItemRow(
                    new BackfillItemRow.Key(backfillId, entityType, entityId), workItemId)));
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
