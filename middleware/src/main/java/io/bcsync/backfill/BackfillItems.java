package io.bcsync.backfill;

import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItemLinks;
import io.bcsync.pipeline.WorkItemStatus;
import jakarta.inject.Singleton;
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
  /** How backfill_item rows point at the work items they enqueued. */
  private static final WorkItemLinks LINKS =
      new WorkItemLinks("backfill_item", "backfill_id", "work_item_id");

  private final BackfillItemRepository rows;
  private final QueueInspector queue;

  BackfillItems(BackfillItemRepository rows, QueueInspector queue) {
    this.rows = rows;
    this.queue = queue;
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
   * Records that the backfill enqueued the entity into {@code workItemId}; call it inside the
   * page's {@link Db#write}, which commits the link with the work item.
   */
  void link(long backfillId, String entityType, String entityId, long workItemId) {
    rows.save(
        new BackfillItemRow(new BackfillItemRow.Key(backfillId, entityType, entityId), workItemId));
  }

  /**
   * Per entity type, how many of the work items this backfill enqueued (or joined) are in each
   * status now. An item that joined an open webhook item counts with that item, which processes the
   * entity's latest state either way.
   */
  public Map<String, Map<WorkItemStatus, Long>> statusCounts(long backfillId) {
    Map<String, Map<WorkItemStatus, Long>> counts = new LinkedHashMap<>();
    for (String type : new String[] {"customer", "order"}) {
      counts.put(type, emptyCounts());
    }
    queue
        .statusCounts(LINKS, backfillId)
        .forEach(
            (type, byStatus) -> counts.computeIfAbsent(type, t -> emptyCounts()).putAll(byStatus));
    return counts;
  }

  private static Map<WorkItemStatus, Long> emptyCounts() {
    Map<WorkItemStatus, Long> counts = new EnumMap<>(WorkItemStatus.class);
    for (WorkItemStatus status : WorkItemStatus.values()) {
      counts.put(status, 0L);
    }
    return counts;
  }
}
