package io.bcsync.sync.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.db.Db;
import io.bcsync.sync.mapping.StoreDates;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-customer figures ({@link CustomerFigures}) for the customer's Contact and, for a customer
 * without a company, its household Account (a company's Account carries the company's figures,
 * {@link CompanyRollup}). Like a company's, they are recomputed from the order ledger on every
 * write, never added to: a retried, replayed or duplicated order is one ledger row, counted once.
 *
 * <p>The ledger is keyed by customer ({@code customer:<id>}, {@code guest:<hash>}), not by Contact
 * id, so a batch records its orders and computes the figures <em>before</em> its customers are
 * written, and the figures travel as fields of the batch's own Contact and Account writes instead
 * of costing calls of their own (customers/CustomerFiguresWrites). This class only records,
 * computes and compares; it writes nothing.
 */
@Singleton
public class CustomerRollup {
  /**
   * A customer with the batch's orders it bought.
   *
   * @param companyKey its B2B company's key, "" for a customer without a company
   * @param contactId its Contact when already known, else null
   * @param orders the V2 orders with their {@code products}
   */
  public record Buyer(
      String customerKey, String companyKey, String contactId, List<JsonNode> orders) {
    public Buyer {
      orders = List.copyOf(orders);
    }
  }

  /**
   * Figures computed for some customers.
   *
   * @param sums by customer key
   * @param top ranked top categories by customer key; null when the category names could not be
   *     read (the field is then left as Salesforce has it)
   * @param topError why the names could not be read, else null
   */
  public record Computed(
      Map<String, CompanyLedger.Figures> sums, Map<String, String> top, String topError) {}

  static final int MAX_REWRITES = CompanyRollup.MAX_REWRITES;

  private static final Logger LOG = LoggerFactory.getLogger(CustomerRollup.class);

  private final CompanyLedger ledger;
  private final ProductCategories categories;
  private final CustomerFigures figures;
  private final OwedFigures owed;
  private final Db db;

  public CustomerRollup(
      CompanyLedger ledger,
      ProductCategories categories,
      CustomerFigures figures,
      OwedFigures owed,
      Db db) {
    this.ledger = ledger;
    this.categories = categories;
    this.figures = figures;
    this.owed = owed;
    this.db = db;
  }

  /** How many rewrites of figures that moved meanwhile one batch makes at most. */
  public int maxRewrites() {
    return MAX_REWRITES;
  }

  /** Whether {@code object} has any figure field to write. */
  public boolean writes(String object) {
    return figures.writes(object);
  }

  /**
   * Stores the ledger row of each buyer's orders (replacing what an earlier write of the order
   * stored), before anything of the batch is written: a write that fails or whose answer is lost is
   * retried and records the same rows again.
   */
  public void record(String storeHash, Collection<Buyer> buyers) {
    record(storeHash, buyers, Set.of());
  }

  /**
   * {@link #record(String, Collection)}, and in the same transaction marks the buyers in {@code
   * owing} as owed their figures ({@link OwedFigures}): written by the flush job, not by this
   * batch. The other buyers' figures travel in this batch's writes; an owed mark they already have
   * gets a new version, so a flush running meanwhile cannot clear it with figures older than these.
   */
  public void record(String storeHash, Collection<Buyer> buyers, Set<String> owing) {
    Map<String, Boolean> marks = new java.util.HashMap<>();
    List<String> written = new ArrayList<>();
    for (Buyer buyer : buyers) {
      if (owing.contains(buyer.customerKey())) {
        marks.put(buyer.customerKey(), !buyer.companyKey().isEmpty());
      } else {
        written.add(buyer.customerKey());
      }
    }
    List<CompanyLedger.Entry> entries = entries(storeHash, buyers);
    db.write(
        () -> {
          ledger.record(entries);
          owed.mark(storeHash, marks, written);
          return null;
        });
  }

  private static List<CompanyLedger.Entry> entries(String storeHash, Collection<Buyer> buyers) {
    List<CompanyLedger.Entry> entries = new ArrayList<>();
    for (Buyer buyer : buyers) {
      for (JsonNode order : buyer.orders()) {
        Instant created = StoreDates.instant(order.path("date_created").asText(""));
        entries.add(
            new CompanyLedger.Entry(
                storeHash,
                order.path("id").asLong(),
                buyer.companyKey(),
                CompanyRollup.money(order.path("total_inc_tax"))
                    .subtract(CompanyRollup.money(order.path("refunded_amount"))),
                created == null ? 0 : created.toEpochMilli(),
                !CompanyRollup.NOT_COUNTED.contains(order.path("status_id").asInt()),
                CompanyRollup.productIds(order),
                buyer.contactId(),
                buyer.customerKey()));
      }
    }
    return entries;
  }

  /** The customers' figures as the ledger has them now. */
  public Computed compute(String storeHash, Collection<String> customerKeys) {
    Set<String> keys = new LinkedHashSet<>(customerKeys);
    Map<String, CompanyLedger.Figures> sums = ledger.customerFigures(storeHash, keys);
    Map<String, List<List<Long>>> perOrder = ledger.productsPerCustomerOrder(storeHash, keys);
    Map<Long, Set<String>> names;
    try {
      names = categories.namesOf(storeHash, TopCategoryCounts.productIds(perOrder));
    } catch (RuntimeException e) {
      LOG.warn(
          "Store {}: category names could not be read ({}); top categories of {} customers left"
              + " as they are and their orders retried",
          storeHash,
          e.getMessage(),
          keys.size());
      return new Computed(sums, null, e.getMessage());
    }
    return new Computed(
        sums, TopCategoryCounts.ranked(keys, perOrder, names, figures.topCategories()), null);
  }

  /** The figure fields of one customer's {@code object} (Contact or Account) the org has. */
  public Map<String, Object> fields(String object, Computed computed, String customerKey) {
    String ranked = computed.top() == null ? null : computed.top().get(customerKey);
    return figures.fields(object, computed.sums().get(customerKey), ranked, computed.top() != null);
  }

  /**
   * The segment of a customer with these figures, as the fields of {@code object} (empty when the
   * org lacks the field): what the At Risk sweep writes when only time has passed.
   */
  public Map<String, Object> segmentFields(String object, CompanyLedger.Figures f) {
    Map<String, Object> all = figures.fields(object, f, null, false);
    Map<String, Object> segment = new java.util.LinkedHashMap<>();
    if (all.containsKey(CustomerFigures.SEGMENT)) {
      segment.put(CustomerFigures.SEGMENT, all.get(CustomerFigures.SEGMENT));
    }
    return segment;
  }

  /**
   * The customers whose figures in the ledger are no longer those written. Two workers can write
   * one customer at once (its orders in different batches), and the write computed first may land
   * last; each worker reads the ledger again after its write has landed, so whichever write lands
   * last is checked after it, and a customer whose figures moved is written again.
   */
  public Set<String> moved(String storeHash, Map<String, CompanyLedger.Figures> written) {
    Map<String, CompanyLedger.Figures> now = ledger.customerFigures(storeHash, written.keySet());
    Set<String> moved = new LinkedHashSet<>();
    written.forEach(
        (key, f) -> {
          if (!same(f, now.get(key))) {
            moved.add(key);
          }
        });
    return moved;
  }

  private static boolean same(CompanyLedger.Figures a, CompanyLedger.Figures b) {
    return b != null
        && a.orders() == b.orders()
        && a.firstOrderMs() == b.firstOrderMs()
        && a.lastOrderMs() == b.lastOrderMs()
        && a.revenue().compareTo(b.revenue()) == 0;
  }
}
