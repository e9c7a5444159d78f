package io.bcsync.sync.catalog;

import io.bcsync.db.Db;
import io.bcsync.sync.WrittenHash;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Salesforce → BigCommerce flows last wrote to each variant ({@code catalog_written}): a
 * hash of each written value, recorded before the write is sent, so the webhook the write fires is
 * recognised even when the flow crashed before it could note the answer (a failed write leaves the
 * hash of a value the store does not hold, which never matches).
 */
@Singleton
public class WrittenValues {
  public static final String PRICE = "price";

  private final Db db;
  private final Clock clock;

  public WrittenValues(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The recorded field of a stock level: {@code stock@<location id>}. */
  public static final String STOCK_PREFIX = "stock@";

  public static String stock(long locationId) {
    return STOCK_PREFIX + locationId;
  }

  /** One written value of a variant: which field, and the hash of its value. */
  public record Written(long variantId, String field, String valueHash) {}

  /** Records the values about to be written to the store's variants (each value as text). */
  public void record(String storeHash, String field, Map<VariantRef, String> values) {
    if (values.isEmpty()) {
      return;
    }
    long now = clock.millis();
    db.write(
        connection -> {
          try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE catalog_written SET value_hash = ?, product_id = ?, written_at_ms = ?"
                          + " WHERE store_hash = ? AND variant_id = ? AND written_field = ?");
              PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO catalog_written (store_hash, variant_id, written_field,"
                          + " product_id, value_hash, written_at_ms) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<VariantRef, String> value : values.entrySet()) {
              VariantRef ref = value.getKey();
              String hash = hash(value.getValue());
              update.setString(1, hash);
              update.setLong(2, ref.productId());
              update.setLong(3, now);
              update.setString(4, storeHash);
              update.setLong(5, ref.variantId());
              update.setString(6, field);
              // Two workers inserting the same row at once (two Product2s sharing a SKU) make one
              // batch fail on the primary key; its retry finds the row and updates it.
              if (update.executeUpdate() == 0) {
                insert.setString(1, storeHash);
                insert.setLong(2, ref.variantId());
                insert.setString(3, field);
                insert.setLong(4, ref.productId());
                insert.setString(5, hash);
                insert.setLong(6, now);
                insert.executeUpdate();
              }
            }
          }
          return null;
        });
  }

  /** What was written to the variants of these products, by product id. */
  public Map<Long, List<Written>> ofProducts(String storeHash, Collection<Long> productIds) {
    Map<Long, List<Written>> found = new HashMap<>();
    if (productIds.isEmpty()) {
      return found;
    }
    List<Long> ids = new ArrayList<>(productIds);
    return db.read(
        connection -> {
          String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT product_id, variant_id, written_field, value_hash FROM catalog_written"
                      + " WHERE store_hash = ? AND product_id IN ("
                      + marks
                      + ")")) {
            select.setString(1, storeHash);
            for (int i = 0; i < ids.size(); i++) {
              select.setLong(i + 2, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found
                    .computeIfAbsent(rows.getLong(1), p -> new ArrayList<>())
                    .add(new Written(rows.getLong(2), rows.getString(3), rows.getString(4)));
              }
            }
          }
          return found;
        });
  }

  static String hash(String value) {
    return WrittenHash.of(String.valueOf(value));
  }

  /** A price as text that compares equal however many trailing zeros either side wrote. */
  public static String price(java.math.BigDecimal price) {
    return price.stripTrailingZeros().toPlainString();
  }
}
