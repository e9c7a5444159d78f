package io.bcsync.sync.accounts;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code sync_customer_figures_owed} table: customers whose figures a batch recorded in the
 * ledger but did not write, because it had no Contact or Account write of theirs to carry them
 * (issue 15's call budget: a write of their own for every buyer of every batch cost ~0.013 calls
 * per order). The flush job (customers/CustomerFiguresFlush) writes them in bulk and clears a mark
 * only if its {@code version} is still the one it read, so an order recorded meanwhile keeps the
 * customer owed and no figure is lost.
 */
@Singleton
public class OwedFigures {
  /** One owed customer as the flush read it. */
  public record Owed(String customerKey, boolean ofCompany, long version, long owedSinceMs) {}

  private final Db db;
  private final Clock clock;

  public OwedFigures(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /**
   * In the caller's transaction (the one recording the orders in the ledger): marks {@code owing}
   * (customer key → of a company) as owed, and moves the version of {@code written} customers that
   * are marked already. The latter is what keeps a flush that read the ledger before this batch's
   * orders from clearing the mark after its older figures landed over this batch's write.
   */
  void mark(String storeHash, Map<String, Boolean> owing, Collection<String> written) {
    if (owing.isEmpty() && written.isEmpty()) {
      return;
    }
    // One key order for every batch, so two batches marking the same customers cannot deadlock.
    Set<String> keys = new TreeSet<>(written);
    keys.addAll(owing.keySet());
    db.write(
        connection -> {
          for (String key : keys) {
            Boolean ofCompany = owing.get(key);
            if (ofCompany == null) {
              bump(connection, storeHash, key);
            } else {
              Upsert.updateElseInsert(
                  () -> bump(connection, storeHash, key),
                  () -> insert(connection, storeHash, key, ofCompany));
            }
          }
          return null;
        });
  }

  /** The stores with owed customers. */
  public List<String> stores() {
    return db.read(
        connection -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement select =
                  connection.prepareStatement(
                      "SELECT DISTINCT store_hash FROM sync_customer_figures_owed");
              ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
              out.add(rows.getString(1));
            }
          }
          return out;
        });
  }

  /**
   * Up to {@code limit} owed customers of a store, longest owed first, after {@code after} (null:
   * from the start). Paged by key, so customers a run leaves owed (not linked yet) do not hold the
   * next page back.
   */
  public List<Owed> page(String storeHash, Owed after, int limit) {
    return db.read(
        connection -> {
          List<Owed> out = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT customer_key, of_company, version, owed_since_ms"
                      + " FROM sync_customer_figures_owed WHERE store_hash = ? AND (owed_since_ms > ?"
                      + " OR (owed_since_ms = ? AND customer_key > ?))"
                      + " ORDER BY owed_since_ms, customer_key")) {
            select.setString(1, storeHash);
            select.setLong(2, after == null ? Long.MIN_VALUE : after.owedSinceMs());
            select.setLong(3, after == null ? Long.MIN_VALUE : after.owedSinceMs());
            select.setString(4, after == null ? "" : after.customerKey());
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                out.add(
                    new Owed(
                        rows.getString(1), rows.getInt(2) != 0, rows.getLong(3), rows.getLong(4)));
              }
            }
          }
          return out;
        });
  }

  /**
   * Clears the marks whose version is still the one read: a customer with an order recorded since
   * stays owed. Answers how many were cleared.
   */
  public int clear(String storeHash, Collection<Owed> flushed) {
    if (flushed.isEmpty()) {
      return 0;
    }
    // Key order, as batches mark, so a clear and a batch cannot deadlock; a deadlock that happens
    // anyway is retried, and failing that the marks stay and the next run writes them again.
    List<Owed> sorted = new ArrayList<>(flushed);
    sorted.sort(java.util.Comparator.comparing(Owed::customerKey));
    return db.writeRetryingTransient(
        3,
        connection -> {
          int cleared = 0;
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM sync_customer_figures_owed"
                      + " WHERE store_hash = ? AND customer_key = ? AND version = ?")) {
            for (Owed o : sorted) {
              delete.setString(1, storeHash);
              delete.setString(2, o.customerKey());
              delete.setLong(3, o.version());
              cleared += delete.executeUpdate();
            }
          }
          return cleared;
        });
  }

  private static int bump(Connection connection, String storeHash, String customerKey) {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE sync_customer_figures_owed SET version = version + 1"
                + " WHERE store_hash = ? AND customer_key = ?")) {
      update.setString(1, storeHash);
      update.setString(2, customerKey);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessFailure(e);
    }
  }

  private void insert(
      Connection connection, String storeHash, String customerKey, boolean ofCompany) {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO sync_customer_figures_owed"
                + " (store_hash, customer_key, of_company, version, owed_since_ms)"
                + " VALUES (?, ?, ?, 1, ?)")) {
      insert.setString(1, storeHash);
      insert.setString(2, customerKey);
      insert.setInt(3, ofCompany ? 1 : 0);
      insert.setLong(4, clock.millis());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new DataAccessFailure(e);
    }
  }
}
