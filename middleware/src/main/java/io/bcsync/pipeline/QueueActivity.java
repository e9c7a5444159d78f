package io.bcsync.pipeline;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the queue did over time, and the dead letters an operator is looking for: read by the admin
 * API ({@code /admin/activity}, {@code /admin/dead-letters}) and the console alike.
 *
 * <p>The per-minute counts are SQL aggregates over the rows every instance already writes (a
 * webhook's {@code received_at_ms}, a work item's {@code completed_at_ms} and {@code
 * dead_lettered_at_ms}), not counters kept in memory, so every instance of a cluster shows the same
 * figures and a restart loses none. V27 indexes the two work-item instants so a day's range is an
 * index range scan.
 */
@Singleton
public class QueueActivity {
  /** At most this many buckets in one answer (a day by the minute). */
  public static final int MAX_BUCKETS = 1440;

  private final Db db;

  public QueueActivity(Db db) {
    this.db = db;
  }

  /**
   * Per store, how many callbacks were received, items synced (of them after a retry) and items
   * dead-lettered, in buckets of {@code bucketMs} from {@code fromMs} (inclusive, rounded down to a
   * bucket) to {@code toMs}. Every bucket is present, with zeros where nothing happened.
   */
  public Map<String, List<Bucket>> perStore(long fromMs, long toMs, long bucketMs) {
    return buckets(null, fromMs, toMs, bucketMs);
  }

