package io.bcsync.backfill;

import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItemLinks;
import io.bcsync.pipeline.WorkItemReferences;
import io.bcsync.pipeline.WorkItemStatus;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code backfill_item} table: what a backfill enqueued, and how those work items are doing.
 *
 * <p>For the history retention it keeps the finished items of a running or paused backfill, whose
 * progress and "already enqueued" check read them. A finished backfill lets its items go: their
 * final statuses are added to {@code backfill_item_pruned} and its links deleted, in the
 * retention's transaction, so its progress totals stay what they were.
 */
@Singleton
public class BackfillItems implements WorkItemReferences {
  /** How backfill_item rows point at the work items they enqueued. */
  private static final WorkItemLinks LINKS =
      new WorkItemLinks("backfill_item", "backfill_id", "work_item_id");

  private final BackfillItemRepository rows;
  private final BackfillPrunedCountRepository pruned;
  private final QueueInspector queue;
  private final Db db;

  BackfillItems(
      BackfillItemRepository rows,
      BackfillPrunedCountRepository pruned,
      QueueInspector queue,
      Db db) {
    this.rows = rows;
    this.pruned = pruned;
    this.queue = queue;
    this.db = db;
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
    // Two reads: when a retention chunk commits between them, an ended backfill's totals are off
    // by that chunk's items for this one read (the retention runs hourly, for seconds).
    for (BackfillPrunedCountRow row : db.read(() -> pruned.ofBackfill(backfillId))) {
      counts
          .computeIfAbsent(row.id().entityType(), t -> emptyCounts())
          .merge(WorkItemStatus.valueOf(row.id().status()), row.itemCount(), Long::sum);
    }
    return counts;
  }

  @Override
  public Set<Long> stillNeeded(Collection<FinishedItem> items) {
    Set<Long> needed = new HashSet<>();
    for (List<Long> chunk : Chunks.of(ids(items))) {
      needed.addAll(rows.linkedFromActive(chunk));
    }
    return needed;
  }

  @Override
  public void release(Collection<FinishedItem> items) {
    Map<Long, FinishedItem> byId = new HashMap<>();
    items.forEach(item -> byId.put(item.id(), item));
    Map<BackfillPrunedCountRow.Key, Long> counts = new LinkedHashMap<>();
    for (List<Long> chunk : Chunks.of(byId.keySet())) {
      for (BackfillItemRow link : rows.linking(chunk)) {
        FinishedItem item = byId.get(link.workItemId());
        counts.merge(
            new BackfillPrunedCountRow.Key(
                link.id().backfillId(), item.entityType(), item.status().name()),
            1L,
            Long::sum);
      }
      rows.unlink(chunk);
    }
    counts.forEach(
        (key, count) ->
            Upsert.updateElseInsert(
                () -> pruned.add(key.backfillId(), key.entityType(), key.status(), count),
                () -> pruned.save(new BackfillPrunedCountRow(key, count))));
  }

  private static List<Long> ids(Collection<FinishedItem> items) {
    return items.stream().map(FinishedItem::id).toList();
  }

  private static Map<WorkItemStatus, Long> emptyCounts() {
    Map<WorkItemStatus, Long> counts = new EnumMap<>(WorkItemStatus.class);
    for (WorkItemStatus status : WorkItemStatus.values()) {
      counts.put(status, 0L);
    }
    return counts;
  }
}
