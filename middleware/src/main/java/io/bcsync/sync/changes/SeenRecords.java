package io.bcsync.sync.changes;

import io.bcsync.db.Db;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.WorkItem;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code SystemModstamp} at which a Salesforce → BigCommerce flow last re-read each record
 * ({@code salesforce_record_seen}). The reconciliation poll asks which of the records it found were
 * already seen at that stamp or later: those the stream delivered need no second write. Recorded
 * when the flow reads the record: an item that then fails stays in the queue (or dead-letters with
 * its reason), so the poll has nothing to add for it.
 */
@Singleton
public class SeenRecords {
  /** The field the flows read with each record. */
  public static final String MODSTAMP = "SystemModstamp";

  private final Db db;

  public SeenRecords(Db db) {
    this.db = db;
  }

  /** Records the stamps of the batch's records as read ({@code readById}: id → field → value). */
  public void record(
      String object, List<WorkItem> items, Map<String, Map<String, String>> readById) {
    List<Object[]> rows = new ArrayList<>();
    for (WorkItem item : items) {
      Map<String, String> read = readById.get(item.entity().id());
      Long stamp = read == null ? null : millis(read.get(MODSTAMP));
      if (stamp != null) {
        rows.add(new Object[] {orgOf(item.entity()), item.entity().id(), stamp});
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    db.write(
        connection -> {
          try (PreparedStatement update =
                  connection.prepareStatement(
                      "UPDATE salesforce_record_seen SET modstamp_ms = ? WHERE org_id = ?"
                          + " AND object_name = ? AND record_id = ? AND modstamp_ms < ?");
              PreparedStatement exists =
                  connection.prepareStatement(
                      "SELECT 1 FROM salesforce_record_seen WHERE org_id = ? AND object_name = ?"
                          + " AND record_id = ?");
              PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO salesforce_record_seen (org_id, object_name, record_id,"
                          + " modstamp_ms) VALUES (?, ?, ?, ?)")) {
            for (Object[] row : rows) {
              update.setLong(1, (Long) row[2]);
              update.setString(2, (String) row[0]);
              update.setString(3, object);
              update.setString(4, (String) row[1]);
              update.setLong(5, (Long) row[2]);
              if (update.executeUpdate() > 0) {
                continue;
              }
              exists.setString(1, (String) row[0]);
              exists.setString(2, object);
              exists.setString(3, (String) row[1]);
              boolean known;
              try (ResultSet found = exists.executeQuery()) {
                known = found.next();
              }
              if (!known) {
                insert.setString(1, (String) row[0]);
                insert.setString(2, object);
                insert.setString(3, (String) row[1]);
                insert.setLong(4, (Long) row[2]);
                insert.executeUpdate();
              }
            }
          }
          return null;
        });
  }

  /**
   * Of these records (id → their current stamp), the ids a flow already read at that stamp or
   * later.
   */
  public Set<String> alreadySeen(String orgId, String object, Map<String, Long> stampById) {
    Set<String> seen = new HashSet<>();
    if (stampById.isEmpty()) {
      return seen;
    }
    List<String> ids = new ArrayList<>(stampById.keySet());
    Map<String, Long> known = new HashMap<>();
    db.read(
        connection -> {
          String marks = String.join(",", Collections.nCopies(ids.size(), "?"));
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT record_id, modstamp_ms FROM salesforce_record_seen WHERE org_id = ?"
                      + " AND object_name = ? AND record_id IN ("
                      + marks
                      + ")")) {
            select.setString(1, orgId);
            select.setString(2, object);
            for (int i = 0; i < ids.size(); i++) {
              select.setString(i + 3, ids.get(i));
            }
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                known.put(rows.getString(1), rows.getLong(2));
              }
            }
          }
          return null;
        });
    stampById.forEach(
        (id, stamp) -> {
          Long at = known.get(id);
          if (at != null && stamp != null && at >= stamp) {
            seen.add(id);
          }
        });
    return seen;
  }

  /** A Salesforce dateTime as the API returns it; null when absent or unreadable. */
  public static Long millis(String dateTime) {
    if (dateTime == null || dateTime.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(dateTime).toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(dateTime).toInstant().toEpochMilli();
      } catch (DateTimeParseException again) {
        return null; // unknown: the poll then enqueues the record, which is always safe
      }
    }
  }

  private static String orgOf(EntityRef entity) {
    return entity.storeHash().substring(EntityRef.SALESFORCE_PREFIX.length());
  }
}
