package io.bcsync.sync.revenue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The arithmetic of one store-day, without I/O: every sale of the day counts towards the store's
 * total ({@code all}), each of its coupons ({@code coupon:<code>}), its UTM source ({@code
 * utm:<source>}), or {@code none} when it has neither; every refund made on the day is subtracted
 * from the same sources as its order, whatever day that order was placed. An order with two coupons
 * counts fully for both (a row answers "what did orders using this coupon bring"), so coupon rows
 * do not add up to the total; the {@code all} row is the store's figure.
 */
public final class DailyFigures {
  /**
   * Statuses that are no sale: Incomplete (0), Cancelled (5), Declined (6). Refunded orders stay:
   * the sale happened, and its refund is subtracted on the day it was made.
   */
  static final Set<Integer> NOT_SALES = Set.of(0, 5, 6);

  private DailyFigures() {}

  /** An order, as far as revenue is concerned. */
  public record Sale(long orderId, int statusId, BigDecimal total, List<String> coupons, Utm utm) {
    public Sale {
      coupons = List.copyOf(coupons);
    }

    boolean counts() {
      return !NOT_SALES.contains(statusId);
    }

    /** The source keys this order is attributed to, besides {@code all}. */
    Set<String> sourceKeys() {
      Set<String> keys = new LinkedHashSet<>();
      for (String code : coupons) {
        keys.add("coupon:" + code.trim().toLowerCase(Locale.ROOT));
      }
      if (utm != null && utm.hasSource()) {
        keys.add("utm:" + utm.source());
      }
      if (keys.isEmpty()) {
        keys.add("none");
      }
      return keys;
    }
  }

  /** A refund made on the day, with the order it belongs to. */
  public record RefundOnDay(long refundId, BigDecimal amount, Sale order) {}

  /** One row: a source key's revenue, refunds and order count on the day. */
  public record Row(String sourceKey, BigDecimal revenue, BigDecimal refunds, int orderCount) {
    public BigDecimal net() {
      return revenue.subtract(refunds);
    }

    /** Total, Coupon, UTM or None: {@code BC_Source_Type__c}. */
    public String sourceType() {
      if (sourceKey.equals("all")) {
        return "Total";
      }
      if (sourceKey.startsWith("coupon:")) {
        return "Coupon";
      }
      return sourceKey.startsWith("utm:") ? "UTM" : "None";
    }

    /** The coupon code or UTM source, null for the total and unattributed rows. */
    public String source() {
      int colon = sourceKey.indexOf(':');
      return colon < 0 ? null : sourceKey.substring(colon + 1);
    }

    static Row zero(String key) {
      return new Row(key, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    Row plusSale(BigDecimal amount) {
      return new Row(sourceKey, revenue.add(amount), refunds, orderCount + 1);
    }

    Row plusRefund(BigDecimal amount) {
      return new Row(sourceKey, revenue, refunds.add(amount), orderCount);
    }
  }

  /** The rows of one day, by source key ({@code all} first, then by key). */
  public static List<Row> of(List<Sale> sales, List<RefundOnDay> refunds) {
    Map<String, Row> rows = new LinkedHashMap<>();
    rows.put("all", Row.zero("all"));
    for (Sale sale : sales) {
      if (!sale.counts()) {
        continue;
      }
      rows.put("all", rows.get("all").plusSale(sale.total()));
      for (String key : sale.sourceKeys()) {
        rows.put(key, rows.getOrDefault(key, Row.zero(key)).plusSale(sale.total()));
      }
    }
    for (RefundOnDay refund : refunds) {
      rows.put("all", rows.get("all").plusRefund(refund.amount()));
      for (String key : refund.order().sourceKeys()) {
        rows.put(key, rows.getOrDefault(key, Row.zero(key)).plusRefund(refund.amount()));
      }
    }
    List<Row> out = new ArrayList<>(rows.values());
    out.sort(
        Comparator.comparing((Row r) -> !r.sourceKey().equals("all"))
            .thenComparing(Row::sourceKey));
    return out;
  }
}
