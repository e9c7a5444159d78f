package io.bcsync.sync.accounts;

import io.bcsync.config.CustomerFiguresConfig;
import io.bcsync.sync.mapping.ObjectSchema;
import io.bcsync.sync.mapping.SalesforceSchema;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's figures as Contact and Account fields, from the ledger's sums: lifetime revenue net
 * of refunds, order count, first and last order date, average days between orders, top categories
 * and the segment ({@link CustomerFiguresConfig}). Only the fields the org has are written: the
 * package adds them in its own release, and until an org has them they are skipped with a warning
 * at startup instead of failing every order.
 */
@Singleton
public class CustomerFigures {
  public static final String REVENUE = "BC_Lifetime_Revenue__c";
  public static final String ORDERS = "BC_Order_Count__c";
  public static final String FIRST = "BC_First_Order_Date__c";
  public static final String LAST = "BC_Last_Order_Date__c";
  public static final String AVERAGE_DAYS = "BC_Avg_Days_Between_Orders__c";
  public static final String TOP_CATEGORIES = CompanyRollup.TOP_CATEGORIES;
  public static final String SEGMENT = "BC_Segment__c";
  static final List<String> FIELDS =
      List.of(REVENUE, ORDERS, FIRST, LAST, AVERAGE_DAYS, TOP_CATEGORIES, SEGMENT);

  private static final Logger LOG = LoggerFactory.getLogger(CustomerFigures.class);

  private final CustomerFiguresConfig config;
  private final Clock clock;
  private final Map<String, Set<String>> present = new LinkedHashMap<>();

  public CustomerFigures(CustomerFiguresConfig config, SalesforceSchema schema, Clock clock) {
    this.config = config;
    this.clock = clock;
    for (String object : List.of("Contact", "Account")) {
      ObjectSchema fields = schema.object(object).orElse(null);
      Set<String> has =
          FIELDS.stream()
              .filter(f -> fields != null && fields.field(f).isPresent())
              .collect(Collectors.toCollection(LinkedHashSet::new));
      present.put(object, has);
      List<String> missing = FIELDS.stream().filter(f -> !has.contains(f)).toList();
      if (!missing.isEmpty()) {
        LOG.warn(
            "The org's {} lacks {}: these per-customer figures are not written until the package"
                + " that adds them is installed",
            object,
            missing);
      }
    }
  }

  /** Whether {@code object} has any figure field to write. */
  public boolean writes(String object) {
    return !present.getOrDefault(object, Set.of()).isEmpty();
  }

  /**
   * The figure fields of {@code object} the org has.
   *
   * @param topCategories the ranked names (null clears the field)
   * @param withTop false when the names could not be read: the field is left as Salesforce has it
   */
  public Map<String, Object> fields(
      String object, CompanyLedger.Figures f, String topCategories, boolean withTop) {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put(REVENUE, f.revenue().setScale(2, RoundingMode.HALF_UP));
    all.put(ORDERS, BigDecimal.valueOf(f.orders()));
    all.put(FIRST, f.orders() == 0 ? null : CompanyRollup.day(f.firstOrderMs()));
    all.put(LAST, f.orders() == 0 ? null : CompanyRollup.day(f.lastOrderMs()));
    all.put(AVERAGE_DAYS, averageDays(f));
    if (withTop) {
      all.put(TOP_CATEGORIES, topCategories);
    }
    all.put(SEGMENT, segment(f));
    Set<String> has = present.getOrDefault(object, Set.of());
    Map<String, Object> fields = new LinkedHashMap<>();
    all.forEach(
        (field, value) -> {
          if (has.contains(field)) {
            fields.put(field, value);
          }
        });
    return fields;
  }

  int topCategories() {
    return config.topCategories();
  }

  /** VIP at or above the revenue threshold, else At Risk after the quiet days, else Standard. */
  String segment(CompanyLedger.Figures f) {
    if (f.revenue().compareTo(config.vipRevenue()) >= 0) {
      return config.vipLabel();
    }
    if (f.orders() > 0
        && Duration.ofMillis(clock.millis() - f.lastOrderMs()).toDays() > config.atRiskDays()) {
      return config.atRiskLabel();
    }
    return config.standardLabel();
  }

  static BigDecimal averageDays(CompanyLedger.Figures f) {
    return f.orders() < 2
        ? null
        : BigDecimal.valueOf(f.lastOrderMs() - f.firstOrderMs())
            .divide(BigDecimal.valueOf(86_400_000L * (f.orders() - 1)), 1, RoundingMode.HALF_UP);
  }
}
