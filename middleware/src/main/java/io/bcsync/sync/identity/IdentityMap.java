package io.bcsync.sync.identity;

import io.bcsync.db.Chunks;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import jakarta.inject.Singleton;
import java.sql.Savepoint;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code sync_identity} table: which Salesforce record each BigCommerce customer, order and
 * order line was written to, and which BigCommerce version ({@code date_modified}) that was. Lets
 * the sync skip matching for customers it already linked, delete Salesforce lines removed from an
 * order, and refuse to write an older version over a newer one.
 */
@Singleton
public class IdentityMap {
  /**
   * Every write takes its rows' locks in this order, so two workers writing rows they share (one
   * customer's orders in two batches) wait for each other instead of deadlocking. On H2 a deadlock
   * victim failed a whole batch of 400 items, which went back to the queue with a backoff
   * (bench/sync-notes.md).
   */
  static final Comparator<Identity> LOCK_ORDER =
      Comparator.comparing(Identity::storeHash)
          .thenComparing(Identity::bcType)
          .thenComparing(Identity::bcId);

  /** A transaction the database rolled back (a deadlock victim, a lock wait timeout) runs again. */
  static final int MAX_TRANSIENT_RETRIES = 3;

  private final Db db;
  private final IdentityRepository rows;
  private final Clock clock;

  IdentityMap(Db db, IdentityRepository rows, Clock clock) {
    this.db = db;
    this.rows = rows;
    this.clock = clock;
  }

  /**
   * Rows of customers named by their ledger keys ({@code customer:<id>} or {@code guest:<id>}), by
   * that key; keys of other kinds are ignored.
   */
  public Map<String, Identity> findByCustomerKeys(String storeHash, Collection<String> keys) {
    Map<String, Identity> links = new HashMap<>();
    for (String type : List.of("customer", "guest")) {
      List<String> ids =
          keys.stream()
              .filter(k -> k.startsWith(type + ":"))
              .map(k -> k.substring(type.length() + 1))
              .toList();
      if (!ids.isEmpty()) {
        find(storeHash, type, ids).forEach((id, row) -> links.put(type + ":" + id, row));
      }
    }
    return links;
  }

  /** Rows of these entities of one type, by BigCommerce id. */
  public Map<String, Identity> find(String storeHash, String bcType, Collection<String> bcIds) {
    Map<String, Identity> found = new HashMap<>();
    if (bcIds.isEmpty()) {
      return found;
    }
    return db.read(
        () -> {
          for (List<String> chunk : Chunks.of(bcIds)) {
            rows.find(storeHash, bcType, chunk)
                .forEach(row -> found.put(row.id().bcId(), row.identity()));
          }
          return found;
        });
  }

  /** Rows whose parent is one of these (order lines of orders), grouped by parent id. */
  public Map<String, List<Identity>> children(
      String storeHash, String bcType, Collection<String> parentIds) {
    Map<String, List<Identity>> found = new HashMap<>();
    if (parentIds.isEmpty()) {
      return found;
    }
    return db.read(
        () -> {
          for (List<String> chunk : Chunks.of(parentIds)) {
            rows.children(storeHash, bcType, chunk)
                .forEach(
                    row ->
                        found
                            .computeIfAbsent(row.parentBcId(), k -> new ArrayList<>())
                            .add(row.identity()));
          }
          return found;
        });
  }

  /**
   * Inserts or replaces rows (written after Salesforce confirmed the records). When two workers
   * write one row at once, the later write wins: both point at records Salesforce confirmed.
   */
  public void save(Collection<Identity> identities) {
    if (identities.isEmpty()) {
      return;
    }
    long now = clock.millis();
    List<Identity> ordered = inLockOrder(identities);
    db.writeRetryingTransient(
        MAX_TRANSIENT_RETRIES,
        () -> {
          ordered.forEach(
              row -> Upsert.updateElseInsert(() -> replace(row, now), () -> insert(row, now)));
          return null;
        });
  }

  /**
   * Rows the caller knows were not stored (an order, line or customer linked for the first time):
   * inserted, and updated only when another writer stored the same row meanwhile. In a burst of new
   * orders this is one statement a row instead of {@link #save}'s failed update and insert.
   */
  public void saveNew(Collection<Identity> identities) {
    if (identities.isEmpty()) {
      return;
    }
    long now = clock.millis();
    List<Identity> ordered = inLockOrder(identities);
    db.writeRetryingTransient(
        MAX_TRANSIENT_RETRIES,
        connection -> {
          // One batched insert for the whole batch's new rows (in a burst these are every order and
          // line: one statement per row was a tenth of a worker's CPU, issue 20). A row another
          // writer stored meanwhile fails the batch: back to the savepoint, then row by row as
          // before, so the outcome is the same either way.
          Savepoint beforeBatch = connection.setSavepoint();
          try {
            rows.saveAll(ordered.stream().map(row -> IdentityRow.of(row, now)).toList());
            return null;
          } catch (RuntimeException e) {
            if (!DataAccessFailure.isUniqueViolation(e)) {
              throw e;
            }
            connection.rollback(beforeBatch);
          }
          ordered.forEach(
              row -> {
                if (!Upsert.insertIfAbsent(() -> insert(row, now))) {
                  replace(row, now);
                }
              });
          return null;
        });
  }

  /**
   * The BigCommerce entities linked to this Salesforce record (18-character id as Salesforce
   * returns it), in any store; usually one.
   */
  public List<Identity> bySalesforceId(String sfId) {
    return db.read(() -> rows.findBySfId(sfId).stream().map(IdentityRow::identity).toList());
  }

  /**
   * Removes rows of records deleted in Salesforce, only while they still point at that record: a
   * line re-created under the same BigCommerce id (Opportunity lines are replaced) keeps its new
   * row.
   */
  public void deleteRecords(String storeHash, String bcType, Collection<Identity> deleted) {
    if (deleted.isEmpty()) {
      return;
    }
    db.write(
        () -> {
          deleted.forEach(row -> rows.deleteRecord(storeHash, bcType, row.bcId(), row.sfId()));
          return null;
        });
  }

  private static List<Identity> inLockOrder(Collection<Identity> identities) {
    return identities.stream().sorted(LOCK_ORDER).toList();
  }

  private int replace(Identity row, long now) {
    return rows.replace(
        row.storeHash(),
        row.bcType(),
        row.bcId(),
        row.sfObject(),
        row.sfId(),
        row.accountId(),
        row.parentBcId(),
        row.bcModifiedMs(),
        now,
        row.matchedBy());
  }

  private void insert(Identity row, long now) {
    rows.save(IdentityRow.of(row, now));
  }
}
