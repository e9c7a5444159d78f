package io.bcsync.sync.accounts;

import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code sync_order_ledger} table: one row per synced order, replaced on every write of that
 * order, keyed to its company (B2B) and its customer ({@code customer:<id>} or {@code
 * guest:<hash>}). Account figures are always recomputed from it with SQL aggregates, never
 * incremented, so a retried, replayed or duplicated order cannot be counted twice.
 */
@Singleton
public class CompanyLedger {
  /**
   * One order as it counts for its company; {@code counted} false for cancelled, declined and
   * refunded orders.
   *
   * @param productIds the distinct products the order's lines are of (for the top categories)
   * @param contactId the Contact the order is written against, when already known
   * @param customerKey the buyer ({@code customer:<id>} or {@code guest:<hash>}): known before
   *     anything is written, so a customer's figures can be computed before its first Contact write
   */
  public record Entry(
      String storeHash,
      long orderId,
      String companyKey,
      BigDecimal total,
      long orderDateMs,
      boolean counted,
      List<Long> productIds,
      String contactId,
      String customerKey) {}

  /**
   * {@code product_ids} is VARCHAR(2000): ids beyond that (an order of hundreds of products) are
   * not kept.
   */
  static final int PRODUCT_IDS_MAX = 2000;

  /** A company's figures over its counted orders. */
  public record Figures(BigDecimal revenue, long orders, long firstOrderMs, long lastOrderMs) {}

  private final Db db;
  private final LedgerRepository rows;
  private final Clock clock;

  CompanyLedger(Db db, LedgerRepository rows, Clock clock) {
    this.db = db;
    this.rows = rows;
    this.clock = clock;
  }

  /** Stores each order's row, replacing what an earlier write of the order stored. */
  public void record(Collection<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    long now = clock.millis();
    db.write(
        () -> {
          for (Entry entry : entries) {
            LedgerRow row =
                new LedgerRow(
                    new LedgerRow.Key(entry.storeHash(), entry.orderId()),
                    entry.companyKey(),
                    entry.total(),
                    entry.orderDateMs(),
                    entry.counted() ? 1 : 0,
                    joined(entry.productIds()),
                    now,
                    entry.contactId(),
                    entry.customerKey());
            Upsert.updateElseInsert(() -> replace(row), () -> rows.save(row));
          }
          return null;
        });
  }

  /** The product ids of each counted order of each given company, one list per order. */
  public Map<String, List<List<Long>>> productsPerOrder(
      String storeHash, Collection<String> companyKeys) {
    return productsPerOrder(
        companyKeys, chunk -> rows.counted(storeHash, chunk), LedgerRow::companyKey);
  }

  /** The same per customer key (a customer's orders, company or not). */
  public Map<String, List<List<Long>>> productsPerCustomerOrder(
      String storeHash, Collection<String> customerKeys) {
    return productsPerOrder(
        customerKeys, chunk -> rows.countedOfCustomers(storeHash, chunk), LedgerRow::customerKey);
  }

  /**
   * Each given customer's (by customer key) counted order ids in order (by order date, then id): an
   * order's place in it is its number among the customer's orders, whatever order the webhooks
   * arrived in. What the order rules' first and repeat order triggers read (sync/rules).
   */
  public Map<String, List<Long>> orderSequence(String storeHash, Collection<String> customerKeys) {
    Map<String, List<LedgerRow>> byCustomer = new HashMap<>();
    if (customerKeys.isEmpty()) {
      return Map.of();
    }
    db.read(
        () -> {
          for (List<String> chunk : Chunks.of(customerKeys)) {
            for (LedgerRow row : rows.countedOfCustomers(storeHash, chunk)) {
              byCustomer.computeIfAbsent(row.customerKey(), k -> new ArrayList<>()).add(row);
            }
          }
          return null;
        });
    Map<String, List<Long>> out = new HashMap<>();
    byCustomer.forEach(
        (customerKey, orders) ->
            out.put(
                customerKey,
                orders.stream()
                    .sorted(
                        java.util.Comparator.comparingLong(LedgerRow::orderDateMs)
                            .thenComparingLong(r -> r.id().orderId()))
                    .map(r -> r.id().orderId())
                    .toList()));
    return out;
  }

  private Map<String, List<List<Long>>> productsPerOrder(
      Collection<String> keys,
      Function<List<String>, List<LedgerRow>> counted,
      Function<LedgerRow, String> keyOf) {
    Map<String, List<List<Long>>> out = new HashMap<>();
    if (keys.isEmpty()) {
      return out;
    }
    return db.read(
        () -> {
          for (List<String> chunk : Chunks.of(keys)) {
            for (LedgerRow row : counted.apply(chunk)) {
              out.computeIfAbsent(keyOf.apply(row), k -> new ArrayList<>())
                  .add(split(row.productIds()));
            }
          }
          return out;
        });
  }

  private int replace(LedgerRow row) {
    return rows.replace(
        row.id().storeHash(),
        row.id().orderId(),
        row.companyKey(),
        row.total(),
        row.orderDateMs(),
        row.counted(),
        row.productIds(),
        row.writtenAtMs(),
        row.contactId(),
        row.customerKey());
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
    return figures(companyKeys, chunk -> rows.totals(storeHash, chunk));
  }

  /** A customer's figures over its counted orders, by customer key. */
  public Map<String, Figures> customerFigures(String storeHash, Collection<String> customerKeys) {
    return figures(customerKeys, chunk -> rows.customerTotals(storeHash, chunk));
  }

  private Map<String, Figures> figures(
      Collection<String> companyKeys, Function<List<String>, List<CompanyTotals>> sums) {
    Map<String, Figures> out = new HashMap<>();
    if (companyKeys.isEmpty()) {
      return out;
    }
    return db.read(
        () -> {
          for (List<String> chunk : Chunks.of(companyKeys)) {
            for (CompanyTotals totals : sums.apply(chunk)) {
              out.put(
                  totals.companyKey(),
                  new Figures(
                      totals.revenue(),
                      totals.orders(),
                      totals.firstOrderMs(),
                      totals.lastOrderMs()));
            }
          }
          for (String key : companyKeys) {
            out.putIfAbsent(key, new Figures(BigDecimal.ZERO, 0, 0, 0));
          }
          return out;
        });
  }

  /**
   * A customer whose last counted order is older than a cutoff.
   *
   * @param ofCompany some of its orders were a company's: its Account carries the company's figures
   */
  public record Lapsed(String customerKey, boolean ofCompany, Figures figures) {}

  /**
   * The next page of customers whose last counted order lapsed ({@link LedgerRepository#lapsed}).
   */
  public List<Lapsed> lapsed(
      String storeHash, long cutoffMs, long afterMs, String afterKey, int limit) {
    return db.read(
        () ->
            rows.lapsed(storeHash, cutoffMs, afterMs, afterKey, limit).stream()
                .map(
                    t ->
                        new Lapsed(
                            t.customerKey(),
                            t.companyKey() != null && !t.companyKey().isEmpty(),
                            new Figures(
                                t.revenue(), t.orders(), t.firstOrderMs(), t.lastOrderMs())))
                .toList());
  }

  /** The stores whose ledger has orders keyed by customer. */
  public List<String> storesWithCustomers() {
    return db.read(rows::storesWithCustomers);
  }
}
