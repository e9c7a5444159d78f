package io.bcsync.sync.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sim.salesforce.SalesforceSimulator;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reading and asserting the daily revenue rows and Campaign totals in the Salesforce simulator. */
final class RevenueRows {
  static final String OBJECT = "BC_Daily_Revenue__c";

  private RevenueRows() {}

  /** The day's rows by source key (the part of BC_Revenue_Key__c after store and date). */
  /** The day's rows by source key (the part of BC_Revenue_Key__c after store and date). */
  static Map<String, Map<String, Object>> rowsOf(
      SalesforceSimulator sf, String store, LocalDate date) {
    String prefix = store + ":" + date + ":";
    Map<String, Map<String, Object>> rows = new TreeMap<>();
    for (Map<String, Object> r : sf.records(OBJECT)) {
      String key = String.valueOf(r.get("BC_Revenue_Key__c"));
      if (key.startsWith(prefix)) {
        rows.put(key.substring(prefix.length()), r);
      }
    }
    return rows;
  }

  static Map<String, Map<String, String>> comparable(Map<String, Map<String, Object>> rows) {
    Map<String, Map<String, String>> out = new TreeMap<>();
    rows.forEach(
        (key, r) -> {
          Map<String, String> fields = new TreeMap<>();
          for (String f :
              List.of(
                  "Id",
                  "BC_Revenue__c",
                  "BC_Refunds__c",
                  "BC_Net_Revenue__c",
                  "BC_Order_Count__c",
                  "BC_Campaign__c",
                  "BC_Source__c",
                  "BC_Source_Type__c")) {
            Object v = r.get(f);
            fields.put(f, v == null ? null : normal(v));
          }
          out.put(key, fields);
        });
    return out;
  }

  private static String normal(Object v) {
    try {
      return new BigDecimal(String.valueOf(v)).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return String.valueOf(v);
    }
  }

  static void assertRow(
      Map<String, Map<String, Object>> rows,
      String key,
      String type,
      String source,
      String revenue,
      String refunds,
      String net,
      int orders) {
    assertThat(rows).as("row %s", key).containsKey(key);
    Map<String, Object> r = rows.get(key);
    assertThat(r.get("BC_Source_Type__c")).as("%s type", key).isEqualTo(type);
    assertThat(r.get("BC_Source__c")).as("%s source", key).isEqualTo(source);
    assertThat(amount(r.get("BC_Revenue__c"))).as("%s revenue", key).isEqualByComparingTo(revenue);
    assertThat(amount(r.get("BC_Refunds__c"))).as("%s refunds", key).isEqualByComparingTo(refunds);
    assertThat(amount(r.get("BC_Net_Revenue__c"))).as("%s net", key).isEqualByComparingTo(net);
    assertThat(amount(r.get("BC_Order_Count__c")))
        .as("%s orders", key)
        .isEqualByComparingTo(String.valueOf(orders));
  }

  static void assertCampaign(SalesforceSimulator sf, String id, String revenue, int orders) {
    Map<String, Object> c = sf.record(id).orElseThrow();
    assertThat(amount(c.get("BC_Revenue__c"))).as("Campaign revenue").isEqualByComparingTo(revenue);
    assertThat(amount(c.get("BC_Order_Count__c")))
        .as("Campaign orders")
        .isEqualByComparingTo(String.valueOf(orders));
  }

  private static BigDecimal amount(Object v) {
    return v == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(v));
  }
}
