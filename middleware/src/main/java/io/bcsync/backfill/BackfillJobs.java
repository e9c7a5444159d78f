package io.bcsync.backfill;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code backfill_job} table. Every state change is conditional, so a cancel and a page never
 * both win.
 */
@Singleton
public class BackfillJobs {
  static final int MAX_ERROR_LENGTH = 2000;
  private static final String COLUMNS =
      "id, store_hash, since_date, state, phase, customer_page, customers_total,"
          + " order_after_id, orders_first_id, orders_max_id, customers_enqueued, orders_enqueued, pages_read,"
          + " consecutive_failures, last_error, created_at_ms, updated_at_ms, paused_at_ms, finished_at_ms";
  private static final String ACTIVE = "state IN ('RUNNING', 'PAUSED')";

  private final Db db;

  public BackfillJobs(Db db) {
    this.db = db;
  }

  /**
   * Creates a RUNNING backfill, or throws {@link ActiveBackfillExists} naming the store's active
   * one.
   */
  public BackfillJob create(String storeHash, LocalDate since, long now) {
    try {
      long id = db.write(connection -> insert(connection, storeHash, since, now));
      return find(id).orElseThrow();
    } catch (DataAccessFailure failure) {
      if (!DataAccessFailure.isUniqueViolation(failure.sqlException())) {
        throw failure;
      }
      long active = findActive(storeHash).map(BackfillJob::id).orElseThrow(() -> failure);
      throw new ActiveBackfillExists(storeHash, active);
    }
  }

