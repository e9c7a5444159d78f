package io.bcsync.sync.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.MatchDecision;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code sync_review} table: customers the matcher would not decide on, and the work held back
 * until a person does. A customer has at most one open review; work arriving meanwhile joins its
 * hold list.
 */
@Singleton
public class Reviews {
  public static final String OPEN = "open";
  public static final String RESOLVED = "resolved";

  private final Db db;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  public Reviews(Db db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** A held entity: {@code order 27} or {@code customer 5}. */
  public record Held(String type, String id) {}

  /** Open reviews of these customers (by customer key). */
  public Map<String, Long> openFor(String storeHash, Collection<String> customerKeys) {
    return byStatus(storeHash, customerKeys, OPEN).entrySet().stream()
        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().id()));
  }

  /** The latest resolved review of each of these customers. */
  public Map<String, Review> resolvedFor(String storeHash, Collection<String> customerKeys) {
    return byStatus(storeHash, customerKeys, RESOLVED);
  }

  /**
   * Opens a review for the customer unless one is open already, and holds the given entities under
   * it.
   *
   * @return the review id
   */
  public long open(
      String storeHash,
      String customerKey,
      String label,
      MatchDecision.Review decision,
      List<Held> held) {
    return db.write(
        connection -> {
          long id = insertOrFindOpen(connection, storeHash, customerKey, label, decision);
          hold(connection, id, held);
          return id;
        });
  }

  /** Adds entities to an open review's hold list. */
  public void hold(long reviewId, List<Held> held) {
    db.write(
        connection -> {
          hold(connection, reviewId, held);
          return null;
        });
  }

  public List<Review> list(Optional<String> status, int limit) {
    return db.read(
        connection -> {
          String sql =
              "SELECT "
                  + COLUMNS
                  + " FROM sync_review"
                  + (status.isPresent() ? " WHERE status = ?" : "")
                  + " ORDER BY id LIMIT "
                  + limit;
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            if (status.isPresent()) {
              select.setString(1, status.get());
            }
            return rows(select);
          }
        });
  }

  public Optional<Review> find(long id) {
    return db.read(
        connection -> {
          try (PreparedStatement select =
              connection.prepareStatement("SELECT " + COLUMNS + " FROM sync_review WHERE id = ?")) {
            select.setLong(1, id);
            return rows(select).stream().findFirst();
          }
        });
  }

  /**
   * Resolves an open review: {@code contactId} links the customer to that Contact, null means
   * create a new record. Returns the held work to re-enqueue; empty when the review was not open
   * (already resolved by someone else).
   */
  public Optional<List<Held>> resolve(long id, String contactId) {
    return db.write(
        connection -> {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "UPDATE sync_review SET status = ?, resolution = ?,"
                      + " resolved_contact_id = ?, resolved_at_ms = ?, open_key = NULL WHERE id = ? AND status = ?")) {
            update.setString(1, RESOLVED);
            update.setString(2, contactId == null ? "create" : "link");
            update.setString(3, contactId);
            update.setLong(4, clock.millis());
            update.setLong(5, id);
            update.setString(6, OPEN);
            if (update.executeUpdate() != 1) {
              return Optional.<List<Held>>empty();
            }
          }
          List<Held> held = new ArrayList<>();
          try (PreparedStatement select =
              connection.prepareStatement(
                  "SELECT entity_type, entity_id FROM sync_review_hold WHERE review_id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
              while (rs.next()) {
                held.add(new Held(rs.getString(1), rs.getString(2)));
              }
            }
          }
          return Optional.of(held);
        });
  }

  private static final String COLUMNS =
      "id, store_hash, customer_key, customer_label, reason, matched_by, candidates,"
          + " status, resolution, resolved_contact_id, created_at_ms, resolved_at_ms";

  private Map<String, Review> byStatus(String storeHash, Collection<String> keys, String status) {
    Map<String, Review> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    List<String> list = List.copyOf(keys);
    return db.read(
        connection -> {
          for (int from = 0; from < list.size(); from += 500) {
            List<String> chunk = list.subList(from, Math.min(list.size(), from + 500));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement select =
                connection.prepareStatement(
                    "SELECT "
                        + COLUMNS
                        + " FROM sync_review"
                        + " WHERE store_hash = ? AND status = ? AND customer_key IN ("
                        + marks
                        + ") ORDER BY id")) {
              select.setString(1, storeHash);
              select.setString(2, status);
              for (int i = 0; i < chunk.size(); i++) {
                select.setString(3 + i, chunk.get(i));
              }
              rows(select)
                  .forEach(review -> found.put(review.customerKey(), review)); // later ids win
            }
          }
          return found;
        });
  }

  private long insertOrFindOpen(
      Connection connection,
      String storeHash,
      String customerKey,
      String label,
      MatchDecision.Review decision)
      throws SQLException {
    String openKey = storeHash + "|" + customerKey;
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO sync_review (store_hash, customer_key,"
                + " customer_label, reason, matched_by, candidates, status, open_key, created_at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, storeHash);
      insert.setString(2, customerKey);
      insert.setString(3, truncate(label, 200));
      insert.setString(4, truncate(decision.reason(), 500));
      insert.setString(5, decision.rule() == null ? null : decision.rule().name().toLowerCase());
      insert.setString(6, truncate(candidates(decision.candidates()), 4000));
      insert.setString(7, OPEN);
      insert.setString(8, openKey);
      insert.setLong(9, clock.millis());
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      if (!DataAccessFailure.isUniqueViolation(e)) {
        throw e;
      }
    }
    try (PreparedStatement select =
        connection.prepareStatement("SELECT id FROM sync_review WHERE open_key = ?")) {
      select.setString(1, openKey);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void hold(Connection connection, long reviewId, List<Held> held)
      throws SQLException {
    for (Held h : held) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO sync_review_hold (review_id, entity_type, entity_id) VALUES (?, ?, ?)")) {
        insert.setLong(1, reviewId);
        insert.setString(2, h.type());
        insert.setString(3, h.id());
        insert.executeUpdate();
      } catch (SQLException e) {
        if (!DataAccessFailure.isUniqueViolation(e)) {
          throw e;
        }
      }
    }
  }

  /**
   * Salesforce ids, kinds and links only: an operator opens the records in Salesforce to compare
   * people.
   */
  private String candidates(List<Candidate> candidates) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Candidate c : candidates) {
      array
          .addObject()
          .put("id", c.id())
          .put("kind", c.kind().name().toLowerCase())
          .put("linkedTo", c.externalId());
    }
    return array.toString();
  }

  private List<Review> rows(PreparedStatement select) throws SQLException {
    List<Review> out = new ArrayList<>();
    try (ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        long resolvedAt = rs.getLong(12);
        Long resolvedAtMs = rs.wasNull() ? null : resolvedAt;
        Object candidates;
        try {
          candidates = json.readTree(rs.getString(7));
        } catch (Exception e) {
          candidates = List.of();
        }
        out.add(
            new Review(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                candidates,
                rs.getString(8),
                rs.getString(9),
                rs.getString(10),
                rs.getLong(11),
                resolvedAtMs));
      }
    }
    return out;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
