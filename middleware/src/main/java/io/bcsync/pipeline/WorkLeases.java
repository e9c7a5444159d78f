package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The lease of a claimed batch: one {@code work_lease} row per claim (V39), keyed by the claim's
 * lease token, which each claimed item names in {@code lease_owner}. The heartbeat renews a running
 * batch by extending that one row, whatever the batch's size; it used to rewrite every item's
 * expiry at every beat. A batch that runs longer than a lease timeout has its items' own expiry
 * moved too, about once per lease timeout, because an instance older than V39 recovers by that
 * column alone (a rolling upgrade; {@code BatchProcessor#renew}).
 *
 * <p>An IN_PROGRESS item has lapsed when its own {@code lease_expires_at_ms} (written by the claim,
 * moved only by a long batch's renewals) has passed and no unexpired lease row for its token
 * exists. So a renewal keeps every item of its batch that nobody recovered, and never takes back
 * one that lease recovery returned to the queue (recovery clears the item's {@code lease_owner});
 * finishing stays conditional on the token per item ({@link ClaimOutcomes}). An item claimed
 * without a lease row (before V39, or whose row recovery already removed) lapses by its own column.
 */
@Singleton
class WorkLeases {
  private static final String LAPSED =
      " WHERE status = 'IN_PROGRESS' AND lease_expires_at_ms < ?"
          + " AND NOT EXISTS (SELECT 1 FROM work_lease l WHERE l.lease_token = work_item.lease_owner"
          + " AND l.expires_at_ms >= ?)";

  /** Item ids per statement when a renewal moves the items' own expiry. */
  private static final int ITEMS_PER_STATEMENT = 500;

  private final Db db;

  WorkLeases(Db db) {
    this.db = db;
  }

  /**
   * Opens the lease of a claim, in the claim's transaction. Lease tokens are fresh per claim
   * ({@link BatchProcessor}); a caller that claims again with a token it still holds extends that
   * lease instead of failing on the key.
   */
  static void open(Connection connection, String leaseToken, long expiresAt) throws SQLException {
    try (PreparedStatement extend =
        connection.prepareStatement(
            "UPDATE work_lease SET expires_at_ms = GREATEST(expires_at_ms, ?) WHERE lease_token = ?")) {
      extend.setLong(1, expiresAt);
      extend.setString(2, leaseToken);
      if (extend.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO work_lease (lease_token, expires_at_ms) VALUES (?, ?)")) {
      insert.setString(1, leaseToken);
      insert.setLong(2, expiresAt);
      insert.executeUpdate();
    }
  }

  /** Ends the lease once the claim's outcomes are recorded, in that transaction. */
  static void end(Connection connection, String leaseToken) throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM work_lease WHERE lease_token = ?")) {
      delete.setString(1, leaseToken);
      delete.executeUpdate();
    }
  }

  /**
   * The heartbeat's statement for a running batch: its claim lasts until {@code expiresAt}. Returns
   * false when the lease row is gone (it lapsed and lease recovery removed it; the items it held
   * were returned to the queue and are not taken back).
   *
   * <p>In the same transaction, the own expiry of those of {@code itemIds} the token still holds
   * (empty for most beats; for an instance older than V39, whose recovery reads only that column;
   * see {@code BatchProcessor#renew}). Items recovered meanwhile no longer name the token and stay
   * as they are.
   */
  boolean renew(String leaseToken, long expiresAt, List<Long> itemIds) {
    return db.writeFailingFast(
        1,
        Heartbeat.LIMITS,
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE work_lease SET expires_at_ms = ? WHERE lease_token = ?")) {
            update.setLong(1, expiresAt);
            update.setString(2, leaseToken);
            if (update.executeUpdate() != 1) {
              return false;
            }
          }
          for (int from = 0; from < itemIds.size(); from += ITEMS_PER_STATEMENT) {
            List<Long> chunk =
                itemIds.subList(from, Math.min(itemIds.size(), from + ITEMS_PER_STATEMENT));
            try (PreparedStatement update =
                connection.prepareStatement(
                    "UPDATE work_item SET lease_expires_at_ms = ? WHERE id IN ("
                        + Sql.placeholders(chunk.size())
                        + ") AND lease_owner = ? AND status = 'IN_PROGRESS'")) {
              update.setLong(1, expiresAt);
              int next = Sql.bindAll(update, 2, chunk);
              update.setString(next, leaseToken);
              update.executeUpdate();
            }
          }
          return true;
        });
  }

  /**
   * Returns lapsed items to the queue, or dead-letters those that used all their attempts (an item
   * that crashes its worker cannot loop forever), then removes the lapsed lease rows. Each item's
   * update is conditional on its status, so a lapsed item is recovered once however many runs race.
   */
  static WorkQueue.LeaseRecovery recover(Connection connection, long now, int maxAttempts)
      throws SQLException {
    int dead;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE work_item SET status = 'DEAD', open_key = NULL, dead_lettered_at_ms = ?, last_error = ?,"
                + " lease_owner = NULL, lease_expires_at_ms = NULL, updated_at_ms = ?, dirty = 0"
                + LAPSED
                + " AND attempts >= ?")) {
      update.setLong(1, now);
      update.setString(2, "lease expired on the last allowed attempt (worker crashed or hung)");
      update.setLong(3, now);
      update.setLong(4, now);
      update.setLong(5, now);
      update.setInt(6, maxAttempts);
      dead = update.executeUpdate();
    }
    int requeued;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE work_item SET status = 'PENDING', next_attempt_at_ms = ?, last_error = ?,"
                + " lease_owner = NULL, lease_expires_at_ms = NULL, updated_at_ms = ?, dirty = 0"
                + LAPSED)) {
      update.setLong(1, now);
      update.setString(2, "lease expired (worker crashed or hung); returned to the queue");
      update.setLong(3, now);
      update.setLong(4, now);
      update.setLong(5, now);
      requeued = update.executeUpdate();
    }
    // Its items were all recovered above: a lease row's expiry is never before its items' own.
    try (PreparedStatement delete =
        connection.prepareStatement("DELETE FROM work_lease WHERE expires_at_ms < ?")) {
      delete.setLong(1, now);
      delete.executeUpdate();
    }
    return new WorkQueue.LeaseRecovery(requeued, dead);
  }
}
