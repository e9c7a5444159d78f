package io.bcsync.sync.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.config.StoreConfig;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.mapping.StoreDates;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * B2B account figures: after a batch's orders are written, each order of a company is put in the
 * ledger and the figures of every company touched are recomputed from it and written to its Account
 * (upsert by BC_Company_Id__c) in one batched call. Cancelled, declined and fully refunded orders
 * do not count; revenue is net of refunds.
 *
 * <p>Top categories: the categories the company's counted orders contain, ranked by the number of
 * orders containing them (an order counts once per category however many of its lines are in it),
 * ties by name, the first {@code bcsync.bigcommerce.stores.<hash>.b2b.top-categories} (default 3)
 * joined with "; " and cut to the field's 255 characters. Category names come from {@link
 * ProductCategories}, so known products cost no BigCommerce call.
 */
@Singleton
public class CompanyRollup {
  /** Statuses that are not a sale: 0 Incomplete, 4 Refunded, 5 Cancelled, 6 Declined. */
  static final Set<Integer> NOT_COUNTED = Set.of(0, 4, 5, 6);

  public static final String COMPANY_KEY = "BC_Company_Id__c";

  /**
   * A written order of a company, on behalf of a work item.
   *
   * @param customerKey the buyer, kept in the ledger row for the buyer's own figures
   */
  public record CompanyOrder(
      long itemId,
      JsonNode order,
      String companyKey,
      String companyName,
      String contactId,
      String customerKey) {}

  public static final String TOP_CATEGORIES = "BC_Top_Categories__c";

  /** Account.BC_Top_Categories__c is Text(255) in the package. */
  static final int TOP_CATEGORIES_LENGTH = 255;

  private static final Logger LOG = LoggerFactory.getLogger(CompanyRollup.class);

  private final CompanyLedger ledger;
  private final SalesforceRecords salesforce;
  private final ProductCategories categories;
  private final Environment environment;
  private final Clock clock;

  public CompanyRollup(
      CompanyLedger ledger,
      SalesforceRecords salesforce,
      ProductCategories categories,
      Environment environment,
      Clock clock) {
    this.ledger = ledger;
    this.salesforce = salesforce;
    this.categories = categories;
    this.environment = environment;
    this.clock = clock;
  }

  /**
   * Records the orders in the ledger and writes their companies' figures; answers the items to
   * retry because a figure could not be written (the figures are derived: a retry recomputes them
   * from the ledger, so nothing is lost).
   */
  public Map<Long, Outcome> apply(String storeHash, List<CompanyOrder> orders) {
    if (orders.isEmpty()) {
      return Map.of();
    }
    List<CompanyLedger.Entry> entries = new ArrayList<>();
    Map<String, CompanyOrder> byCompany = new LinkedHashMap<>();
    for (CompanyOrder o : orders) {
      Instant created = StoreDates.instant(o.order().path("date_created").asText(""));
      BigDecimal total =
          money(o.order().path("total_inc_tax")).subtract(money(o.order().path("refunded_amount")));
      entries.add(
          new CompanyLedger.Entry(
              storeHash,
              o.order().path("id").asLong(),
              o.companyKey(),
              total,
              created == null ? 0 : created.toEpochMilli(),
              !NOT_COUNTED.contains(o.order().path("status_id").asInt()),
              productIds(o.order()),
              o.contactId(),
              o.customerKey()));
      // The first order's item carries the company's write.
      byCompany.putIfAbsent(o.companyKey(), o);
    }
    ledger.record(entries);
    Map<Long, Outcome> failures = new LinkedHashMap<>();
    FiguresWritten written = writeFigures(storeHash, byCompany, orders);
    failures.putAll(written.failures());
    // Two workers can write one company at once (its orders arrive in different batches): each
    // computes from the ledger and then writes, so the write computed first may land last and
    // leave stale figures. After writing, the ledger is read again; a company whose figures moved
    // meanwhile is written again from the current ledger, so the last write of a company always
    // reflects every order recorded before it. Costs one aggregate query per batch, and a
    // Salesforce call only when a race happened.
    for (int round = 0; round < MAX_REWRITES && !written.figures().isEmpty(); round++) {
      Map<String, CompanyLedger.Figures> now =
          ledger.figures(storeHash, written.figures().keySet());
      Map<String, CompanyOrder> moved = new LinkedHashMap<>();
      written
          .figures()
          .forEach(
              (key, figures) -> {
                if (!sameFigures(figures, now.get(key))) {
                  moved.put(key, byCompany.get(key));
                }
              });
      if (moved.isEmpty()) {
        break;
      }
      LOG.debug(
          "Store {}: figures of {} companies changed while they were written; writing again",
          storeHash,
          moved.size());
      written = writeFigures(storeHash, moved, orders);
      failures.putAll(written.failures());
    }
    return failures;
  }

  static final int MAX_REWRITES = 3;

  /** What one write of figures did: the figures written per company, the items to retry. */
  private record FiguresWritten(
      Map<String, CompanyLedger.Figures> figures, Map<Long, Outcome> failures) {}

