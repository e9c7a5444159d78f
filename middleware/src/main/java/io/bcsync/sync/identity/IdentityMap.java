package io.bcsync.sync.identity;

import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
  private static final int CHUNK = 500;

  private final Db db;
  private final Clock clock;

  public IdentityMap(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** Rows of these entities of one type, by BigCommerce id. */
  public Map<String, Identity> find(String storeHash, String bcType, Collection<String> bcIds) {
    Map<String, Identity> found = new HashMap<>();
    if (bcIds.isEmpty()) {
      return found;
    }
    List<String> ids = List.copyOf(bcIds);
    return db.read(
        connection -> {
          for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            select(connection, "bc_id", storeHash, bcType, chunk)
                .forEach(i -> found.put(i.bcId(), i));
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
    List<String> ids = List.copyOf(parentIds);
    return db.read(
        connection -> {
          for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            select(connection, "parent_bc_id", storeHash, bcType, chunk)
                .forEach(i -> found.computeIfAbsent(i.parentBcId(), k -> new ArrayList<>()).add(i));
          }
          return found;
        });
  }

  /** Inserts or replaces rows (written after Salesforce confirmed the records). */
  public void save(Collection<Identity> rows) {
    if (rows.isEmpty()) {
      return;
    }
    long now = clock.millis();
    db.write(
        connection -> {
          for (Identity row : rows) {
            upsert(connection, row, now);
          }
          return null;
        });
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
        connection -> {
          try (PreparedStatement delete =
              connection.prepareStatement(
                  "DELETE FROM sync_identity WHERE store_hash = ? AND bc_type = ? AND bc_id = ? AND sf_id = ?")) {
            for (Identity row : deleted) {
              delete.setString(1, storeHash);
              delete.setString(2, bcType);
              delete.setString(3, row.bcId());
              delete.setString(4, row.sfId());
              delete.addBatch();
            }
            delete.executeBatch();
          }
          return null;
        });
  }

  /**
   * The BigCommerce entities linked to this Salesforce record (18-character id as Salesforce
   * returns it), in any store; usually one.
   */
  public List<Identity> bySalesforceId(String sfId) {
    return db.read(
        connection -> {
          List<Identity> out = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT store_hash, bc_type, bc_id FROM sync_identity WHERE sf_id = ?")) {
            select.setString(1, sfId);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                out.addAll(
                    select(
                        connection,
                        "bc_id",
                        rs.getString(1),
                        rs.getString(2),
                        List.of(rs.getString(3))));
              }
            }
          }
          return out;
        });
  }

  private static List<Identity> select(
      Connection connection, String column, String storeHash, String bcType, List<String> values)
      throws SQLException {
    String marks = String.join(",", Collections.nCopies(values.size(), "?"));
    List<Identity> out = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT store_hash, bc_type, bc_id, sf_object, sf_id,"
                + " account_id, parent_bc_id, bc_modified_ms, matched_by FROM sync_identity WHERE store_hash = ? AND bc_type = ? AND "
                + column
                + " IN ("
                + marks
                + ")")) {
      select.setString(1, storeHash);
      select.setString(2, bcType);
      for (int i = 0; i < values.size(); i++) {
        select.setString(3 + i, values.get(i));
      }
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long modified = rs.getLong(8);
          Long modifiedMs =
              rs.wasNull() ? null : modified; // wasNull() refers to the last column read
          out.add(
              new Identity(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  modifiedMs,
                  rs.getString(9)));
        }
      }
    }
    return out;
  }

  private static void upsert(Connection connection, Identity row, long now) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE sync_identity SET sf_object = ?, sf_id = ?,"
                + " account_id = ?, parent_bc_id = ?, bc_modified_ms = ?, written_at_ms = ?,"
                // A write that decided nothing (the customer was already linked) keeps the reason
                // of the link.
                + " matched_by = COALESCE(?, matched_by)"
                + " WHERE store_hash = ? AND bc_type = ? AND bc_id = ?")) {
      bindValues(update, row, now);
      update.setString(8, row.storeHash());
      update.setString(9, row.bcType());
      update.setString(10, row.bcId());
      if (update.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO sync_identity (sf_object, sf_id,"
                + " account_id, parent_bc_id, bc_modified_ms, written_at_ms, matched_by, store_hash, bc_type, bc_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      bindValues(insert, row, now);
      insert.setString(8, row.storeHash());
      insert.setString(9, row.bcType());
      insert.setString(10, row.bcId());
      insert.executeUpdate();
    } catch (SQLException e) {
      // Another worker inserted the row between our update and insert; its write is as good as
      // ours.
      if (!DataAccessFailure.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  private static void bindValues(PreparedStatement statement, Identity row, long now)
      throws SQLException {
    statement.setString(1, row.sfObject());
    statement.setString(2, row.sfId());
    statement.setString(3, row.accountId());
    statement.setString(4, row.parentBcId());
    if (row.bcModifiedMs() == null) {
      statement.setNull(5, Types.BIGINT);
    } else {
      statement.setLong(5, row.bcModifiedMs());
    }
    statement.setLong(6, now);
    statement.setString(7, row.matchedBy());
  }
}
