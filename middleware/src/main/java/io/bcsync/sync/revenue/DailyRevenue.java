package io.bcsync.sync.revenue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesReader;
import io.bcsync.sync.port.SalesReader.StoreRefund;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import io.bcsync.sync.revenue.DailyFigures.RefundOnDay;
import io.bcsync.sync.revenue.DailyFigures.Row;
import io.bcsync.sync.revenue.DailyFigures.Sale;
import io.bcsync.sync.stores.StoreRecords;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Summarises one store-day into {@code BC_Daily_Revenue__c} and the matching Campaigns' totals
 * (issue 18, T6; docs/order-rules.md "Daily revenue"). The figures come from a read of the day's
 * orders and refunds in batches, not from the sync's ledger: the ledger lacks coupons, UTM facts
 * and refunds, and a rebuild must work for days before the sync was installed.
 *
 * <p>Every write converges on a retry: rows are upserted by {@code BC_Revenue_Key__c}, Campaign
 * totals are set (not added) from {@link RevenueLedger}'s sums over all days, and a source that no
 * longer has orders on the day is written as zeros. So running a day twice, after a lost answer or
 * a crash anywhere, gives the same rows and totals.
 */
@Singleton
public class DailyRevenue {
  static final String OBJECT = "BC_Daily_Revenue__c";
  static final String KEY = "BC_Revenue_Key__c";
  private static final Logger LOG = LoggerFactory.getLogger(DailyRevenue.class);

  private final SalesReader reader;
  private final UtmFacts utmFacts;
  private final SalesforceRecords salesforce;
  private final RevenueLedger ledger;
  private final StoreRecords storeRecords;

  DailyRevenue(
      SalesReader reader,
      UtmFacts utmFacts,
      SalesforceRecords salesforce,
      RevenueLedger ledger,
      StoreRecords storeRecords) {
    this.reader = reader;
    this.utmFacts = utmFacts;
    this.salesforce = salesforce;
    this.ledger = ledger;
    this.storeRecords = storeRecords;
  }

  /** What one day's run wrote. */
  public record DayResult(String storeHash, LocalDate day, List<Row> rows, int campaignsUpdated) {}

  /** The store's time zone (its settings). */
  public ZoneId zoneOf(String storeHash) {
    return reader.timeZone(storeHash);
  }

  /**
   * Reads, sums and writes the day. Throws {@link DailyRevenueException} when anything could not be
   * written (nothing is recorded as done then; running the day again converges).
   */
  public DayResult build(String storeHash, LocalDate day, ZoneId zone) {
    Instant from = day.atStartOfDay(zone).toInstant();
    Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
    List<StoreDocument> orders = reader.ordersCreated(storeHash, from, to);
    List<StoreRefund> refunds = reader.refundsCreated(storeHash, from, to);
    Map<Long, StoreDocument> byId = new LinkedHashMap<>();
    orders.forEach(o -> byId.put(o.id(), o));
    Set<Long> older = new LinkedHashSet<>();
    refunds.stream()
        .map(StoreRefund::orderId)
        .filter(id -> !byId.containsKey(id))
        .forEach(older::add);
    Map<Long, StoreDocument> olderOrders =
        older.isEmpty() ? Map.of() : reader.orders(storeHash, older);
    Map<Long, Utm> utm = utmFacts.of(storeHash, from, to, orders, olderOrders.values());

    List<Sale> sales = new ArrayList<>();
    orders.forEach(o -> sales.add(sale(o, utm.get(o.id()))));
    List<RefundOnDay> refundsOnDay = new ArrayList<>();
    for (StoreRefund r : refunds) {
      StoreDocument order =
          byId.containsKey(r.orderId()) ? byId.get(r.orderId()) : olderOrders.get(r.orderId());
      // A refund of an order that no longer exists still reduces the store's total.
      Sale sale =
          order == null
              ? new Sale(r.orderId(), 0, BigDecimal.ZERO, List.of(), null)
              : sale(order, utm.get(order.id()));
      refundsOnDay.add(new RefundOnDay(r.id(), r.amount(), sale));
    }
    List<Row> rows = new ArrayList<>(DailyFigures.of(sales, refundsOnDay));
    Set<String> keys = new LinkedHashSet<>();
    rows.forEach(r -> keys.add(r.sourceKey()));
    for (String previous : ledger.sourceKeys(storeHash, day)) {
      if (!keys.contains(previous)) {
        rows.add(Row.zero(previous));
      }
    }

    Map<String, String> campaigns = campaignIds(storeHash, rows);
    writeRows(storeHash, day, rows, campaigns);
    ledger.replace(storeHash, day, rows);
    int updated = writeCampaignTotals(storeHash, campaigns);
    LOG.info(
        "Daily revenue of store {} for {}: {} orders, {} refunds, {} rows, {} Campaign totals",
        storeHash,
        day,
        orders.size(),
        refunds.size(),
        rows.size(),
        updated);
    return new DayResult(storeHash, day, List.copyOf(rows), updated);
  }