  /** Computes and writes the figures of these companies. */
  private FiguresWritten writeFigures(
      String storeHash, Map<String, CompanyOrder> byCompany, List<CompanyOrder> orders) {
    Map<String, CompanyLedger.Figures> figures = ledger.figures(storeHash, byCompany.keySet());
    TopCategories top = topCategories(storeHash, byCompany.keySet(), orders);
    List<RecordWrite> writes = new ArrayList<>();
    byCompany.forEach(
        (key, first) -> {
          Map<String, Object> fields = fields(key, first.companyName(), figures.get(key));
          if (top.byCompany() != null) {
            fields.put(TOP_CATEGORIES, top.byCompany().get(key));
          }
          writes.add(RecordWrite.upsert(first.itemId(), "Account", COMPANY_KEY, fields));
        });
    WriteReport report = salesforce.write(writes);
    Map<String, CompanyLedger.Figures> written = new LinkedHashMap<>();
    Map<Long, Outcome> failures = new LinkedHashMap<>(top.failures());
    byCompany.forEach(
        (key, first) -> {
          Outcome outcome = report.outcomes().get(first.itemId());
          if (outcome instanceof Outcome.Failure failure) {
            orders.stream()
                .filter(o -> o.companyKey().equals(key))
                .forEach(
                    o ->
                        failures.put(
                            o.itemId(),
                            Outcome.retry("company account figures: " + failure.error())));
          } else {
            written.put(key, figures.get(key));
          }
        });
    return new FiguresWritten(written, failures);
  }

  private static boolean sameFigures(CompanyLedger.Figures a, CompanyLedger.Figures b) {
    if (a == null || b == null) {
      return a == b;
    }
    return a.orders() == b.orders()
        && a.firstOrderMs() == b.firstOrderMs()
        && a.lastOrderMs() == b.lastOrderMs()
        && a.revenue().compareTo(b.revenue()) == 0;
  }

  /**
   * @param byCompany the ranked category names per company; null when the names could not be read,
   *     in which case the field is left as Salesforce has it
   * @param failures then every order, retried to fill the field in
   */
  private record TopCategories(Map<String, String> byCompany, Map<Long, Outcome> failures) {}

  /** Top categories per company, recomputed from the ledger. */
  private TopCategories topCategories(
      String storeHash, Set<String> companyKeys, List<CompanyOrder> orders) {
    Map<String, List<List<Long>>> perOrder = ledger.productsPerOrder(storeHash, companyKeys);
    Map<Long, Set<String>> names;
    try {
      names = categories.namesOf(storeHash, TopCategoryCounts.productIds(perOrder));
    } catch (RuntimeException e) {
      LOG.warn(
          "Store {}: category names could not be read ({}); top categories of {} companies left"
              + " as they are and their orders retried",
          storeHash,
          e.getMessage(),
          companyKeys.size());
      Map<Long, Outcome> retry = new LinkedHashMap<>();
      orders.forEach(
          o -> retry.put(o.itemId(), Outcome.retry("top categories: " + e.getMessage())));
      return new TopCategories(null, retry);
    }
    int limit =
        environment
            .getProperty(
                StoreConfig.PREFIX + "." + storeHash + ".b2b.top-categories", Integer.class)
            .orElse(3);
    return new TopCategories(
        TopCategoryCounts.ranked(companyKeys, perOrder, names, limit), Map.of());
  }

  /**
   * Most orders first, ties by name (case-insensitive, then exact, so the order is stable); null
   * when none.
   */
  static String ranked(Map<String, Long> ordersPerCategory, int limit) {
    if (ordersPerCategory.isEmpty() || limit <= 0) {
      return null;
    }
    String joined =
        ordersPerCategory.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                    .reversed()
                    .thenComparing(Map.Entry::getKey, String.CASE_INSENSITIVE_ORDER)
                    .thenComparing(Map.Entry::getKey))
            .limit(limit)
            .map(Map.Entry::getKey)
            .collect(Collectors.joining("; "));
    if (joined.length() <= TOP_CATEGORIES_LENGTH) {
      return joined;
    }
    int end = TOP_CATEGORIES_LENGTH;
    if (Character.isHighSurrogate(joined.charAt(end - 1))) {
      end--; // never cut a character in half
    }
    return joined.substring(0, end);
  }

  static List<Long> productIds(JsonNode order) {
    List<Long> ids = new ArrayList<>();
    order
        .path("products")
        .forEach(
            line -> {
              long id = line.path("product_id").asLong(0);
              if (id > 0 && !ids.contains(id)) {
                ids.add(id);
              }
            });
    return ids;
  }

  private Map<String, Object> fields(String key, String name, CompanyLedger.Figures f) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put(COMPANY_KEY, key);
    fields.put("Name", name);
    fields.put("BC_Lifetime_Revenue__c", f.revenue().setScale(2, RoundingMode.HALF_UP));
    fields.put("BC_Order_Count__c", BigDecimal.valueOf(f.orders()));
    fields.put("BC_First_Order_Date__c", f.orders() == 0 ? null : day(f.firstOrderMs()));
    fields.put("BC_Last_Order_Date__c", f.orders() == 0 ? null : day(f.lastOrderMs()));
    fields.put(
        "BC_Avg_Days_Between_Orders__c",
        f.orders() < 2
            ? null
            : BigDecimal.valueOf(f.lastOrderMs() - f.firstOrderMs())
                .divide(
                    BigDecimal.valueOf(86_400_000L * (f.orders() - 1)), 1, RoundingMode.HALF_UP));
    fields.put("BC_Last_Synced__c", clock.instant());
    return fields;
  }

  static LocalDate day(long epochMs) {
    return Instant.ofEpochMilli(epochMs).atZone(ZoneOffset.UTC).toLocalDate();
  }

  static BigDecimal money(JsonNode value) {
    String text = value.asText("");
    return text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text);
  }
}
