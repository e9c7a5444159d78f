package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * State transitions of work items: claim, complete, retry, dead-letter, lease recovery and replay.
 * Every update that finishes an attempt is conditional on the claim's lease token, so a worker
 * whose lease expired (and whose item another worker has since claimed) cannot overwrite the newer
 * attempt's outcome. A claim's lease is one row per batch ({@link WorkLeases}).
 */
@Singleton
public class WorkQueue {
  static final String COLUMNS =
      "id, store_hash, entity_type, entity_id, status, scopes, event_count,"
          + " attempts, next_attempt_at_ms, last_error, created_at_ms, updated_at_ms,"
          + " completed_at_ms, dead_lettered_at_ms, replay_count, superseded_by";
  static final int MAX_ERROR_LENGTH = 2000;

  private final Db db;

  public WorkQueue(Db db) {
    this.db = db;
  }

  /**
   * The order claims take due items in: oldest due first, then by id. {@code status} leads though
   * the claim's WHERE fixes it, because H2 reads the due index ({@code status, next_attempt_at_ms})
   * in order, stopping after the limit, only when the ORDER BY starts with the index's first
   * column; without it H2 read and sorted every due item on each claim (about 115 ms a claim at
   * 100,000 due items, 15 ms at 10,000; docs/pipeline.md, "Claims"). MySQL and MariaDB plan both
   * forms alike, from the index and without a sort.
   */
  static final String CLAIM_ORDER = " ORDER BY status, next_attempt_at_ms, id";

  /**
   * Claims up to {@code limit} due items and opens the claim's lease ({@link WorkLeases}) until
   * {@code leaseExpiresAt}. {@code SKIP LOCKED} lets concurrent claimers (threads or instances on
   * one database) take disjoint rows without waiting on each other.
   */
  public List<WorkItem> claim(String leaseToken, int limit, long now, long leaseExpiresAt) {
    return claim(leaseToken, limit, now, leaseExpiresAt, Set.of());
  }

