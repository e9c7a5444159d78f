package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;

/**
 * Every failed attempt of a work item ({@code work_item_failure}, V37): its error and, when an
 * external call failed, the request and the answer. {@code work_item} keeps only the latest error;
 * the failed-records page and the record timeline show them all.
 */
@Singleton
public class FailureLog {
  static final int DELETE_CHUNK = 1_000;

  public static final int MAX_ITEMS_PER_QUERY = 500;

  private final Db db;

  public FailureLog(Db db) {
    this.db = db;
  }

  /** The failed attempts of these items, oldest first. */
  public List<FailedAttempt> attempts(Collection<Long> workItemIds) {
    if (workItemIds.isEmpty()) {
      return List.of();
    }
    if (workItemIds.size() > MAX_ITEMS_PER_QUERY) {
      throw new IllegalArgumentException("at most " + MAX_ITEMS_PER_QUERY + " items at once");
    }
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, work_item_id, attempt, replay_round, outcome, error, system_name,"
                      + " request, response, failed_at_ms FROM work_item_failure"
                      + " WHERE work_item_id IN ("
                      + Sql.placeholders(workItemIds.size())
                      + ") ORDER BY id")) {
            Sql.bindAll(select, 1, workItemIds);
            return Sql.rows(
                select,
                rs ->
                    new FailedAttempt(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        rs.getLong(10)));
          }
        });
  }

  /**
   * Deletes the failed attempts recorded before {@code beforeMs} (V41 indexes {@code
   * failed_at_ms}), except those of items still open or dead-lettered: the failed-records page
   * shows a dead letter's calls until it is replayed and ends. In transactions of at most {@value
   * #DELETE_CHUNK} rows, so the first run over a long history does not hold one huge transaction on
   * a table every worker's outcomes write to. Returns how many rows went.
   */
  public int deleteFailedBefore(long beforeMs) {
    int deleted = 0;
    int chunk;
    do {
      chunk = db.write(connection -> deleteChunk(connection, beforeMs));
      deleted += chunk;
    } while (chunk == DELETE_CHUNK);
    return deleted;
  }

  private static int deleteChunk(Connection connection, long beforeMs) throws SQLException {
    List<Long> ids;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id FROM work_item_failure WHERE failed_at_ms < ? AND work_item_id NOT IN"
                + " (SELECT id FROM work_item WHERE status IN ('PENDING', 'IN_PROGRESS', 'DEAD'))"
                + " ORDER BY id LIMIT "
                + DELETE_CHUNK)) {
      select.setLong(1, beforeMs);
      ids = Sql.rows(select, rs -> rs.getLong(1));
    }
    if (ids.isEmpty()) {
      return 0;
    }
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM work_item_failure WHERE id IN (" + Sql.placeholders(ids.size()) + ")")) {
      Sql.bindAll(delete, 1, ids);
      delete.executeUpdate();
    }
    return ids.size();
  }

  /** Collects one finish call's failed attempts into one batched insert, in its transaction. */
  static Batch batch(Connection connection) throws SQLException {
    return new Batch(
        connection.prepareStatement(
            "INSERT INTO work_item_failure (work_item_id, attempt, replay_round, outcome, error,"
                + " system_name, request, response, failed_at_ms)"
                + " SELECT id, attempts, replay_count, ?, ?, ?, ?, ?, ? FROM work_item WHERE id = ?"));
  }

  static final class Batch implements AutoCloseable {
    private final PreparedStatement insert;
    private int pending;

    private Batch(PreparedStatement insert) {
      this.insert = insert;
    }

    /** Called after the item's update matched: the row is read from the updated item. */
    void add(WorkQueue.Finish failed, long now) throws SQLException {
      Outcome.Evidence evidence = failed.evidence();
      insert.setString(1, failed.kind() == WorkQueue.Finish.Kind.DEAD_LETTER ? "DEAD" : "RETRY");
      insert.setString(2, WorkQueue.truncate(failed.error()));
      insert.setString(3, evidence == null ? null : evidence.system());
      insert.setString(4, evidence == null ? null : evidence.request());
      insert.setString(5, evidence == null ? null : evidence.response());
      insert.setLong(6, now);
      insert.setLong(7, failed.id());
      insert.addBatch();
      pending++;
    }

    void write() throws SQLException {
      if (pending > 0) {
        insert.executeBatch();
        pending = 0;
      }
    }

    @Override
    public void close() throws SQLException {
      insert.close();
    }
  }

  /**
   * @param attempt the item's attempt count when it failed
   * @param replayRound how many times the item had been replayed from the dead letters by then
   * @param outcome RETRY or DEAD
   */
  public record FailedAttempt(
      long id,
      long workItemId,
      int attempt,
      int replayRound,
      String outcome,
      String error,
      String system,
      String request,
      String response,
      long failedAtMs) {}
}
