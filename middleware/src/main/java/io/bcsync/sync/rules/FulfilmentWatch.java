package io.bcsync.sync.rules;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.FollowUpWork;
import io.bcsync.pipeline.IncomingEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code sync_fulfilment_watch} table (V24): orders awaiting fulfilment that a {@code
 * fulfilment_delayed} rule will find late at {@code due_at_ms}, unless an event of theirs comes
 * first. The rules step keeps it (watch / unwatch); the {@code fulfilment-delay} cluster job takes
 * what is due and enqueues those orders' normal work items, in one transaction with the delete, so
 * a crash either enqueues and forgets a row or does neither.
 */
@Singleton
public class FulfilmentWatch {
  /** Scope of the follow-up event that re-syncs a late order. */
  public static final String SCOPE = "bcsync/fulfilment-delay";

  private final Db db;
  private final FollowUpWork followUps;

  public FulfilmentWatch(Db db, FollowUpWork followUps) {
    this.db = db;
    this.followUps = followUps;
  }

  /** One order due: its store and id. */
  public record Due(String storeHash, long orderId) {}

  /** Watches {@code due} (order id → due time) and forgets {@code unwatch}, in one transaction. */
  void keep(String storeHash, Map<Long, Long> due, Collection<Long> unwatch) {
    if (due.isEmpty() && unwatch.isEmpty()) {
      return;
    }
    // One key order for every batch, so two batches of the same orders cannot deadlock.
    Map<Long, Long> sorted = new TreeMap<>(due);
    TreeSet<Long> gone = new TreeSet<>(unwatch);
    gone.removeAll(sorted.keySet());
    db.write(
        connection -> {
          for (long orderId : gone) {
            delete(connection, storeHash, orderId);
          }
          sorted.forEach(
              (orderId, dueAt) ->
                  Upsert.updateElseInsert(
                      () -> update(connection, storeHash, orderId, dueAt),
                      () -> insert(connection, storeHash, orderId, dueAt)));
          return null;
        });
  }

  /**
   * Takes up to {@code limit} orders due at {@code nowMs}: enqueues each order's work item and
   * deletes its row, in one transaction. Answers what was enqueued.
   */
  public List<Due> enqueueDue(long nowMs, int limit) {
    return followUps.recordWith(
        connection -> {
          List<Due> due = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT store_hash, order_id FROM sync_fulfilment_watch WHERE due_at_ms <= ?"
                      + " ORDER BY due_at_ms, store_hash, order_id")) {
            select.setLong(1, nowMs);
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                due.add(new Due(rows.getString(1), rows.getLong(2)));
              }
            }
          }
          for (Due d : due) {
            delete(connection, d.storeHash(), d.orderId());
          }
          return due;
        },
        due -> {
          List<IncomingEvent> events = new ArrayList<>();
          due.forEach(
              d ->
                  events.add(
                      FollowUpWork.event(
                          new EntityRef(d.storeHash(), "order", String.valueOf(d.orderId())),
                          SCOPE,
                          "{}")));
          return events;
        });
  }

  /** When the order is due a check, if it is watched (for operators and tests). */
  public java.util.Optional<Long> dueAt(String storeHash, long orderId) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT due_at_ms FROM sync_fulfilment_watch WHERE store_hash = ? AND order_id = ?")) {
            select.setString(1, storeHash);
            select.setLong(2, orderId);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next()
                  ? java.util.Optional.of(rows.getLong(1))
                  : java.util.Optional.<Long>empty();
            }
          }
        });
  }

  private static void delete(Connection connection, String storeHash, long orderId) {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM sync_fulfilment_watch WHERE store_hash = ? AND order_id = ?")) {
      delete.setString(1, storeHash);
      delete.setLong(2, orderId);
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessFailure(e);
    }
  }

  private static int update(Connection connection, String storeHash, long orderId, long dueAt) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE sync_fulfilment_watch SET due_at_ms = ? WHERE store_hash = ? AND order_id = ?")) {
      update.setLong(1, dueAt);
      update.setString(2, storeHash);
      update.setLong(3, orderId);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessFailure(e);
    }
  }

  private static void insert(Connection connection, String storeHash, long orderId, long dueAt) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO sync_fulfilment_watch (store_hash, order_id, due_at_ms) VALUES (?, ?, ?)")) {
      insert.setString(1, storeHash);
      insert.setLong(2, orderId);
      insert.setLong(3, dueAt);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessFailure(e);
    }
  }
}
