package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read-only views of the queue and the stored events, for the admin API and the gauges. */
@Singleton
public class QueueInspector {
  private final Db db;

  public QueueInspector(Db db) {
    this.db = db;
  }

  public Map<WorkItemStatus, Long> countsByStatus() {
    return db.read(
        connection -> {
          Map<WorkItemStatus, Long> counts = new EnumMap<>(WorkItemStatus.class);
          for (WorkItemStatus status : WorkItemStatus.values()) {
            counts.put(status, 0L);
          }
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT status, COUNT(*) FROM work_item GROUP BY status");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              counts.put(WorkItemStatus.valueOf(rs.getString(1)), rs.getLong(2));
            }
          }
          return counts;
        });
  }

  /** Creation time of the oldest item still waiting or running, if any. */
  public Optional<Long> oldestOpenCreatedAt() {
    return db.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT MIN(created_at_ms) FROM work_item WHERE status IN ('PENDING', 'IN_PROGRESS')");
              ResultSet rs = select.executeQuery()) {
            rs.next();
            return Optional.ofNullable(Sql.nullableLong(rs, 1));
          }
        });
  }

  /**
   * Items waiting in the queue (all stores), the figure backfills pace themselves by. Served by
   * {@code ix_work_item_due (status, next_attempt_at_ms)}: an index range count, not a table scan.
   */
  public long pendingCount() {
    return db.read(
        connection -> {
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT COUNT(*) FROM work_item WHERE status = 'PENDING'");
              ResultSet rs = select.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** How one store's work is doing, with its latest {@code failureLimit} failures. */
  public StoreActivity storeActivity(String storeHash, int failureLimit) {
    return db.read(
        connection -> {
          long open;
          long dead;
          Long lastCompleted;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT"
                      + " SUM(CASE WHEN status IN ('PENDING', 'IN_PROGRESS') THEN 1 ELSE 0 END),"
                      + " SUM(CASE WHEN status = 'DEAD' THEN 1 ELSE 0 END), MAX(completed_at_ms)"
                      + " FROM work_item WHERE store_hash = ?")) {
            select.setString(1, storeHash);
            try (ResultSet rs = select.executeQuery()) {
              rs.next();
              open = rs.getLong(1);
              dead = rs.getLong(2);
              lastCompleted = Sql.nullableLong(rs, 3);
            }
          }
          List<FailedItem> failures;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT store_hash, entity_type, entity_id, last_error, updated_at_ms FROM work_item"
                      + " WHERE store_hash = ? AND last_error IS NOT NULL"
                      + " AND status IN ('DEAD', 'PENDING') ORDER BY updated_at_ms DESC LIMIT ?")) {
            select.setString(1, storeHash);
            select.setInt(2, failureLimit);
            failures =
                Sql.rows(
                    select,
                    rs ->
                        new FailedItem(
                            new EntityRef(rs.getString(1), rs.getString(2), rs.getString(3)),
                            rs.getString(4),
                            rs.getLong(5)));
          }
          return new StoreActivity(open, dead, Optional.ofNullable(lastCompleted), failures);
        });
  }

  /**
   * Per entity type, how many of the work items linked to {@code owner} through {@code links} are
   * in each status now (types without items are absent).
   */
  public Map<String, Map<WorkItemStatus, Long>> statusCounts(WorkItemLinks links, long owner) {
    return db.read(
        connection -> {
          Map<String, Map<WorkItemStatus, Long>> counts = new LinkedHashMap<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT w.entity_type, w.status, COUNT(*) FROM "
                      + links.table()
                      + " l JOIN work_item w ON w.id = l."
                      + links.workItemColumn()
                      + " WHERE l."
                      + links.ownerColumn()
                      + " = ? GROUP BY w.entity_type, w.status")) {
            select.setLong(1, owner);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                counts
                    .computeIfAbsent(rs.getString(1), type -> new EnumMap<>(WorkItemStatus.class))
                    .put(WorkItemStatus.valueOf(rs.getString(2)), rs.getLong(3));
              }
            }
          }
          return counts;
        });
  }

  /**
   * Work items newest first, optionally of one status, with ids below {@code beforeId} (keyset
   * paging).
   */
  public List<WorkItem> workItems(
      Optional<WorkItemStatus> status, Optional<Long> beforeId, int limit) {
    return db.read(
        connection -> {
          StringBuilder sql =
              new StringBuilder("SELECT " + WorkQueue.COLUMNS + " FROM work_item WHERE 1 = 1");
          status.ifPresent(s -> sql.append(" AND status = ?"));
          beforeId.ifPresent(id -> sql.append(" AND id < ?"));
          sql.append(" ORDER BY id DESC LIMIT ?");
          try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            if (status.isPresent()) {
              select.setString(index++, status.get().name());
            }
            if (beforeId.isPresent()) {
              select.setLong(index++, beforeId.get());
            }
            select.setInt(index, limit);
            return Sql.rows(select, WorkQueue::map);
          }
        });
  }

  /**
   * Each entity's newest work item (its latest run), by entity; an entity without any is absent.
   * Exact whatever the entities' history: one row per entity, no limit to cut the newest away.
   */
  public Map<EntityRef, WorkItem> newestItemsOf(Collection<EntityRef> entities) {
    if (entities.isEmpty()) {
      return Map.of();
    }
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + WorkQueue.COLUMNS
                      + " FROM work_item WHERE id IN (SELECT MAX(id) FROM work_item WHERE "
                      + entityMatch(entities.size())
                      + " GROUP BY store_hash, entity_type, entity_id)")) {
            bindEntities(select, 1, entities);
            Map<EntityRef, WorkItem> newest = new LinkedHashMap<>();
            Sql.rows(select, WorkQueue::map).forEach(item -> newest.put(item.entity(), item));
            return newest;
          }
        });
  }

  /**
   * The work items of these entities (every run of each, history included), oldest first; served by
   * {@code ix_work_item_entity}. For the record timeline.
   */
  public List<WorkItem> itemsOf(Collection<EntityRef> entities, int limit) {
    if (entities.isEmpty()) {
      return List.of();
    }
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT "
                      + WorkQueue.COLUMNS
                      + " FROM work_item WHERE "
                      + entityMatch(entities.size())
                      + " ORDER BY id LIMIT ?")) {
            select.setInt(bindEntities(select, 1, entities), limit);
            return Sql.rows(select, WorkQueue::map);
          }
        });
  }

  /**
   * Stored events newest first. The status filter is the status of the work item each event joined,
   * which is what an operator means by "was this event synced".
   */
  public List<StoredEvent> events(
      Optional<WorkItemStatus> status,
      Optional<Long> workItemId,
      Optional<Long> beforeId,
      int limit) {
    return db.read(
        connection -> {
          StringBuilder sql =
              new StringBuilder(
                  "SELECT e.id, e.store_hash, e.scope, e.entity_type, e.entity_id, e.webhook_id, e.payload_hash,"
                      + " e.bc_created_at, e.received_at_ms, e.work_item_id, w.status, e.raw_body"
                      + " FROM webhook_event e JOIN work_item w ON w.id = e.work_item_id WHERE 1 = 1");
          status.ifPresent(s -> sql.append(" AND w.status = ?"));
          workItemId.ifPresent(id -> sql.append(" AND e.work_item_id = ?"));
          beforeId.ifPresent(id -> sql.append(" AND e.id < ?"));
          sql.append(" ORDER BY e.id DESC LIMIT ?");
          try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            if (status.isPresent()) {
              select.setString(index++, status.get().name());
            }
            if (workItemId.isPresent()) {
              select.setLong(index++, workItemId.get());
            }
            if (beforeId.isPresent()) {
              select.setLong(index++, beforeId.get());
            }
            select.setInt(index, limit);
            return Sql.rows(
                select,
                rs ->
                    new StoredEvent(
                        rs.getLong(1),
                        new EntityRef(rs.getString(2), rs.getString(4), rs.getString(5)),
                        rs.getString(3),
                        rs.getString(6),
                        rs.getString(7),
                        Sql.nullableLong(rs, 8),
                        rs.getLong(9),
                        rs.getLong(10),
                        WorkItemStatus.valueOf(rs.getString(11)),
                        rs.getString(12)));
          }
        });
  }

  /**
   * One store's queue at a glance.
   *
   * @param open items waiting or running
   * @param lastCompletedAtMs when an item of the store last finished successfully
   */
  public record StoreActivity(
      long open, long dead, Optional<Long> lastCompletedAtMs, List<FailedItem> recentFailures) {}

  /** An item that failed (dead, or waiting for a retry) with its last error. */
  public record FailedItem(EntityRef entity, String error, long atMs) {}

  /** An accepted callback as stored, with the status of the work item it joined. */
  public record StoredEvent(
      long id,
      EntityRef entity,
      String scope,
      String webhookId,
      String payloadHash,
      Long bcCreatedAt,
      long receivedAtMs,
      long workItemId,
      WorkItemStatus workItemStatus,
      String rawBody) {}

  private static String entityMatch(int count) {
    return String.join(
        " OR ",
        Collections.nCopies(count, "(store_hash = ? AND entity_type = ? AND entity_id = ?)"));
  }

  /** Binds the entities from {@code index}; returns the next free index. */
  private static int bindEntities(
      PreparedStatement select, int index, Collection<EntityRef> entities)
      throws java.sql.SQLException {
    for (EntityRef entity : entities) {
      select.setString(index++, entity.storeHash());
      select.setString(index++, entity.type());
      select.setString(index++, entity.id());
    }
    return index;
  }
}
