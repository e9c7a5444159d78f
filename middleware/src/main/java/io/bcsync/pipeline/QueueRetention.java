package io.bcsync.pipeline;

import io.bcsync.db.Db;
import io.bcsync.pipeline.WorkItemReferences.FinishedItem;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Deletes history from the queue's tables: when its owner is gone, or when it is old enough. */
@Singleton
public class QueueRetention {
  /** Work items read per transaction by the history retention, oldest id first. */
  static final int SCAN_CHUNK = 500;

  private static final String FINISHED = "'DONE', 'SKIPPED', 'SUPERSEDED'";

  private final Db db;
  private final List<WorkItemReferences> references;
  private final Rest rest;

  /** Waits between two chunks of a run; a test records the waits instead. */
  @FunctionalInterface
  interface Rest {
    void nanos(long nanos) throws InterruptedException;
  }

  @Inject
  QueueRetention(Db db, List<WorkItemReferences> references) {
    this(db, references, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  QueueRetention(Db db, List<WorkItemReferences> references, Rest rest) {
    this.db = db;
    this.references = references;
    this.rest = rest;
  }

  /** What one history retention run deleted. */
  public record Deleted(long items, long events, long failures) {
    Deleted plus(Deleted other) {
      return new Deleted(items + other.items, events + other.events, failures + other.failures);
    }
  }

  /**
   * Deletes the work items that finished ({@code DONE}, {@code SKIPPED}, {@code SUPERSEDED}) before
   * {@code beforeMs}, with their webhook events and failed attempts, except those a {@link
   * WorkItemReferences} still needs. Open and dead-lettered items are never deleted, whatever their
   * age: a dead letter stays until it is replayed and ends.
   *
   * <p>Reads the queue by primary key, oldest first, {@link #SCAN_CHUNK} items per transaction, and
   * stops at the first item created at or after {@code beforeMs}: ids grow with creation time, so
   * the scan never reads the recent queue the workers are busy with. Each chunk commits on its own;
   * a crash loses at most the chunk in flight, and the next run scans again from the start.
   *
   * <p>After each chunk the run rests as long as the chunk took, so a long backlog (the first run
   * after an upgrade, months of history) takes at most half of the database's and a core's time
   * from webhook intake and the workers (bench/results/retention.md measures both ways). An
   * interrupt (shutdown) ends the run after its current chunk; the next run goes on from there.
   */
  public Deleted deleteFinishedBefore(long beforeMs) {
    Deleted total = new Deleted(0, 0, 0);
    long afterId = 0;
    while (true) {
      long from = afterId;
      long started = System.nanoTime();
      Chunk chunk = db.write(connection -> deleteChunk(connection, from, beforeMs));
      total = total.plus(chunk.deleted());
      if (chunk.lastScannedId() < 0 || chunk.reachedNewer()) {
        return total;
      }
      afterId = chunk.lastScannedId();
      try {
        rest.nanos(System.nanoTime() - started);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return total;
      }
    }
  }

  /**
   * One transaction's scan: what it deleted, the last id it read (-1: none), and whether to stop.
   */
  private record Chunk(Deleted deleted, long lastScannedId, boolean reachedNewer) {}

  private record Scanned(FinishedItem item, long createdAtMs, long updatedAtMs) {}

  private Chunk deleteChunk(Connection connection, long afterId, long beforeMs)
      throws SQLException {
    List<Scanned> scanned;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id, entity_type, status, created_at_ms, updated_at_ms FROM work_item"
                + " WHERE id > ? ORDER BY id LIMIT "
                + SCAN_CHUNK)) {
      select.setLong(1, afterId);
      scanned =
          Sql.rows(
              select,
              rs ->
                  new Scanned(
                      new FinishedItem(
                          rs.getLong(1), rs.getString(2), WorkItemStatus.valueOf(rs.getString(3))),
                      rs.getLong(4),
                      rs.getLong(5)));
    }
    if (scanned.isEmpty()) {
      return new Chunk(new Deleted(0, 0, 0), -1, true);
    }
    boolean reachedNewer = false;
    List<FinishedItem> candidates = new ArrayList<>();
    for (Scanned row : scanned) {
      if (row.createdAtMs() >= beforeMs) {
        reachedNewer = true;
        break;
      }
      if (isFinished(row.item().status()) && row.updatedAtMs() < beforeMs) {
        candidates.add(row.item());
      }
    }
    long lastId = scanned.get(scanned.size() - 1).item().id();
    return new Chunk(delete(connection, unneeded(candidates)), lastId, reachedNewer);
  }

  private static boolean isFinished(WorkItemStatus status) {
    return status == WorkItemStatus.DONE
        || status == WorkItemStatus.SKIPPED
        || status == WorkItemStatus.SUPERSEDED;
  }

  private List<FinishedItem> unneeded(List<FinishedItem> candidates) {
    if (candidates.isEmpty()) {
      return candidates;
    }
    Set<Long> needed = new HashSet<>();
    for (WorkItemReferences owner : references) {
      needed.addAll(owner.stillNeeded(candidates));
    }
    List<FinishedItem> deletable = new ArrayList<>();
    for (FinishedItem item : candidates) {
      if (!needed.contains(item.id())) {
        deletable.add(item);
      }
    }
    return deletable;
  }

  private Deleted delete(Connection connection, List<FinishedItem> items) throws SQLException {
    if (items.isEmpty()) {
      return new Deleted(0, 0, 0);
    }
    for (WorkItemReferences owner : references) {
      owner.release(items);
    }
    List<Long> ids = items.stream().map(FinishedItem::id).toList();
    long events = deleteByItem(connection, "webhook_event", "work_item_id", ids, "");
    long failures = deleteByItem(connection, "work_item_failure", "work_item_id", ids, "");
    // The status condition is a guard, not a filter: a finished item never reopens.
    long deleted =
        deleteByItem(connection, "work_item", "id", ids, " AND status IN (" + FINISHED + ")");
    return new Deleted(deleted, events, failures);
  }

  private static long deleteByItem(
      Connection connection, String table, String column, List<Long> ids, String condition)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM "
                + table
                + " WHERE "
                + column
                + " IN ("
                + Sql.placeholders(ids.size())
                + ")"
                + condition)) {
      Sql.bindAll(delete, 1, ids);
      return delete.executeUpdate();
    }
  }

  /**
   * Deletes every event, work item and failed attempt of {@code storeHash}, whatever their status,
   * in the caller's transaction (the uninstalled-store retention deletes the store's other rows
   * with it).
   */
  public void deleteStore(Connection connection, String storeHash) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM work_item_failure WHERE work_item_id IN"
                + " (SELECT id FROM work_item WHERE store_hash = ?)")) {
      delete.setString(1, storeHash);
      delete.executeUpdate();
    }
    for (String table : new String[] {"webhook_event", "work_item"}) {
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM " + table + " WHERE store_hash = ?")) {
        delete.setString(1, storeHash);
        delete.executeUpdate();
      }
    }
  }
}
