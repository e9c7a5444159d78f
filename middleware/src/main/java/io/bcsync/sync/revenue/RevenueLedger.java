package io.bcsync.sync.revenue;

import io.bcsync.db.Db;
import io.bcsync.sync.revenue.DailyFigures.Row;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures last written for each store-day ({@code sync_daily_revenue}, V22) and the days the
 * job finished ({@code sync_daily_revenue_done}). Portable SQL only (H2 and MariaDB): a day's rows
 * are replaced by delete and insert in one transaction, never by a dialect's upsert.
 */
@Singleton
public class RevenueLedger {
  private final Db db;
  private final Clock clock;

  RevenueLedger(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The source keys recorded for the day (what a rebuild must zero if they are gone). */
  public List<String> sourceKeys(String storeHash, LocalDate day) {
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT source_key FROM sync_daily_revenue WHERE store_hash = ? AND revenue_day"
                      + " = ? ORDER BY source_key")) {
            s.setString(1, storeHash);
            s.setString(2, day.toString());
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                keys.add(rs.getString(1));
              }
            }
            return keys;
          }
        });
  }

  /** Replaces the day's rows by {@code rows}. */
  public void replace(String storeHash, LocalDate day, List<Row> rows) {
    long now = clock.millis();
    db.write(
        c -> {
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM sync_daily_revenue WHERE store_hash = ? AND revenue_day = ?")) {
            delete.setString(1, storeHash);
            delete.setString(2, day.toString());
            delete.executeUpdate();
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO sync_daily_revenue (store_hash, revenue_day, source_key,"
                      + " source_type, revenue, refunds, order_count, written_at_ms)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
              insert.setString(1, storeHash);
              insert.setString(2, day.toString());
              insert.setString(3, row.sourceKey());
              insert.setString(4, row.sourceType());
              insert.setBigDecimal(5, row.revenue());
              insert.setBigDecimal(6, row.refunds());
              insert.setInt(7, row.orderCount());
              insert.setLong(8, now);
              insert.addBatch();
            }
            insert.executeBatch();
          }
          return null;
        });
  }

  /** A source's totals over every day recorded: net revenue and order count. */
  public record Totals(BigDecimal net, long orders) {}

  /** The totals of each given source key of the store, over all days. */
  public Map<String, Totals> totals(String storeHash, Collection<String> sourceKeys) {
    Map<String, Totals> out = new LinkedHashMap<>();
    if (sourceKeys.isEmpty()) {
      return out;
    }
    String marks = String.join(", ", java.util.Collections.nCopies(sourceKeys.size(), "?"));
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT source_key, SUM(revenue) - SUM(refunds), SUM(order_count) FROM"
                      + " sync_daily_revenue WHERE store_hash = ? AND source_key IN ("
                      + marks
                      + ") GROUP BY source_key")) {
            s.setString(1, storeHash);
            int i = 2;
            for (String key : sourceKeys) {
              s.setString(i++, key);
            }
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.put(rs.getString(1), new Totals(money(rs.getBigDecimal(2)), rs.getLong(3)));
              }
            }
            return out;
          }
        });
  }

  public boolean isDone(String storeHash, LocalDate day) {
    return db.read(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT 1 FROM sync_daily_revenue_done WHERE store_hash = ? AND revenue_day ="
                      + " ?")) {
            s.setString(1, storeHash);
            s.setString(2, day.toString());
            try (ResultSet rs = s.executeQuery()) {
              return rs.next();
            }
          }
        });
  }

  /** Records the day as done; a row another instance wrote first is kept. */
  public void markDone(String storeHash, LocalDate day) {
    if (isDone(storeHash, day)) {
      return;
    }
    try {
      db.write(
          c -> {
            try (PreparedStatement s =
                c.prepareStatement(
                    "INSERT INTO sync_daily_revenue_done (store_hash, revenue_day, done_at_ms)"
                        + " VALUES (?, ?, ?)")) {
              s.setString(1, storeHash);
              s.setString(2, day.toString());
              s.setLong(3, clock.millis());
              s.executeUpdate();
            }
            return null;
          });
    } catch (RuntimeException e) {
      if (!isDone(storeHash, day)) {
        throw e;
      }
      // Another instance recorded the day between our check and insert: done either way.
    }
  }

  private static BigDecimal money(BigDecimal value) {
    return value == null ? BigDecimal.ZERO : value.setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