  private static long insert(Connection connection, String storeHash, LocalDate since, long now)
      throws SQLException {
    BackfillCursor start = BackfillCursor.start();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO backfill_job (store_hash, since_date,"
                + " state, active_store, phase, customer_page, order_after_id, customers_enqueued, orders_enqueued,"
                + " pages_read, consecutive_failures, created_at_ms, updated_at_ms)"
                + " VALUES (?, ?, 'RUNNING', ?, ?, ?, ?, 0, 0, 0, 0, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, storeHash);
      insert.setString(2, since.toString());
      insert.setString(3, storeHash);
      insert.setString(4, start.phase().name());
      insert.setInt(5, start.customerPage());
      insert.setLong(6, start.orderAfterId());
      insert.setLong(7, now);
      insert.setLong(8, now);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no generated key returned");
        }
        return keys.getLong(1);
      }
    }
  }

  public Optional<BackfillJob> find(long id) {
    return db.read(connection -> select(connection, "id = ?", id).stream().findFirst());
  }

  public Optional<BackfillJob> findActive(String storeHash) {
    return db.read(
        connection -> select(connection, "active_store = ?", storeHash).stream().findFirst());
  }

  /** Active backfills, oldest first: the order the runner advances them in. */
  public List<BackfillJob> active() {
    return db.read(connection -> select(connection, ACTIVE + " ORDER BY id", null));
  }

  /** The latest backfills, newest first, optionally of one store. */
  public List<BackfillJob> latest(String storeHash, int limit) {
    return db.read(
        connection -> {
          String where =
              (storeHash == null ? "1 = 1" : "store_hash = ?") + " ORDER BY id DESC LIMIT " + limit;
          return select(connection, where, storeHash);
        });
  }

  /**
   * Moves the cursor past a page inside the caller's transaction (the page's work items commit with
   * it) and adds what the page enqueued. Returns false when the job was cancelled, failed or
   * advanced by someone else since {@code before} was read: the caller must then roll the page
   * back.
   */
  boolean savePage(
      Connection connection,
      BackfillJob before,
      BackfillCursor next,
      long customers,
      long orders,
      long now)
      throws SQLException {
    boolean finished = next.phase() == BackfillPhase.FINISHED;
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE backfill_job SET phase = ?,"
                + " customer_page = ?, customers_total = ?, order_after_id = ?, orders_first_id = ?, orders_max_id = ?,"
                + " customers_enqueued = customers_enqueued + ?, orders_enqueued = orders_enqueued + ?,"
                + " pages_read = pages_read + 1, consecutive_failures = 0, last_error = NULL, updated_at_ms = ?,"
                + (finished
                    ? " state = 'DONE', active_store = NULL, finished_at_ms = ?"
                    : " finished_at_ms = ?")
                + " WHERE id = ? AND pages_read = ? AND "
                + ACTIVE)) {
      update.setString(1, next.phase().name());
      update.setInt(2, next.customerPage());
      setNullableLong(update, 3, next.customersTotal());
      update.setLong(4, next.orderAfterId());
      setNullableLong(update, 5, next.ordersFirstId());
      setNullableLong(update, 6, next.ordersMaxId());
      update.setLong(7, customers);
      update.setLong(8, orders);
      update.setLong(9, now);
      setNullableLong(update, 10, finished ? now : null);
      update.setLong(11, before.id());
      update.setLong(12, before.pagesRead());
      return update.executeUpdate() == 1;
    }
  }

  /** RUNNING to PAUSED (the queue is above its high-water mark); returns whether it changed. */
  public boolean pause(long id, long now) {
    return update(
            "UPDATE backfill_job SET state = 'PAUSED', paused_at_ms = ?, updated_at_ms = ?"
                + " WHERE id = ? AND state = 'RUNNING'",
            now,
            now,
            id)
        == 1;
  }

  /** PAUSED back to RUNNING; returns whether it changed. */
  public boolean resume(long id, long now) {
    return update(
            "UPDATE backfill_job SET state = 'RUNNING', paused_at_ms = NULL, updated_at_ms = ?"
                + " WHERE id = ? AND state = 'PAUSED'",
            now,
            id)
        == 1;
  }

  /**
   * Records a failed page attempt; the job is FAILED once {@code maxFailures} attempts in a row
   * failed (a permanent failure passes 1). Returns the state the job is in afterwards, or empty
   * when it was no longer active.
   */
  public Optional<BackfillState> recordFailure(long id, String error, int maxFailures, long now) {
    return db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE backfill_job SET consecutive_failures ="
                      + " consecutive_failures + 1, last_error = ?, updated_at_ms = ? WHERE id = ? AND "
                      + ACTIVE)) {
            update.setString(1, truncate(error));
            update.setLong(2, now);
            update.setLong(3, id);
            if (update.executeUpdate() == 0) {
              return Optional.<BackfillState>empty();
            }
          }
          try (PreparedStatement fail =
              connection.prepareStatement(
                  "UPDATE backfill_job SET state = 'FAILED',"
                      + " active_store = NULL, finished_at_ms = ? WHERE id = ? AND consecutive_failures >= ? AND "
                      + ACTIVE)) {
            fail.setLong(1, now);
            fail.setLong(2, id);
            fail.setInt(3, maxFailures);
            return Optional.of(
                fail.executeUpdate() == 1 ? BackfillState.FAILED : BackfillState.RUNNING);
          }
        });
  }

  /**
   * Stops an active backfill; what it already enqueued stays in the queue. Returns false when it
   * was not active.
   */
  public boolean cancel(long id, long now) {
    return update(
            "UPDATE backfill_job SET state = 'CANCELLED', active_store = NULL, finished_at_ms = ?,"
                + " updated_at_ms = ? WHERE id = ? AND "
                + ACTIVE,
            now,
            now,
            id)
        == 1;
  }

  private int update(String sql, Object... values) {
    return db.write(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
              update.setLong(i + 1, ((Number) values[i]).longValue());
            }
            return update.executeUpdate();
          }
        });
  }

  private static List<BackfillJob> select(Connection connection, String where, Object parameter)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM backfill_job WHERE " + where)) {
      if (parameter instanceof Long id) {
        select.setLong(1, id);
      } else if (parameter != null) {
        select.setString(1, parameter.toString());
      }
      try (ResultSet rs = select.executeQuery()) {
        List<BackfillJob> jobs = new ArrayList<>();
        while (rs.next()) {
          jobs.add(map(rs));
        }
        return jobs;
      }
    }
  }

  private static BackfillJob map(ResultSet rs) throws SQLException {
    BackfillCursor cursor =
        new BackfillCursor(
            BackfillPhase.valueOf(rs.getString("phase")),
            rs.getInt("customer_page"),
            nullableLong(rs, "customers_total"),
            rs.getLong("order_after_id"),
            nullableLong(rs, "orders_first_id"),
            nullableLong(rs, "orders_max_id"));
    return new BackfillJob(
        rs.getLong("id"),
        rs.getString("store_hash"),
        LocalDate.parse(rs.getString("since_date")),
        BackfillState.valueOf(rs.getString("state")),
        cursor,
        rs.getLong("customers_enqueued"),
        rs.getLong("orders_enqueued"),
        rs.getLong("pages_read"),
        rs.getInt("consecutive_failures"),
        rs.getString("last_error"),
        rs.getLong("created_at_ms"),
        rs.getLong("updated_at_ms"),
        nullableLong(rs, "paused_at_ms"),
        nullableLong(rs, "finished_at_ms"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  private static void setNullableLong(PreparedStatement statement, int index, Long value)
      throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }

  static String truncate(String error) {
    String text = error == null ? "unknown error" : error;
    return text.length() <= MAX_ERROR_LENGTH
        ? text
        : text.substring(0, MAX_ERROR_LENGTH - 3) + "...";
  }

  /** Another backfill of the store is RUNNING or PAUSED. */
  public static final class ActiveBackfillExists extends RuntimeException {
    private final long activeId;

    ActiveBackfillExists(String storeHash, long activeId) {
      super(
          "backfill " + activeId + " is already running for store " + storeHash,
          null,
          false,
          false);
      this.activeId = activeId;
    }

    public long activeId() {
      return activeId;
    }
  }
}
