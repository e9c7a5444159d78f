package io.bcsync.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes how a claim's attempts ended, in the caller's transaction, with a fixed number of
 * statements for the common case: one locking read finds which items the lease token still holds,
 * one update finishes all the successful ones, and only the rarer outcomes (retry, deferral, skip,
 * dead letter), whose values differ per item, take one statement each. Each update keeps its
 * condition on the lease token, so an item recovered by another worker meanwhile is never
 * overwritten.
 */
final class ClaimOutcomes {
  private static final String RELEASE_LEASE =
      " lease_owner = NULL, lease_expires_at_ms = NULL, updated_at_ms = ?, dirty = 0";
  private static final String HELD = " AND status = 'IN_PROGRESS' AND lease_owner = ?";

  /**
   * Completed: a dirty item (events arrived meanwhile) goes back to PENDING so the entity's newest
   * state is processed once more; otherwise it is DONE and its entity key is released. Assignments
   * are ordered so {@code dirty} is reset last: MySQL evaluates them left to right.
   */
  private static final String COMPLETE =
      "UPDATE work_item SET status = CASE WHEN dirty = 1 THEN 'PENDING' ELSE 'DONE' END,"
          + " open_key = CASE WHEN dirty = 1 THEN open_key ELSE NULL END,"
          + " attempts = CASE WHEN dirty = 1 THEN 0 ELSE attempts END,"
          + " completed_at_ms = CASE WHEN dirty = 1 THEN NULL ELSE ? END,"
          + " next_attempt_at_ms = ?, last_error = NULL,"
          + RELEASE_LEASE;

  /** A deferred item gets the attempt its claim counted back. */
  private static final String RETRY =
      "UPDATE work_item SET status = 'PENDING', next_attempt_at_ms = ?, last_error = ?,"
          + " attempts = GREATEST(attempts - ?, 0),"
          + RELEASE_LEASE
          + " WHERE id = ?"
          + HELD;

  /** A dirty item goes back to the queue like a completed one: new events may need work. */
  private static final String SKIP =
      "UPDATE work_item SET status = CASE WHEN dirty = 1 THEN 'PENDING' ELSE 'SKIPPED' END,"
          + " open_key = CASE WHEN dirty = 1 THEN open_key ELSE NULL END,"
          + " attempts = CASE WHEN dirty = 1 THEN 0 ELSE attempts END,"
          + " completed_at_ms = CASE WHEN dirty = 1 THEN NULL ELSE ? END,"
          + " next_attempt_at_ms = ?, last_error = ?,"
          + RELEASE_LEASE
          + " WHERE id = ?"
          + HELD;

  private static final String DEAD =
      "UPDATE work_item SET status = 'DEAD', open_key = NULL, dead_lettered_at_ms = ?, last_error = ?,"
          + RELEASE_LEASE
          + " WHERE id = ?"
          + HELD;

  private ClaimOutcomes() {}

  /**
   * Records {@code outcomes}; returns, per entry and in order, whether the item was still held by
   * {@code leaseToken}.
   */
  static List<Boolean> record(
      Connection connection, List<WorkQueue.Finish> outcomes, String leaseToken, long now)
      throws SQLException {
    if (outcomes.isEmpty()) {
      return List.of();
    }
    Set<Long> held = lockHeld(connection, outcomes, leaseToken);
    List<Long> completed = new ArrayList<>();
    try (PreparedStatement retry = connection.prepareStatement(RETRY);
        PreparedStatement skip = connection.prepareStatement(SKIP);
        PreparedStatement dead = connection.prepareStatement(DEAD);
        FailureLog.Batch failures = FailureLog.batch(connection)) {
      for (WorkQueue.Finish outcome : outcomes) {
        if (!held.contains(outcome.id())) {
          continue;
        }
        switch (outcome.kind()) {
          case COMPLETE -> completed.add(outcome.id());
          case RETRY, DEFER -> {
            retry.setLong(1, outcome.nextAttemptAt());
            retry.setString(2, WorkQueue.truncate(outcome.error()));
            retry.setInt(3, outcome.kind() == WorkQueue.Finish.Kind.DEFER ? 1 : 0);
            retry.setLong(4, now);
            retry.setLong(5, outcome.id());
            retry.setString(6, leaseToken);
            requireOne(retry.executeUpdate(), outcome);
            if (outcome.kind() == WorkQueue.Finish.Kind.RETRY) {
              failures.add(outcome, now);
            }
          }
          case SKIP -> {
            skip.setLong(1, now);
            skip.setLong(2, now);
            skip.setString(3, WorkQueue.truncate(outcome.error()));
            skip.setLong(4, now);
            skip.setLong(5, outcome.id());
            skip.setString(6, leaseToken);
            requireOne(skip.executeUpdate(), outcome);
          }
          case DEAD_LETTER -> {
            dead.setLong(1, now);
            dead.setString(2, WorkQueue.truncate(outcome.error()));
            dead.setLong(3, now);
            dead.setLong(4, outcome.id());
            dead.setString(5, leaseToken);
            requireOne(dead.executeUpdate(), outcome);
            failures.add(outcome, now);
          }
        }
      }
      completeAll(connection, completed, leaseToken, now);
      failures.write();
    }
    List<Boolean> applied = new ArrayList<>(outcomes.size());
    for (WorkQueue.Finish outcome : outcomes) {
      applied.add(held.contains(outcome.id()));
    }
    return applied;
  }

  /**
   * The items of {@code outcomes} that {@code leaseToken} still holds, locked until the transaction
   * ends so lease recovery cannot take one between this read and its update.
   */
  private static Set<Long> lockHeld(
      Connection connection, List<WorkQueue.Finish> outcomes, String leaseToken)
      throws SQLException {
    List<Long> ids = outcomes.stream().map(WorkQueue.Finish::id).toList();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM work_item WHERE id IN ("
                + Sql.placeholders(ids.size())
                + ")"
                + HELD
                + " FOR UPDATE")) {
      int next = Sql.bindAll(select, 1, ids);
      select.setString(next, leaseToken);
      return new HashSet<>(Sql.rows(select, rs -> rs.getLong(1)));
    }
  }

  private static void completeAll(
      Connection connection, List<Long> ids, String leaseToken, long now) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            COMPLETE + " WHERE id IN (" + Sql.placeholders(ids.size()) + ")" + HELD)) {
      update.setLong(1, now);
      update.setLong(2, now);
      update.setLong(3, now);
      int next = Sql.bindAll(update, 4, ids);
      update.setString(next, leaseToken);
      int updated = update.executeUpdate();
      if (updated != ids.size()) {
        throw new SQLException(
            "completed " + updated + " of " + ids.size() + " items locked for lease " + leaseToken);
      }
    }
  }

  /** The item was locked as held a moment ago, in this transaction: anything else is a bug. */
  private static void requireOne(int updated, WorkQueue.Finish outcome) throws SQLException {
    if (updated != 1) {
      throw new SQLException(
          "work item "
              + outcome.id()
              + " was locked as held but its "
              + outcome.kind()
              + " updated "
              + updated
              + " rows");
    }
  }
}
