package io.bcsync.sync.history;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * What the sync decided and wrote about one record, read for the record timeline (console {@code
 * /timeline} and {@code GET /admin/timeline}): the Salesforce ids written for it (identity map,
 * with the matching rule), its reviews, the order rules that fired and the notices they owed, the
 * Salesforce change events recorded for a Salesforce record, and a customer's synced orders. Reads
 * only; each query is served by an index (V4, V10, V34, V37) and capped at {@link #LIMIT} rows.
 */
@Singleton
public class SyncHistory {
  static final int LIMIT = 100;

  private final Db db;

  public SyncHistory(Db db) {
    this.db = db;
  }

  /** Identity rows of these BigCommerce types with this id, in every store. */
  public List<Written> writtenFor(Collection<String> bcTypes, String bcId) {
    return db.read(
        connection ->
            written(
                connection,
                "WHERE bc_id = ? AND bc_type IN (" + marks(bcTypes.size()) + ")",
                bcId,
                bcTypes));
  }

  /** Identity rows that point at this Salesforce record. */
  public List<Written> writtenTo(String sfId) {
    return db.read(connection -> written(connection, "WHERE sf_id = ?", sfId, List.of()));
  }

  /** The order lines written for an order of a store. */
  public List<Written> linesOf(String storeHash, String orderId) {
    return db.read(
        connection -> {
          List<Written> lines =
              written(
                  connection,
                  "WHERE parent_bc_id = ? AND bc_type = 'order_line'",
                  orderId,
                  List.of());
          return lines.stream().filter(w -> w.storeHash().equals(storeHash)).toList();
        });
  }

  public List<ReviewEvent> reviews(String storeHash, String customerKey) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT id, customer_label, reason, matched_by, status, resolution,"
                      + " resolved_contact_id, created_at_ms, resolved_at_ms FROM sync_review"
                      + " WHERE store_hash = ? AND customer_key = ? ORDER BY id LIMIT "
                      + LIMIT)) {
            select.setString(1, storeHash);
            select.setString(2, customerKey);
            return rows(
                select,
                rs ->
                    new ReviewEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getLong(8),
                        nullableLong(rs, 9)));
          }
        });
  }

  /**
   * The reviews that held this entity (an order or customer waiting for a person's decision on its
   * buyer), found through {@code sync_review_hold} by entity (V42 indexes it).
   */
  public List<HoldEvent> holdsOf(String storeHash, String entityType, String entityId) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT r.id, r.customer_label, r.status, r.resolution, r.resolved_contact_id,"
                      + " r.created_at_ms, r.resolved_at_ms FROM sync_review_hold h"
                      + " JOIN sync_review r ON r.id = h.review_id"
                      + " WHERE h.entity_type = ? AND h.entity_id = ? AND r.store_hash = ?"
                      + " ORDER BY r.id LIMIT "
                      + LIMIT)) {
            select.setString(1, entityType);
            select.setString(2, entityId);
            select.setString(3, storeHash);
            return rows(
                select,
                rs ->
                    new HoldEvent(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getLong(6),
                        nullableLong(rs, 7)));
          }
        });
  }

  /** Order rules that fired for an order (V37 indexes store and order). */
  public List<RuleFired> rulesFired(String storeHash, long orderId) {
    return rowsOf(
        db,
        "SELECT firing_key, fired_at_ms FROM sync_rule_firing"
            + " WHERE store_hash = ? AND order_id = ? ORDER BY fired_at_ms LIMIT "
            + LIMIT,
        storeHash,
        orderId,
        rs -> {
          String key = rs.getString(1);
          int bar = key.indexOf('|');
          return new RuleFired(ruleOf(key), bar < 0 ? "" : key.substring(bar + 1), rs.getLong(2));
        });
  }

  /** The rule's name in a firing key ({@code rule|occurrence}). */
  static String ruleOf(String firingKey) {
    int bar = firingKey.indexOf('|');
    return bar < 0 ? firingKey : firingKey.substring(0, bar);
  }

  /** The Slack and e-mail notices rules owed for an order, and whether each was sent. */
  public List<NoticeEvent> notices(String storeHash, long orderId) {
    return rowsOf(
        db,
        "SELECT notice_key, rule_name, channel, created_at_ms, sent_at_ms"
            + " FROM sync_rule_notice WHERE store_hash = ? AND order_id = ?"
            + " ORDER BY created_at_ms LIMIT "
            + LIMIT,
        storeHash,
        orderId,
        rs ->
            new NoticeEvent(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getLong(4),
                nullableLong(rs, 5)));
  }

  /** Salesforce change events recorded for a record of one of these objects, newest first. */
  public List<ChangeEvent> changes(Collection<String> sobjects, String recordId) {
    if (sobjects.isEmpty()) {
      return List.of();
    }
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT org_id, sobject, record_id, change_types, changed_fields, event_count,"
                      + " work_item_id, recorded_at_ms FROM salesforce_change"
                      + " WHERE sobject IN ("
                      + marks(sobjects.size())
                      + ") AND record_id = ? ORDER BY id DESC LIMIT "
                      + LIMIT)) {
            int index = 1;
            for (String sobject : sobjects) {
              select.setString(index++, sobject);
            }
            select.setString(index, recordId);
            return rows(
                select,
                rs ->
                    new ChangeEvent(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getLong(7),
                        rs.getLong(8)));
          }
        });
  }

  /**
   * The synced orders of a customer ({@code customer:<id>} or {@code guest:<key>}), newest first.
   */
  public List<Long> ordersOf(String storeHash, String customerKey) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT order_id FROM sync_order_ledger WHERE customer_key = ? AND store_hash = ?"
                      + " ORDER BY order_id DESC LIMIT "
                      + LIMIT)) {
            select.setString(1, customerKey);
            select.setString(2, storeHash);
            return rows(select, rs -> rs.getLong(1));
          }
        });
  }

  private static List<Written> written(
      Connection connection, String where, String value, Collection<String> more)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT store_hash, bc_type, bc_id, sf_object, sf_id, parent_bc_id, matched_by,"
                + " written_at_ms FROM sync_identity "
                + where
                + " LIMIT "
                + LIMIT)) {
      select.setString(1, value);
      int index = 2;
      for (String extra : more) {
        select.setString(index++, extra);
      }
      return rows(
          select,
          rs ->
              new Written(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getLong(8)));
    }
  }

  private static String marks(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("an IN list needs at least one value");
    }
    return "?" + ", ?".repeat(count - 1);
  }

  static Long nullableLong(ResultSet rs, int column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /**
   * The rows of a query whose two parameters are a store and a numeric id in it (an order's, a
   * product's), in that order: the shape most of the timeline's reads have.
   */
  static <T> List<T> rowsOf(Db db, String sql, String storeHash, long id, Row<T> row) {
    return db.read(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, storeHash);
            select.setLong(2, id);
            return rows(select, row);
          }
        });
  }

  static <T> List<T> rows(PreparedStatement select, Row<T> row) throws SQLException {
    List<T> rows = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        rows.add(row.map(rs));
      }
    }
    return rows;
  }

  /**
   * A Salesforce record written for a BigCommerce entity (a row of the identity map).
   *
   * @param matchedBy how a customer's record was chosen: external_id, email, phone, created, review
   */
  public record Written(
      String storeHash,
      String bcType,
      String bcId,
      String sfObject,
      String sfId,
      String parentBcId,
      String matchedBy,
      long writtenAtMs) {}

  public record ReviewEvent(
      long id,
      String customer,
      String reason,
      String matchedBy,
      String status,
      String resolution,
      String resolvedContactId,
      long createdAtMs,
      Long resolvedAtMs) {}

  /**
   * A review that held an entity: the hold row has no time of its own, so it is dated by the
   * review's opening and ends with its decision.
   */
  public record HoldEvent(
      long reviewId,
      String customer,
      String status,
      String resolution,
      String resolvedContactId,
      long reviewOpenedAtMs,
      Long resolvedAtMs) {}

  public record RuleFired(String rule, String occurrence, long firedAtMs) {}

  public record NoticeEvent(
      String key, String rule, String channel, long createdAtMs, Long sentAtMs) {}

  public record ChangeEvent(
      String orgId,
      String sobject,
      String recordId,
      String changeTypes,
      String changedFields,
      int eventCount,
      long workItemId,
      long recordedAtMs) {}
}