  /** The same, leaving out the groups still gathering ({@link ClaimGathering}). */
  List<WorkItem> claim(
      String leaseToken, int limit, long now, long leaseExpiresAt, Set<GatherGroup> heldBack) {
    return db.write(
        connection -> {
          List<Long> ids;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id FROM work_item WHERE status = 'PENDING' AND next_attempt_at_ms <= ?"
                      + GatherGroup.leftOut(heldBack)
                      + CLAIM_ORDER
                      + " LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setLong(1, now);
            select.setInt(GatherGroup.bind(select, 2, heldBack), limit);
            ids = Sql.rows(select, rs -> rs.getLong(1));
          }
          if (ids.isEmpty()) {
            return List.of();
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE work_item SET status = 'IN_PROGRESS', lease_owner = ?, lease_expires_at_ms = ?,"
                      + " attempts = attempts + 1, updated_at_ms = ? WHERE id IN ("
                      + Sql.placeholders(ids.size())
                      + ")")) {
            update.setString(1, leaseToken);
            update.setLong(2, leaseExpiresAt);
            update.setLong(3, now);
            Sql.bindAll(update, 4, ids);
            update.executeUpdate();
          }
          WorkLeases.open(connection, leaseToken, leaseExpiresAt);
          return selectByIds(connection, ids);
        });
  }

  /** Finishes a successful attempt (see {@link #finish}: this ends the claim's lease). */
  public boolean complete(long id, String leaseToken, long now) {
    return finish(List.of(Finish.complete(id)), leaseToken, now).get(0);
  }

  /** Schedules another attempt at {@code nextAttemptAt}, recording why this one failed. */
  public boolean retryLater(
      long id, String leaseToken, long now, long nextAttemptAt, String error) {
    return finish(List.of(Finish.retry(id, nextAttemptAt, error)), leaseToken, now).get(0);
  }

  /**
   * Moves the item to the dead letters, keeping it and its last error; its entity key is released.
   */
  public boolean deadLetter(long id, String leaseToken, long now, String error) {
    return finish(List.of(Finish.deadLetter(id, error)), leaseToken, now).get(0);
  }

  /**
   * Records the outcomes of one claim's attempts and ends its lease, in a single transaction (one
   * commit per batch, not per item; see {@link ClaimOutcomes} for its statements). Returns, per
   * entry and in order, whether the item was still held by {@code leaseToken}. Items of the claim
   * not listed keep their claim until its first expiry, then lease recovery returns them.
   */
  public List<Boolean> finish(List<Finish> outcomes, String leaseToken, long now) {
    return db.write(
        connection -> {
          List<Boolean> applied = ClaimOutcomes.record(connection, outcomes, leaseToken, now);
          WorkLeases.end(connection, leaseToken);
          return applied;
        });
  }

  /**
   * Returns items whose worker stopped renewing its claim (crash, kill, partition) to the queue;
   * items that already used all their attempts are dead-lettered instead, so an item that crashes
   * its worker cannot loop forever. See {@link WorkLeases} for when a claim has lapsed.
   */
  public LeaseRecovery recoverExpiredLeases(long now, int maxAttempts) {
    return db.write(connection -> WorkLeases.recover(connection, now, maxAttempts));
  }

  /**
   * Puts a dead letter back in the queue, or merges it into the entity's open item if one exists.
   */
  public ReplayResult replay(long id, long now) {
    return db.write(
        connection -> {
          Optional<WorkItem> found =
              selectByIds(connection, List.of(id), true).stream().findFirst();
          if (found.isEmpty()) {
            return ReplayResult.NOT_FOUND;
          }
          WorkItem dead = found.get();
          if (dead.status() != WorkItemStatus.DEAD) {
            return ReplayResult.NOT_DEAD;
          }
          Long openId = null;
          String openStatus = null;
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, status FROM work_item WHERE open_key = ? FOR UPDATE")) {
            select.setString(1, dead.entity().key());
            try (ResultSet rs = select.executeQuery()) {
              if (rs.next()) {
                openId = rs.getLong(1);
                openStatus = rs.getString(2);
              }
            }
          }
          if (openId == null) {
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE work_item SET status = 'PENDING', open_key = ?, attempts = 0, next_attempt_at_ms = ?,"
                        + " replay_count = replay_count + 1, updated_at_ms = ? WHERE id = ?")) {
              update.setString(1, dead.entity().key());
              update.setLong(2, now);
              update.setLong(3, now);
              update.setLong(4, id);
              update.executeUpdate();
            }
            return ReplayResult.REQUEUED;
          }
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE work_item SET status = 'SUPERSEDED', superseded_by = ?, replay_count = replay_count + 1,"
                      + " updated_at_ms = ? WHERE id = ?")) {
            update.setLong(1, openId);
            update.setLong(2, now);
            update.setLong(3, id);
            update.executeUpdate();
          }
          if ("IN_PROGRESS".equals(openStatus)) {
            try (PreparedStatement update =
                connection.prepareStatement("UPDATE work_item SET dirty = 1 WHERE id = ?")) {
              update.setLong(1, openId);
              update.executeUpdate();
            }
          }
          return ReplayResult.MERGED_INTO_OPEN_ITEM;
        });
  }

  public Optional<WorkItem> find(long id) {
    return db.read(connection -> selectByIds(connection, List.of(id)).stream().findFirst());
  }

  private static List<WorkItem> selectByIds(Connection connection, List<Long> ids)
      throws SQLException {
    return selectByIds(connection, ids, false);
  }

  private static List<WorkItem> selectByIds(
      Connection connection, List<Long> ids, boolean forUpdate) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM work_item WHERE id IN ("
                + Sql.placeholders(ids.size())
                + ") ORDER BY id"
                + (forUpdate ? " FOR UPDATE" : ""))) {
      Sql.bindAll(select, 1, ids);
      return Sql.rows(select, WorkQueue::map);
    }
  }

  static WorkItem map(ResultSet rs) throws SQLException {
    return new WorkItem(
        rs.getLong("id"),
        new EntityRef(
            rs.getString("store_hash"), rs.getString("entity_type"), rs.getString("entity_id")),
        WorkItemStatus.valueOf(rs.getString("status")),
        Scopes.parse(rs.getString("scopes")),
        rs.getInt("event_count"),
        rs.getInt("attempts"),
        rs.getLong("next_attempt_at_ms"),
        rs.getString("last_error"),
        rs.getLong("created_at_ms"),
        rs.getLong("updated_at_ms"),
        Sql.nullableLong(rs, "completed_at_ms"),
        Sql.nullableLong(rs, "dead_lettered_at_ms"),
        rs.getInt("replay_count"),
        Sql.nullableLong(rs, "superseded_by"));
  }

  static String truncate(String error) {
    if (error == null) {
      return "unknown error";
    }
    return error.length() <= MAX_ERROR_LENGTH
        ? error
        : error.substring(0, MAX_ERROR_LENGTH - 3) + "...";
  }

  /** How one attempt of item {@code id} ended, as the queue records it. */
  public record Finish(
      long id, Kind kind, long nextAttemptAt, String error, Outcome.Evidence evidence) {
    public enum Kind {
      COMPLETE,
      SKIP,
      RETRY,
      DEFER,
      DEAD_LETTER
    }

    public static Finish complete(long id) {
      return new Finish(id, Kind.COMPLETE, 0, null, null);
    }

    public static Finish retry(long id, long nextAttemptAt, String error) {
      return new Finish(id, Kind.RETRY, nextAttemptAt, error, null);
    }

    /**
     * Back to the queue at {@code nextAttemptAt} without counting this claim as an attempt: the
     * item was not tried (what it needs is busy elsewhere).
     */
    public static Finish defer(long id, long nextAttemptAt, String reason) {
      return new Finish(id, Kind.DEFER, nextAttemptAt, reason, null);
    }

    /** Ends the item SKIPPED; {@code reason} is kept in last_error. */
    public static Finish skip(long id, String reason) {
      return new Finish(id, Kind.SKIP, 0, reason, null);
    }

    public static Finish deadLetter(long id, String error) {
      return new Finish(id, Kind.DEAD_LETTER, 0, error, null);
    }

    /** The same decision, with the failed call's request and answer to keep with the attempt. */
    public Finish withEvidence(Outcome.Evidence failedCall) {
      return new Finish(id, kind, nextAttemptAt, error, failedCall);
    }
  }

  /** Counts of items returned to the queue and dead-lettered by one lease recovery run. */
  public record LeaseRecovery(int requeued, int deadLettered) {}

  public enum ReplayResult {
    REQUEUED,
    MERGED_INTO_OPEN_ITEM,
    NOT_DEAD,
    NOT_FOUND
  }
}
