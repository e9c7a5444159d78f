package io.bcsync.sync.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.bigcommerce.client.Fields;
import io.bcsync.pipeline.Outcome;
import io.bcsync.salesforce.writer.RecordWrite;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.bcsync.salesforce.writer.WriteReport;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * B2B account figures: after a batch's orders are written, each order of a company is put in the ledger and the
 * figures of every company touched are recomputed from it and written to its Account (upsert by BC_Company_Id__c) in
 * one batched call. Cancelled, declined and fully refunded orders do not count; revenue is net of refunds.
 */
@Singleton
public class CompanyRollup {
  /** Statuses that are not a sale: 0 Incomplete, 4 Refunded, 5 Cancelled, 6 Declined. */
  private static final Set<Integer> NOT_COUNTED = Set.of(0, 4, 5, 6);
  public static final String COMPANY_KEY = "BC_Company_Id__c";

  /** A written order of a company, on behalf of a work item. */
  public record CompanyOrder(long itemId, JsonNode order, String companyKey, String companyName) {}

  private final CompanyLedger ledger;
  private final SalesforceWriter writer;
  private final Clock clock;

  public CompanyRollup(CompanyLedger ledger, SalesforceWriter writer, Clock clock) {
    this.ledger = ledger;
    this.writer = writer;
    this.clock = clock;
  }

  public void apply(String storeHash, List<CompanyOrder> orders, Map<Long, Outcome> outcomes) throws Exception {
    if (orders.isEmpty()) {
      return;
    }
    List<CompanyLedger.Entry> entries = new ArrayList<>();
    Map<String, CompanyOrder> byCompany = new LinkedHashMap<>();
    for (CompanyOrder o : orders) {
      Instant created = Fields.parseDate(o.order().path("date_created").asText(""));
      BigDecimal total = money(o.order().path("total_inc_tax")).subtract(money(o.order().path("refunded_amount")));
      entries.add(new CompanyLedger.Entry(storeHash, o.order().path("id").asLong(), o.companyKey(), total,
          created == null ? 0 : created.toEpochMilli(), !NOT_COUNTED.contains(o.order().path("status_id").asInt())));
      byCompany.putIfAbsent(o.companyKey(), o); // the first order's item carries the company's write
    }
    ledger.record(entries);
    Map<String, CompanyLedger.Figures> figures = ledger.figures(storeHash, byCompany.keySet());
    List<RecordWrite> writes = new ArrayList<>();
    byCompany.forEach((key, first) -> writes.add(RecordWrite.upsert(first.itemId(), "Account", COMPANY_KEY,
        fields(key, first.companyName(), figures.get(key)))));
    WriteReport report = writer.write(writes);
    report.outcomes().forEach((itemId, outcome) -> {
      if (outcome instanceof Outcome.Failure failure) {
        // The figures are derived: retrying the item recomputes them from the ledger, so nothing is lost.
        orders.stream().filter(o -> o.companyKey().equals(byCompany.entrySet().stream()
            .filter(e -> e.getValue().itemId() == itemId).map(Map.Entry::getKey).findFirst().orElse(null)))
            .forEach(o -> outcomes.put(o.itemId(), Outcome.retry("company account figures: " + failure.error())));
      }
    });
  }

  private Map<String, Object> fields(String key, String name, CompanyLedger.Figures f) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(COMPANY_KEY, key);
    fields.put("Name", name);
    fields.put("BC_Lifetime_Revenue__c", f.revenue().setScale(2, RoundingMode.HALF_UP));
    fields.put("BC_Order_Count__c", BigDecimal.valueOf(f.orders()));
    fields.put("BC_First_Order_Date__c", f.orders() == 0 ? null : day(f.firstOrderMs()));
    fields.put("BC_Last_Order_Date__c", f.orders() == 0 ? null : day(f.lastOrderMs()));
    fields.put("BC_Avg_Days_Between_Orders__c", f.orders() < 2 ? null
        : BigDecimal.valueOf(f.lastOrderMs() - f.firstOrderMs())
            .divide(BigDecimal.valueOf(86_400_000L * (f.orders() - 1)), 1, RoundingMode.HALF_UP));
    fields.put("BC_Last_Synced__c", clock.instant());
    return fields;
  }

  private static LocalDate day(long epochMs) {
    return Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate();
  }

  private static BigDecimal money(JsonNode value) {
    String text = value.asText("");
    return text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text);
  }
}
