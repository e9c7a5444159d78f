package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
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
            long oldest = rs.getLong(1);
            return rs.wasNull() ? Optional.<Long>empty() : Optional.of(oldest);
          }
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
            try (ResultSet rs = select.executeQuery()) {
              List<WorkItem> items = new ArrayList<>();
              while (rs.next()) {
                items.add(WorkQueue.map(rs));
              }
              return items;
            }
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
            try (ResultSet rs = select.executeQuery()) {
              List<StoredEvent> events = new ArrayList<>();
              while (rs.next()) {
                events.add(
                    new StoredEvent(
                        rs.getLong(1),
                        new EntityRef(rs.getString(2), rs.getString(4), rs.getString(5)),
                        rs.getString(3),
                        rs.getString(6),
                        rs.getString(7),
                        WorkQueue.nullableLong(rs, "bc_created_at"),
                        rs.getLong(9),
                        rs.getLong(10),
                        WorkItemStatus.valueOf(rs.getString(11)),
                        rs.getString(12)));
              }
              return events;
            }
          }
        });
  }

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
}
