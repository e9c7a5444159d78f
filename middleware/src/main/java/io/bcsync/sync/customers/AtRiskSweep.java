package io.bcsync.sync.customers;

import io.bcsync.config.CustomerFiguresConfig;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.db.Db;
import io.bcsync.sync.accounts.CompanyLedger;
import io.bcsync.sync.accounts.CustomerFigures;
import io.bcsync.sync.accounts.CustomerRollup;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment "At Risk after N days without an order" changes with time alone, but a customer's
 * figures are written only with its orders. This sweep (a cluster job, {@link CustomerClaimJobs})
 * finds, per store, the customers whose last counted order crossed the threshold since the last
 * sweep, from the ledger, oldest first, and writes their segment ({@code BC_Segment__c} only: no
 * other figure changes with time) to the Contact and, for a customer without a company, the
 * household Account, updated by id in batched calls (200 records each). Where it got to is kept per
 * store ({@code sync_segment_sweep}) and moves on only after the page's writes succeeded, so a
 * failed or lost write is repeated by the next run (the same value again).
 *
 * <p>A customer who orders while the sweep writes it: its order's write may land before the sweep's
 * stale "At Risk". As in the sync, the ledger is read again after the write and a customer whose
 * figures moved is written again with all its figures, recomputed.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class AtRiskSweep {
  static final int PAGE = 1000;
  static final int MAX_PAGES_PER_RUN = 10;
  private static final Logger LOG = LoggerFactory.getLogger(AtRiskSweep.class);

  private record Mark(long lastOrderMs, String customerKey) {}

  private final CompanyLedger ledger;
  private final CustomerRollup rollup;
  private final CustomerFiguresConfig config;
  private final IdentityMap identities;
  private final SalesforceRecords salesforce;
  private final Db db;
  private final Clock clock;

  public AtRiskSweep(
      CompanyLedger ledger,
      CustomerRollup rollup,
      CustomerFiguresConfig config,
      IdentityMap identities,
      SalesforceRecords salesforce,
      Db db,
      Clock clock) {
    this.ledger = ledger;
    this.rollup = rollup;
    this.config = config;
    this.identities = identities;
    this.salesforce = salesforce;
    this.db = db;
    this.clock = clock;
  }

  /** Sweeps every store; answers the number of customers whose segment was written. */
  public int run() {
    if (!rollup.writes("Contact") && !rollup.writes("Account")) {
      return 0;
    }
    int written = 0;
    for (String storeHash : ledger.storesWithCustomers()) {
      written += runStore(storeHash);
    }
    return written;
  }

  private int runStore(String storeHash) {
    // At Risk once the whole days since the last order exceed at-risk-days (CustomerFigures).
    long cutoff = clock.millis() - Duration.ofDays(config.atRiskDays() + 1L).toMillis();
    Mark mark = mark(storeHash);
    int written = 0;
    for (int page = 0; page < MAX_PAGES_PER_RUN; page++) {
      List<CompanyLedger.Lapsed> lapsed =
          ledger.lapsed(storeHash, cutoff, mark.lastOrderMs(), mark.customerKey(), PAGE);
      if (lapsed.isEmpty()) {
        break;
      }
      Integer done = write(storeHash, lapsed);
      if (done == null) {
        return written; // where it got to stays: the next run writes the page again
      }
      written += done;
      CompanyLedger.Lapsed last = lapsed.get(lapsed.size() - 1);
      mark = new Mark(last.figures().lastOrderMs(), last.customerKey());
      save(storeHash, mark);
      if (lapsed.size() < PAGE) {
        break;
      }
    }
    if (written > 0) {
      LOG.info("Store {}: {} customers turned {}", storeHash, written, config.atRiskLabel());
    }
    return written;
  }

  /** Writes the page's At Risk segments; null when a write failed. */
  private Integer write(String storeHash, List<CompanyLedger.Lapsed> lapsed) {
    Map<String, Identity> links = links(storeHash, lapsed);
    List<RecordWrite> writes = new ArrayList<>();
    Map<String, CompanyLedger.Figures> written = new LinkedHashMap<>();
    Map<String, Long> owners = new HashMap<>();
    for (CompanyLedger.Lapsed l : lapsed) {
      Identity link = links.get(l.customerKey());
      Map<String, Object> contact = rollup.segmentFields("Contact", l.figures());
      Map<String, Object> account =
          l.ofCompany() ? Map.of() : rollup.segmentFields("Account", l.figures());
      Object segment =
          contact.isEmpty()
              ? account.get(CustomerFigures.SEGMENT)
              : contact.get(CustomerFigures.SEGMENT);
      if (link == null
          || !"Contact".equals(link.sfObject())
          || !config.atRiskLabel().equals(segment)) {
        continue; // not linked (nothing in Salesforce to mark), or VIP whatever the date
      }
      long owner = writes.size() + 1L; // one pseudo item per customer: a failure stops only its own
      owners.put(l.customerKey(), owner);
      byId(writes, owner, "Contact", link.sfId(), contact);
      byId(writes, owner, "Account", link.accountId(), account);
      written.put(l.customerKey(), l.figures());
    }
    if (writes.isEmpty()) {
      return 0;
    }
    if (!succeeded(storeHash, salesforce.write(writes))) {
      return null;
    }
    Set<String> moved = rollup.moved(storeHash, written);
    if (!moved.isEmpty()) {
      CustomerRollup.Computed now = rollup.compute(storeHash, moved);
      List<RecordWrite> again = new ArrayList<>();
      for (CompanyLedger.Lapsed l : lapsed) {
        if (moved.contains(l.customerKey())) {
          Identity link = links.get(l.customerKey());
          long owner = owners.get(l.customerKey());
          byId(
              again, owner, "Contact", link.sfId(), rollup.fields("Contact", now, l.customerKey()));
          if (!l.ofCompany()) {
            byId(
                again,
                owner,
                "Account",
                link.accountId(),
                rollup.fields("Account", now, l.customerKey()));
          }
        }
      }
      if (!again.isEmpty() && !succeeded(storeHash, salesforce.write(again))) {
        return null;
      }
    }
    return written.size();
  }

  private boolean succeeded(String storeHash, WriteReport report) {
    List<RecordResult> failed = report.results().stream().filter(r -> !r.success()).toList();
    if (failed.isEmpty()) {
      return true;
    }
    LOG.warn(
        "Store {}: {} segment writes failed (first: {}); the next sweep writes them again",
        storeHash,
        failed.size(),
        failed.get(0).errors());
    return false;
  }

  private Map<String, Identity> links(String storeHash, List<CompanyLedger.Lapsed> lapsed) {
    return identities.findByCustomerKeys(
        storeHash, lapsed.stream().map(CompanyLedger.Lapsed::customerKey).toList());
  }

  private static void byId(
      List<RecordWrite> writes, long owner, String object, String id, Map<String, Object> fields) {
    if (id == null || fields.isEmpty()) {
      return;
    }
    Map<String, Object> all = new LinkedHashMap<>(fields);
    all.put("Id", id);
    writes.add(RecordWrite.update(owner, object, all));
  }

  private Mark mark(String storeHash) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT last_order_ms, customer_key FROM sync_segment_sweep WHERE store_hash = ?")) {
            select.setString(1, storeHash);
            try (ResultSet row = select.executeQuery()) {
              return row.next() ? new Mark(row.getLong(1), row.getString(2)) : new Mark(0, "");
            }
          }
        });
  }

  private void save(String storeHash, Mark mark) {
    long now = clock.millis();
    db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE sync_segment_sweep SET last_order_ms = ?, customer_key = ?,"
                      + " swept_at_ms = ? WHERE store_hash = ?")) {
            update.setLong(1, mark.lastOrderMs());
            update.setString(2, mark.customerKey());
            update.setLong(3, now);
            update.setString(4, storeHash);
            if (update.executeUpdate() > 0) {
              return null;
            }
          }
          // One sweep per cluster at a time (a cluster job): no concurrent first insert.
          try (PreparedStatement insert =
              connection.prepareStatement(
                  "INSERT INTO sync_segment_sweep (store_hash, last_order_ms, customer_key,"
                      + " swept_at_ms) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, storeHash);
            insert.setLong(2, mark.lastOrderMs());
            insert.setString(3, mark.customerKey());
            insert.setLong(4, now);
            insert.executeUpdate();
          }
          return null;
        });
  }
}
