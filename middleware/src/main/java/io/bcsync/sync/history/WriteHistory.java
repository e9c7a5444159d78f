package io.bcsync.sync.history;

import io.bcsync.db.Db;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.util.List;

/**
 * What the sync wrote besides the identity map, read for the record timeline: each record an order
 * rule's firing wrote ({@code sync_rule_write}, V42) and what the Salesforce → BigCommerce flows
 * last wrote to a product ({@code catalog_written}, V16). Reads only, by index, capped at {@link
 * SyncHistory#LIMIT} rows.
 */
@Singleton
public class WriteHistory {
  private static final int LIMIT = SyncHistory.LIMIT;

  private final Db db;

  public WriteHistory(Db db) {
    this.db = db;
  }

  /** The Cases, campaign memberships and Opportunities rules wrote for an order (V42). */
  public List<RuleWritten> ruleWrites(String storeHash, long orderId) {
    return ruleWrites("WHERE store_hash = ? AND order_id = ?", storeHash, orderId);
  }

  /** The rule writes that produced this Salesforce record (a Case or Opportunity id). */
  public List<RuleWritten> ruleWritesTo(String sfId) {
    return ruleWrites("WHERE sf_id = ?", sfId, null);
  }

  private List<RuleWritten> ruleWrites(String where, String first, Long orderId) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT store_hash, order_id, firing_key, action, target, sf_id, written_at_ms"
                      + " FROM sync_rule_write "
                      + where
                      + " ORDER BY written_at_ms, firing_key, seq LIMIT "
                      + LIMIT)) {
            select.setString(1, first);
            if (orderId != null) {
              select.setLong(2, orderId);
            }
            return SyncHistory.rows(
                select,
                rs -> {
                  return new RuleWritten(
                      rs.getString(1),
                      rs.getLong(2),
                      SyncHistory.ruleOf(rs.getString(3)),
                      rs.getString(4),
                      rs.getString(5),
                      rs.getString(6),
                      rs.getLong(7));
                });
          }
        });
  }

  /**
   * What the Salesforce → BigCommerce flows last wrote to a product's variants ({@code
   * catalog_written}, V16: one row per variant and field, the latest write only).
   */
  public List<CatalogWrite> catalogWrites(String storeHash, long productId) {
    return SyncHistory.rowsOf(
        db,
        "SELECT variant_id, written_field, written_at_ms FROM catalog_written"
            + " WHERE store_hash = ? AND product_id = ? ORDER BY written_at_ms LIMIT "
            + LIMIT,
        storeHash,
        productId,
        rs -> new CatalogWrite(rs.getLong(1), rs.getString(2), rs.getLong(3)));
  }

  /**
   * A record an order rule wrote.
   *
   * @param action case, campaign or opportunity
   * @param salesforceId null when the write's answer carried none
   */
  public record RuleWritten(
      String storeHash,
      long orderId,
      String rule,
      String action,
      String target,
      String salesforceId,
      long writtenAtMs) {}

  /** A value the reverse sync last wrote to a variant: its field (price, stock@location…). */
  public record CatalogWrite(long variantId, String field, long writtenAtMs) {}
}
