package io.bcsync.sync.customers;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.accounts.CustomerRollup;
import io.bcsync.sync.accounts.OwedFigures;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the figures owed to customers that batches recorded orders for but had no Contact or
 * Account write to carry them ({@link OwedFigures}, {@link CustomerFiguresWrites}): a cluster job
 * ({@code customer-figures-flush}, {@link CustomerClaimJobs}) every {@code flush-interval}. Each
 * run recomputes the figures from the ledger and writes them in batched calls (200 records per
 * call): the Contact upserted by {@code BC_Customer_Id__c} (a guest's updated by id, a guest has no
 * key) and, for a customer without a company, the household Account upserted by {@code
 * BC_Account_Key__c} when it was made for the customer, else updated by id. So a burst costs one
 * Contact and one Account record per customer and interval, not per customer and batch.
 *
 * <p>Convergence: a mark is cleared only after its customer's writes succeeded, and only if its
 * version is still the one read before the figures were computed; an order recorded meanwhile keeps
 * it owed. A failed or lost write, or a crash, leaves the marks, and the next run writes the same
 * figures again (the writes are idempotent: upsert by key, update by id).
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class CustomerFiguresFlush {
  static final int PAGE = 1000;
  static final int MAX_PAGES_PER_RUN = 20;
  private static final Logger LOG = LoggerFactory.getLogger(CustomerFiguresFlush.class);

  /** A Contact's household Account keyed {@code BC_Account_Key__c} when it was made for it. */
  private static final Set<String> HOUSEHOLD_MADE_BY = Set.of("created", "review");

  private final OwedFigures owed;
  private final CustomerRollup rollup;
  private final IdentityMap identities;
  private final SalesforceRecords salesforce;

  public CustomerFiguresFlush(
      OwedFigures owed,
      CustomerRollup rollup,
      IdentityMap identities,
      SalesforceRecords salesforce) {
    this.owed = owed;
    this.rollup = rollup;
    this.identities = identities;
    this.salesforce = salesforce;
  }

  /** Flushes every store; answers the number of customers whose figures were written. */
  public int run() {
    int written = 0;
    for (String storeHash : owed.stores()) {
      written += runStore(storeHash);
    }
    return written;
  }

  private int runStore(String storeHash) {
    int written = 0;
    OwedFigures.Owed after = null;
    for (int page = 0; page < MAX_PAGES_PER_RUN; page++) {
      List<OwedFigures.Owed> marks = owed.page(storeHash, after, PAGE);
      if (marks.isEmpty()) {
        break;
      }
      List<OwedFigures.Owed> flushed = write(storeHash, marks);
      if (flushed == null) {
        break; // Salesforce unreachable: the marks stay for the next run
      }
      written += owed.clear(storeHash, flushed);
      after = marks.get(marks.size() - 1);
      if (marks.size() < PAGE) {
        break;
      }
    }
    if (written > 0) {
      LOG.debug("Store {}: figures of {} customers written", storeHash, written);
    }
    return written;
  }

  /**
   * Writes the page's figures; answers the marks that may be cleared (written, or nothing to write
   * to), or null when the call failed as a whole.
   */
  private List<OwedFigures.Owed> write(String storeHash, List<OwedFigures.Owed> marks) {
    Map<String, Identity> links = links(storeHash, marks);
    List<OwedFigures.Owed> done = new ArrayList<>();
    List<OwedFigures.Owed> linked = new ArrayList<>();
    for (OwedFigures.Owed mark : marks) {
      Identity link = links.get(mark.customerKey());
      if (link == null) {
        continue; // its Contact is being written (the batch marked it first): left owed
      }
      if ("Contact".equals(link.sfObject())) {
        linked.add(mark);
      } else {
        done.add(mark); // a Lead: no Contact or Account to carry figures
      }
    }
    if (linked.isEmpty()) {
      return done;
    }
    CustomerRollup.Computed computed =
        rollup.compute(storeHash, linked.stream().map(OwedFigures.Owed::customerKey).toList());
    List<RecordWrite> writes = new ArrayList<>();
    Map<Long, OwedFigures.Owed> owners = new HashMap<>();
    for (OwedFigures.Owed mark : linked) {
      long owner = owners.size() + 1L; // one pseudo item per customer: a failure is its own
      owners.put(owner, mark);
      Identity link = links.get(mark.customerKey());
      Map<String, Object> contact = rollup.fields("Contact", computed, mark.customerKey());
      if (!contact.isEmpty()) {
        writes.add(contact(storeHash, owner, mark.customerKey(), link, contact));
      }
      Map<String, Object> account =
          mark.ofCompany() ? Map.of() : rollup.fields("Account", computed, mark.customerKey());
      if (!account.isEmpty() && link.accountId() != null) {
        writes.add(account(storeHash, owner, mark.customerKey(), link, account));
      }
    }
    WriteReport report;
    try {
      report = writes.isEmpty() ? new WriteReport(List.of(), 0) : salesforce.write(writes);
    } catch (RuntimeException e) {
      LOG.warn(
          "Store {}: owed figures of {} customers not written ({}); the next run writes them",
          storeHash,
          linked.size(),
          e.toString());
      return null;
    }
    int failed = 0;
    Map<Long, Outcome> outcomes = report.outcomes();
    for (Map.Entry<Long, OwedFigures.Owed> e : owners.entrySet()) {
      if (outcomes.get(e.getKey()) instanceof Outcome.Failure) {
        failed++;
      } else if (computed.topError() == null) {
        done.add(e.getValue()); // else left owed: the next run writes the top categories
      }
    }
    if (failed > 0) {
      LOG.warn(
          "Store {}: owed figures of {} customers failed to write; the next run writes them again",
          storeHash,
          failed);
    }
    return done;
  }

  /** By its key, which every registered customer's Contact carries once linked; a guest's by id. */
  private static RecordWrite contact(
      String storeHash, long owner, String key, Identity link, Map<String, Object> figures) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (key.startsWith("guest:")) {
      fields.put("Id", link.sfId());
      fields.putAll(figures);
      return RecordWrite.update(owner, "Contact", fields);
    }
    fields.put(CustomerWritePlanner.CONTACT_KEY, storeHash + ":" + link.bcId());
    fields.putAll(figures);
    return RecordWrite.upsert(owner, "Contact", CustomerWritePlanner.CONTACT_KEY, fields);
  }

  /**
   * By its key when the household Account was made for a registered customer; by id for a guest's
   * (its key may be the legacy unkeyed one, see GuestKeys) and for a matched Contact's own Account,
   * which has no such key.
   */
  private static RecordWrite account(
      String storeHash, long owner, String key, Identity link, Map<String, Object> figures) {
    String madeBy = link.matchedBy();
    boolean keyed =
        !key.startsWith("guest:") && madeBy != null && HOUSEHOLD_MADE_BY.contains(madeBy);
    Map<String, Object> fields = new LinkedHashMap<>();
    if (!keyed) {
      fields.put("Id", link.accountId());
      fields.putAll(figures);
      return RecordWrite.update(owner, "Account", fields);
    }
    fields.put(CustomerWritePlanner.ACCOUNT_KEY, storeHash + ":" + key);
    fields.putAll(figures);
    return RecordWrite.upsert(owner, "Account", CustomerWritePlanner.ACCOUNT_KEY, fields);
  }

  private Map<String, Identity> links(String storeHash, List<OwedFigures.Owed> marks) {
    return identities.findByCustomerKeys(
        storeHash, marks.stream().map(OwedFigures.Owed::customerKey).toList());
  }
}
