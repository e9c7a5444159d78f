package io.bcsync.sync.accounts;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sync_order_ledger} table: one row per synced order of a company, replaced on every
 * write of that order. Account figures are always recomputed from it with SQL aggregates, never
 * incremented, so a retried, replayed or duplicated order cannot be counted twice.
 */
@Singleton
public class CompanyLedger {
  /**
   * One order as it counts for its company; {@code counted} false for cancelled, declined and
   * refunded orders.
   *
   * @param productIds the distinct products the order's lines are of (for the top categories)
   */
  public record Entry(
      String storeHash,
      long orderId,
      String companyKey,
      BigDecimal total,
      long orderDateMs,
      boolean counted,
      List<Long> productIds) {}

  /**
   * {@code product_ids} is VARCHAR(2000): ids beyond that (an order of hundreds of products) are
   * not kept.
   */
  static final int PRODUCT_IDS_MAX = 2000;

  /** A company's figures over its counted orders. */
  public record Figures(BigDecimal revenue, long orders, long firstOrderMs, long lastOrderMs) {}

  private final Db db;
  private final Clock clock;

  public CompanyLedger(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public void record(Collection<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    long now = clock.millis();
    db.write(
        connection -> {
          for (Entry entry : entries) {
            try (PreparedStatement delete =
                connection.prepareStatement(
                    "DELETE FROM sync_order_ledger WHERE store_hash = ? AND order_id = ?")) {
              delete.setString(1, entry.storeHash());
              delete.setLong(2, entry.orderId());
              delete.executeUpdate();
            }
            try (PreparedStatement insert =
                connection.prepareStatement(
                    "INSERT INTO sync_order_ledger (store_hash,"
                        + " order_id, company_key, total, order_date_ms, counted, product_ids, written_at_ms)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
              insert.setString(1, entry.storeHash());
              insert.setLong(2, entry.orderId());
              insert.setString(3, entry.companyKey());
              insert.setBigDecimal(4, entry.total());
              insert.setLong(5, entry.orderDateMs());
              insert.setInt(6, entry.counted() ? 1 : 0);
              insert.setString(7, joined(entry.productIds()));
              insert.setLong(8, now);
              insert.executeUpdate();
            }
          }
          return null;
        });
  }

  /** The product ids of each counted order of each given company, one list per order. */
  public Map<String, List<List<Long>>> productsPerOrder(
      String storeHash, Collection<String> companyKeys) {
    Map<String, List<List<Long>>> out = new HashMap<>();
    if (companyKeys.isEmpty()) {
      return out;
    }
    List<String> keys = List.copyOf(companyKeys);
    return db.read(
        connection -> {
          String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT company_key, product_ids FROM"
                      + " sync_order_ledger WHERE store_hash = ? AND counted = 1 AND company_key IN ("
                      + marks
                      + ")")) {
            select.setString(1, storeHash);
            for (int i = 0; i < keys.size(); i++) {
              select.setString(2 + i, keys.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(split(rs.getString(2)));
              }
            }
          }
          return out;
        });
  }

  static String joined(List<Long> productIds) {
    StringBuilder out = new StringBuilder();
    for (Long id : productIds) {
      String next = (out.isEmpty() ? "" : ",") + id;
      if (out.length() + next.length() > PRODUCT_IDS_MAX) {
        break;
      }
      out.append(next);
    }
    return out.toString();
  }

  private static List<Long> split(String productIds) {
    if (productIds == null || productIds.isBlank()) {
      return List.of();
    }
    return Arrays.stream(productIds.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(Long::parseLong)
        .toList();
  }

  public Map<String, Figures> figures(String storeHash, Collection<String> companyKeys) {
    Map<String, Figures> out = new HashMap<>();
    if (companyKeys.isEmpty()) {
      return out;
    }
    List<String> keys = List.copyOf(companyKeys);
    return db.read(
        connection -> {
          String marks = String.join(",", Collections.nCopies(keys.size(), "?"));
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT company_key, SUM(total), COUNT(*),"
                      + " MIN(order_date_ms), MAX(order_date_ms) FROM sync_order_ledger WHERE store_hash = ? AND counted = 1"
                      + " AND company_key IN ("
                      + marks
                      + ") GROUP BY company_key")) {
            select.setString(1, storeHash);
            for (int i = 0; i < keys.size(); i++) {
              select.setString(2 + i, keys.get(i));
            }
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                out.put(
                    rs.getString(1),
                    new Figures(rs.getBigDecimal(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
              }
            }
          }
          for (String key : keys) {
            out.putIfAbsent(key, new Figures(BigDecimal.ZERO, 0, 0, 0));
          }
          return out;
        });
  }
}
