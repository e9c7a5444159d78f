package io.bcsync.sync.contacts;

import io.bcsync.config.ReverseSyncConfig;
import io.bcsync.db.Db;
import io.bcsync.sync.WrittenHash;
import io.bcsync.sync.port.CustomerWriter.CustomerFields;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the Contact flow last wrote to each BigCommerce customer ({@code customer_written}): the
 * fields written and a hash of their values, recorded before the write is sent, so the {@code
 * store/customer/updated} webhook it fires is recognised even when the flow crashed before it could
 * note the answer (a failed write leaves a hash the store's values never match).
 */
@Singleton
public class WrittenCustomers {
  /** The segment's customer group (U7), recorded with the identity fields. */
  static final String GROUP = "customer_group_id";

  private final Db db;
  private final Clock clock;

  public WrittenCustomers(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The fields written last to a customer, and the hash of their values. */
  public record Written(List<String> fields, String valueHash) {
    /** Whether the customer as the store holds it now has exactly the values written. */
    boolean heldBy(CustomerFields now) {
      return now != null && hash(fields, now).equals(valueHash);
    }
  }

  /** Records the values about to be written (only the non-null fields are written). */
  public void record(String storeHash, Map<Long, CustomerFields> values) {
    if (values.isEmpty()) {
      return;
    }
    long now = clock.millis();
    db.write(
        connection -> {
          try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE customer_written SET written_fields = ?, value_hash = ?,"
                          + " written_at_ms = ? WHERE store_hash = ? AND customer_id = ?");
              PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO customer_written (store_hash, customer_id, written_fields,"
                          + " value_hash, written_at_ms) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Long, CustomerFields> value : values.entrySet()) {
              List<String> fields = written(value.getValue());
              String hash = hash(fields, value.getValue());
              update.setString(1, String.join(",", fields));
              update.setString(2, hash);
              update.setLong(3, now);
              update.setString(4, storeHash);
              update.setLong(5, value.getKey());
              // Two workers inserting the same row at once make one batch fail on the primary
              // key; its retry finds the row and updates it.
              if (update.executeUpdate() == 0) {
                insert.setString(1, storeHash);
                insert.setLong(2, value.getKey());
                insert.setString(3, String.join(",", fields));
                insert.setString(4, hash);
                insert.setLong(5, now);
                insert.executeUpdate();
              }
            }
          }
          return null;
        });
  }

  /** What was last written to these customers, by customer id. */
  public Map<Long, Written> of(String storeHash, Collection<Long> customerIds) {
    Map<Long, Written> found = new HashMap<>();
    if (customerIds.isEmpty()) {
      return found;
    }
    List<Long> ids = new ArrayList<>(customerIds);
    return db.read(
        connection -> {
          String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT customer_id, written_fields, value_hash FROM customer_written"
                      + " WHERE store_hash = ? AND customer_id IN ("
                      + marks
                      + ")")) {
            select.setString(1, storeHash);
            for (int i = 0; i < ids.size(); i++) {
              select.setLong(i + 2, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                found.put(
                    rows.getLong(1),
                    new Written(List.of(rows.getString(2).split(",")), rows.getString(3)));
              }
            }
          }
          return found;
        });
  }

  /** The fields an update can send, in the order they are recorded. */
  static final List<String> WRITABLE =
      java.util.stream.Stream.concat(
              ReverseSyncConfig.CUSTOMER_FIELDS.stream(), java.util.stream.Stream.of(GROUP))
          .toList();

  /** The fields an update sends: those not null, in a fixed order (the group last). */
  static List<String> written(CustomerFields fields) {
    return WRITABLE.stream().filter(f -> fields.get(f) != null).toList();
  }

  /** A SHA-256 over each named field and its value, so "a" + "bc" never equals "ab" + "c". */
  static String hash(List<String> fields, CustomerFields values) {
    StringBuilder text = new StringBuilder();
    for (String field : fields) {
      String value = values.get(field);
      text.append(field)
          .append('=')
          .append(value == null ? "\u0000" : value.length() + ":" + value);
      text.append('\n');
    }
    return WrittenHash.of(text.toString());
  }
}
