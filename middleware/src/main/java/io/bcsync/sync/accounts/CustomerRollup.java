package io.bcsync.sync.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.mapping.StoreDates;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-customer figures ({@link CustomerFigures}) on the customer's Contact and, for a customer
 * without a company, on its household Account (a company's Account carries the company's figures,
 * {@link CompanyRollup}). Like a company's, they are recomputed from the order ledger on every
 * write, never added to: a retried, replayed or duplicated order is one ledger row, counted once.
 */
@Singleton
public class CustomerRollup {
  /**
   * A written order, on behalf of a work item.
   *
   * @param accountId the household Account; null for a customer of a company
   * @param companyOrder true when {@link CompanyRollup} records the order's ledger row
   */
  public record CustomerOrder(
      long itemId, JsonNode order, String contactId, String accountId, boolean companyOrder) {}

  private static final Logger LOG = LoggerFactory.getLogger(CustomerRollup.class);

  private final CompanyLedger ledger;
  private final SalesforceRecords salesforce;
  private final ProductCategories categories;
  private final CustomerFigures figures;

  public CustomerRollup(
      CompanyLedger ledger,
      SalesforceRecords salesforce,
      ProductCategories categories,
      CustomerFigures figures) {
    this.ledger = ledger;
    this.salesforce = salesforce;
    this.categories = categories;
    this.figures = figures;
  }

  /**
   * Records the orders of customers without a company in the ledger (company orders are recorded by
   * {@link CompanyRollup} first, with their Contact), then writes the figures of every customer;
   * answers the items to retry because a figure could not be written.
   */
  public Map<Long, Outcome> apply(String storeHash, List<CustomerOrder> orders) {
    List<CompanyLedger.Entry> entries = new ArrayList<>();
    Map<String, CustomerOrder> byContact = new LinkedHashMap<>();
    for (CustomerOrder o : orders) {
      if (o.contactId() == null) {
        continue;
      }
      if (!o.companyOrder()) {
        Instant created = StoreDates.instant(o.order().path("date_created").asText(""));
        entries.add(
            new CompanyLedger.Entry(
                storeHash,
                o.order().path("id").asLong(),
                "",
                CompanyRollup.money(o.order().path("total_inc_tax"))
                    .subtract(CompanyRollup.money(o.order().path("refunded_amount"))),
                created == null ? 0 : created.toEpochMilli(),
                !CompanyRollup.NOT_COUNTED.contains(o.order().path("status_id").asInt()),
                CompanyRollup.productIds(o.order()),
                o.contactId()));
      }
      byContact.putIfAbsent(o.contactId(), o);
    }
    ledger.record(entries);
    if (byContact.isEmpty() || !(figures.writes("Contact") || figures.writes("Account"))) {
      return Map.of();
    }
    Map<Long, Outcome> failures = new LinkedHashMap<>();
    Map<String, CompanyLedger.Figures> written =
        writeFigures(storeHash, byContact, orders, failures);
    // As for companies: two workers can write one customer at once (its orders in different
    // batches), and the write computed first may land last. The ledger is read again after
    // writing, and a customer whose figures moved meanwhile is written again.
    for (int round = 0; round < CompanyRollup.MAX_REWRITES && !written.isEmpty(); round++) {
      Map<String, CompanyLedger.Figures> now = ledger.contactFigures(storeHash, written.keySet());
      Map<String, CustomerOrder> moved = new LinkedHashMap<>();
      written.forEach(
          (contactId, f) -> {
            if (!same(f, now.get(contactId))) {
              moved.put(contactId, byContact.get(contactId));
            }
          });
      if (moved.isEmpty()) {
        break;
      }
      written = writeFigures(storeHash, moved, orders, failures);
    }
    return failures;
  }

  /** Computes and writes these customers' figures; answers those written. */
  private Map<String, CompanyLedger.Figures> writeFigures(
      String storeHash,
      Map<String, CustomerOrder> byContact,
      List<CustomerOrder> orders,
      Map<Long, Outcome> failures) {
    Map<String, CompanyLedger.Figures> sums = ledger.contactFigures(storeHash, byContact.keySet());
    Map<String, String> top = topCategories(storeHash, byContact.keySet(), orders, failures);
    List<RecordWrite> writes = new ArrayList<>();
    byContact.forEach(
        (contactId, first) -> {
          CompanyLedger.Figures f = sums.get(contactId);
          String ranked = top == null ? null : top.get(contactId);
          add(writes, first.itemId(), "Contact", contactId, f, ranked, top != null);
          if (!first.companyOrder() && first.accountId() != null) {
            add(writes, first.itemId(), "Account", first.accountId(), f, ranked, top != null);
          }
        });
    WriteReport report = salesforce.write(writes);
    Map<String, CompanyLedger.Figures> written = new LinkedHashMap<>();
    byContact.forEach(
        (contactId, first) -> {
          if (report.outcomes().get(first.itemId()) instanceof Outcome.Failure failure) {
            orders.stream()
                .filter(o -> contactId.equals(o.contactId()))
                .forEach(
                    o ->
                        failures.put(
                            o.itemId(), Outcome.retry("customer figures: " + failure.error())));
          } else {
            written.put(contactId, sums.get(contactId));
          }
        });
    return written;
  }

  private static boolean same(CompanyLedger.Figures a, CompanyLedger.Figures b) {
    return b != null
        && a.orders() == b.orders()
        && a.firstOrderMs() == b.firstOrderMs()
        && a.lastOrderMs() == b.lastOrderMs()
        && a.revenue().compareTo(b.revenue()) == 0;
  }

  private void add(
      List<RecordWrite> writes,
      long itemId,
      String object,
      String id,
      CompanyLedger.Figures f,
      String ranked,
      boolean withTop) {
    Map<String, Object> fields = figures.fields(object, f, ranked, withTop);
    if (fields.isEmpty()) {
      return;
    }
    fields.put("Id", id);
    writes.add(RecordWrite.update(itemId, object, fields));
  }

  /**
   * Top categories per Contact, recomputed from the ledger; null when the names could not be read
   * (the field is left as it is and the orders retried to fill it in).
   */
  private Map<String, String> topCategories(
      String storeHash,
      Set<String> contactIds,
      List<CustomerOrder> orders,
      Map<Long, Outcome> failures) {
    Map<String, List<List<Long>>> perOrder = ledger.productsPerContactOrder(storeHash, contactIds);
    Map<Long, Set<String>> names;
    try {
      names = categories.namesOf(storeHash, TopCategoryCounts.productIds(perOrder));
    } catch (RuntimeException e) {
      LOG.warn(
          "Store {}: category names could not be read ({}); top categories of {} customers left"
              + " as they are and their orders retried",
          storeHash,
          e.getMessage(),
          contactIds.size());
      orders.forEach(
          o -> failures.put(o.itemId(), Outcome.retry("top categories: " + e.getMessage())));
      return null;
    }
    return TopCategoryCounts.ranked(contactIds, perOrder, names, figures.topCategories());
  }
}