  /**
   * {@link #perStore} for one store only (the BigCommerce app page's overview): its buckets, all
   * zeros when it had no activity, read with the store in each query's condition.
   */
  public List<Bucket> ofStore(String storeHash, long fromMs, long toMs, long bucketMs) {
    List<Bucket> buckets = buckets(storeHash, fromMs, toMs, bucketMs).get(storeHash);
    if (buckets != null) {
      return buckets;
    }
    long first = fromMs - Math.floorMod(fromMs, bucketMs);
    int count = bucketCount(first, toMs, bucketMs);
    List<Bucket> zeros = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      zeros.add(new Bucket(first + i * bucketMs, 0, 0, 0, 0));
    }
    return zeros;
  }

  private static int bucketCount(long first, long toMs, long bucketMs) {
    return (int) Math.min(MAX_BUCKETS, (toMs - first + bucketMs - 1) / bucketMs);
  }

  /** Every store's buckets, or only {@code storeHash}'s when it is not null. */
  private Map<String, List<Bucket>> buckets(
      String storeHash, long fromMs, long toMs, long bucketMs) {
    if (bucketMs < 1000 || toMs <= fromMs) {
      throw new IllegalArgumentException("bucket at least a second, and from before to");
    }
    long first = fromMs - Math.floorMod(fromMs, bucketMs);
    int count = bucketCount(first, toMs, bucketMs);
    String inStore = storeHash == null ? "" : " AND store_hash = ?";
    return db.read(
        connection -> {
          Map<String, long[][]> counts = new TreeMap<>();
          add(
              connection,
              bucketed("webhook_event", "received_at_ms", inStore),
              storeHash,
              counts,
              0,
              first,
              bucketMs,
              count);
          add(
              connection,
              bucketed("work_item", "completed_at_ms", " AND status = 'DONE'" + inStore),
              storeHash,
              counts,
              1,
              first,
              bucketMs,
              count);
          add(
              connection,
              bucketed(
                  "work_item",
                  "completed_at_ms",
                  " AND status = 'DONE' AND attempts > 1" + inStore),
              storeHash,
              counts,
              2,
              first,
              bucketMs,
              count);
          add(
              connection,
              bucketed("work_item", "dead_lettered_at_ms", inStore),
              storeHash,
              counts,
              3,
              first,
              bucketMs,
              count);
          Map<String, List<Bucket>> result = new TreeMap<>();
          counts.forEach(
              (store, rows) -> {
                List<Bucket> buckets = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                  buckets.add(
                      new Bucket(
                          first + i * bucketMs, rows[i][0], rows[i][1], rows[i][2], rows[i][3]));
                }
                result.put(store, buckets);
              });
          return result;
        });
  }

  /**
   * Counts per store and bucket of rows whose {@code column} lies in a range. The bucket is the
   * instant minus its remainder, computed in a derived table so the GROUP BY names a plain column
   * on both H2 and MySQL (MOD runs the same on both, where integer division does not: MySQL's /
   * gives a decimal). Parameters: the first bucket's start and the bucket length, then the range,
   * then the store when {@code condition} names one.
   */
  private static String bucketed(String table, String column, String condition) {
    return "SELECT store_hash, bucket, COUNT(*) FROM (SELECT store_hash, "
        + column
        + " - MOD("
        + column
        + " - ?, ?) AS bucket FROM "
        + table
        + " WHERE "
        + column
        + " >= ? AND "
        + column
        + " < ?"
        + condition
        + ") counted GROUP BY store_hash, bucket";
  }

  private static void add(
      Connection connection,
      String sql,
      String storeHash,
      Map<String, long[][]> counts,
      int series,
      long first,
      long bucketMs,
      int count)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, first);
      select.setLong(2, bucketMs);
      select.setLong(3, first);
      select.setLong(4, first + count * bucketMs);
      if (storeHash != null) {
        select.setString(5, storeHash);
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          int index = (int) ((rs.getLong(2) - first) / bucketMs);
          if (index >= 0 && index < count) {
            counts.computeIfAbsent(rs.getString(1), store -> new long[count][4])[index][series] +=
                rs.getLong(3);
          }
        }
      }
    }
  }

  /**
   * Dead letters newest first, narrowed by {@code filter}, with ids below {@code beforeId} (keyset
   * paging).
   */
  public List<WorkItem> deadLetters(DeadLetterFilter filter, Optional<Long> beforeId, int limit) {
    return db.read(
        connection -> {
          StringBuilder sql =
              new StringBuilder(
                  "SELECT " + WorkQueue.COLUMNS + " FROM work_item WHERE status = 'DEAD'");
          List<String> values = new ArrayList<>();
          filter
              .store()
              .ifPresent(
                  store -> {
                    sql.append(" AND store_hash = ?");
                    values.add(store);
                  });
          filter
              .kind()
              .ifPresent(
                  kind -> {
                    sql.append(" AND entity_type = ?");
                    values.add(kind);
                  });
          filter
              .errorContains()
              .ifPresent(
                  text -> {
                    sql.append(" AND LOWER(last_error) LIKE ? ESCAPE '!'");
                    values.add("%" + likeLiteral(text.toLowerCase(Locale.ROOT)) + "%");
                  });
          beforeId.ifPresent(id -> sql.append(" AND id < ?"));
          sql.append(" ORDER BY id DESC LIMIT ?");
          try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            int index = 1;
            for (String value : values) {
              select.setString(index++, value);
            }
            if (beforeId.isPresent()) {
              select.setLong(index++, beforeId.get());
            }
            select.setInt(index, limit);
            return Sql.rows(select, WorkQueue::map);
          }
        });
  }

  /** The kinds and stores that have dead letters now, for the console's filter choices. */
  public List<String> deadLetterValues(String column) {
    if (!column.equals("store_hash") && !column.equals("entity_type")) {
      throw new IllegalArgumentException("no such filter column");
    }
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT DISTINCT "
                      + column
                      + " FROM work_item WHERE status = 'DEAD' ORDER BY "
                      + column)) {
            return Sql.rows(select, rs -> rs.getString(1));
          }
        });
  }

  /** The latest errors of any store: items dead or waiting for a retry, newest first. */
  public List<QueueInspector.FailedItem> recentErrors(int limit) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT store_hash, entity_type, entity_id, last_error, updated_at_ms FROM work_item"
                      + " WHERE last_error IS NOT NULL AND status IN ('DEAD', 'PENDING')"
                      + " ORDER BY updated_at_ms DESC LIMIT ?")) {
            select.setInt(1, limit);
            return Sql.rows(
                select,
                rs ->
                    new QueueInspector.FailedItem(
                        new EntityRef(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5)));
          }
        });
  }

  /** Per store, items waiting or running now and the creation time of the oldest of them. */
  public Map<String, Depth> depthPerStore() {
    return db.read(
        connection -> {
          Map<String, Depth> depths = new TreeMap<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT store_hash, COUNT(*), MIN(created_at_ms) FROM work_item"
                          + " WHERE status IN ('PENDING', 'IN_PROGRESS') GROUP BY store_hash");
              ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              depths.put(rs.getString(1), new Depth(rs.getLong(2), rs.getLong(3)));
            }
          }
          return depths;
        });
  }

  /** {@code text} as a LIKE literal with {@code !} as the escape character. */
  private static String likeLiteral(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }

  /**
   * Counts of one bucket starting at {@code startMs}. {@code retried} is part of {@code synced}.
   */
  public record Bucket(long startMs, long received, long synced, long retried, long dead) {}

  /** Open items of one store and when the oldest of them was created. */
  public record Depth(long open, long oldestCreatedAtMs) {}

  /** Dead letters of one store, of one entity kind, whose error contains a text: each optional. */
  public record DeadLetterFilter(
      Optional<String> store, Optional<String> kind, Optional<String> errorContains) {
    public static final DeadLetterFilter ALL =
        new DeadLetterFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public static DeadLetterFilter of(String store, String kind, String errorContains) {
      return new DeadLetterFilter(present(store), present(kind), present(errorContains));
    }

    private static Optional<String> present(String value) {
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public boolean isEmpty() {
      return store.isEmpty() && kind.isEmpty() && errorContains.isEmpty();
    }
  }
}