  /**
   * The Campaign key of a row's source: {@code {store}:coupon:{code}} or {@code
   * {store}:utm:{source}}.
   */
  static String campaignKey(String storeHash, Row row) {
    return storeHash + ":" + row.sourceKey();
  }

  static String revenueKey(String storeHash, LocalDate day, Row row) {
    return storeHash + ":" + day + ":" + row.sourceKey();
  }

  private static Sale sale(StoreDocument order, Utm utm) {
    JsonNode json = order.json();
    List<String> coupons = new ArrayList<>();
    json.path("coupons")
        .forEach(
            c -> {
              String code = c.path("code").asText("").trim();
              if (!code.isEmpty() && !coupons.contains(code)) {
                coupons.add(code);
              }
            });
    return new Sale(order.id(), json.path("status_id").asInt(), money(json), coupons, utm);
  }

  private static BigDecimal money(JsonNode order) {
    String text = order.path("total_inc_tax").asText("").trim();
    try {
      return text.isEmpty() ? BigDecimal.ZERO : new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new DailyRevenueException(
          "order " + order.path("id").asText() + " has a total_inc_tax that is no amount", false);
    }
  }

  /** Campaign id by source key, for the coupon and UTM rows whose Campaign exists. */
  private Map<String, String> campaignIds(String storeHash, List<Row> rows) {
    Map<String, String> byCampaignKey = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.source() != null) {
        byCampaignKey.put(campaignKey(storeHash, row), row.sourceKey());
      }
    }
    Map<String, String> ids = new LinkedHashMap<>();
    if (byCampaignKey.isEmpty()) {
      return ids;
    }
    Map<String, String> lower = new LinkedHashMap<>();
    byCampaignKey.forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
    salesforce
        .idsByKey("Campaign", "BC_Source_Key__c", byCampaignKey.keySet())
        .forEach(
            (key, found) -> {
              String sourceKey = lower.get(key.toLowerCase(java.util.Locale.ROOT));
              if (sourceKey != null && found.size() == 1) {
                ids.put(sourceKey, found.get(0));
              }
            });
    return ids;
  }

  private void writeRows(
      String storeHash, LocalDate day, List<Row> rows, Map<String, String> campaigns) {
    storeRecords
        .ensure(storeHash, 0)
        .ifPresent(
            failure -> {
              throw new DailyRevenueException(
                  "store " + storeHash + ": its BC_Store__c could not be written", true);
            });
    List<RecordWrite> writes = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put(KEY, revenueKey(storeHash, day, row));
      fields.put("BC_Store__r", StoreRecords.reference(storeHash));
      fields.put("BC_Date__c", day);
      fields.put("BC_Source_Type__c", row.sourceType());
      fields.put("BC_Source__c", row.source());
      fields.put("BC_Revenue__c", row.revenue());
      fields.put("BC_Refunds__c", row.refunds());
      fields.put("BC_Net_Revenue__c", row.net());
      fields.put("BC_Order_Count__c", row.orderCount());
      fields.put("BC_Campaign__c", campaigns.get(row.sourceKey()));
      writes.add(RecordWrite.upsert(i, OBJECT, KEY, fields));
    }
    failIfAny("BC_Daily_Revenue__c upsert", salesforce.write(writes).results());
  }

  private int writeCampaignTotals(String storeHash, Map<String, String> campaigns) {
    if (campaigns.isEmpty()) {
      return 0;
    }
    Map<String, RevenueLedger.Totals> totals = ledger.totals(storeHash, campaigns.keySet());
    List<RecordWrite> writes = new ArrayList<>();
    int i = 0;
    for (Map.Entry<String, String> e : campaigns.entrySet()) {
      RevenueLedger.Totals t =
          totals.getOrDefault(e.getKey(), new RevenueLedger.Totals(BigDecimal.ZERO, 0));
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("Id", e.getValue());
      fields.put("BC_Revenue__c", t.net());
      fields.put("BC_Order_Count__c", t.orders());
      writes.add(RecordWrite.update(i++, "Campaign", fields));
    }
    failIfAny("Campaign totals update", salesforce.write(writes).results());
    return writes.size();
  }

  private static void failIfAny(String what, List<RecordResult> results) {
    List<String> errors = new ArrayList<>();
    boolean retryable = true;
    for (RecordResult r : results) {
      if (!r.success()) {
        retryable &= r.retryable();
        errors.add(
            String.valueOf(r.write().fields().getOrDefault(KEY, r.write().fields().get("Id")))
                + ": "
                + String.join("; ", r.errors().stream().map(RecordError::toString).toList()));
      }
    }
    if (!errors.isEmpty()) {
      throw new DailyRevenueException(what + " failed: " + String.join(" | ", errors), retryable);
    }
  }
}
