package io.bcsync.sync.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.bcsync.db.Chunks;
import io.bcsync.db.Db;
import io.bcsync.db.Upsert;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.MatchDecision;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  private final ReviewRepository reviews;
  private final HeldRepository holds;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  Reviews(Db db, ReviewRepository reviews, HeldRepository holds, Clock clock) {
    this.db = db;
    this.reviews = reviews;
    this.holds = holds;
    this.clock = clock;
  }

  /** A held entity: {@code order 27} or {@code customer 5}. */
  public record Held(String type, String id) {}

  /** Open reviews of these customers (by customer key). */
  public Map<String, Long> openFor(String storeHash, Collection<String> customerKeys) {
    Map<String, Long> open = new HashMap<>();
    byStatus(storeHash, customerKeys, OPEN).forEach((key, review) -> open.put(key, review.id()));
    return open;
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
    String openKey = storeHash + "|" + customerKey;
    ReviewRow row =
        new ReviewRow(
            null,
            storeHash,
            customerKey,
            truncate(label, 200),
            truncate(decision.reason(), 500),
            decision.rule() == null ? null : decision.rule().name().toLowerCase(),
            truncate(candidates(decision.candidates()), 4000),
            OPEN,
            null,
            null,
            openKey,
            clock.millis(),
            null,
            null);
    return db.write(
        () -> {
          // open_key is unique: when the customer has an open review already (ours or another
          // worker's), the insert is refused and that review is the one.
          Upsert.insertIfAbsent(() -> reviews.save(row));
          long id = reviews.findOpen(openKey).orElseThrow();
          addHolds(id, held);
          return id;
        });
  }

  /** Adds entities to an open review's hold list. */
  public void hold(long reviewId, List<Held> held) {
    db.write(
        () -> {
          addHolds(reviewId, held);
          return null;
        });
  }

  public List<Review> list(Optional<String> status, int limit) {
    return db
        .read(
            () ->
                status.isPresent()
                    ? reviews.firstWithStatus(status.get(), limit)
                    : reviews.first(limit))
        .stream()
        .map(this::review)
        .toList();
  }

  /** Open (or other) reviews after {@code afterId}, oldest first: the Reviews page's paging. */
  public List<Review> listAfter(String status, long afterId, int limit) {
    return db.read(() -> reviews.pageWithStatus(status, afterId, limit)).stream()
        .map(this::review)
        .toList();
  }

  /** The latest decisions, newest first. */
  public List<Review> latestResolved(int limit) {
    return db.read(() -> reviews.latestResolved(limit)).stream().map(this::review).toList();
  }

  public Optional<Review> find(long id) {
    return db.read(() -> reviews.findById(id)).map(this::review);
  }

  /**
   * The entities each review holds (or held, once resolved), in a stable order, read in one query
   * (a page shows twenty): every id asked for is a key, with an empty list when the review holds
   * nothing.
   */
  public Map<Long, List<Held>> held(Collection<Long> reviewIds) {
    Map<Long, List<Held>> held = new LinkedHashMap<>();
    reviewIds.forEach(id -> held.put(id, new ArrayList<>()));
    if (reviewIds.isEmpty()) {
      return held;
    }
    for (HeldRow row : db.read(() -> holds.ofReviews(reviewIds))) {
      held.get(row.id().reviewId()).add(new Held(row.id().entityType(), row.id().entityId()));
    }
    held.replaceAll(
        (id, entities) ->
            entities.stream()
                .sorted(Comparator.comparing(Held::type).thenComparing(Held::id, Reviews::byNumber))
                .toList());
    return held;
  }

  /** Numeric ids in numeric order (order 9 before order 10), anything else by text. */
  private static int byNumber(String a, String b) {
    try {
      return Long.compare(Long.parseLong(a), Long.parseLong(b));
    } catch (NumberFormatException e) {
      return a.compareTo(b);
    }
  }

  /**
   * Resolves an open review: {@code contactId} links the customer to that Contact, null means
   * create a new record. Returns the held work to re-enqueue; empty when the review was not open
   * (already resolved by someone else).
   */
  public Optional<List<Held>> resolve(long id, String contactId, String resolvedBy) {
    String resolution = contactId == null ? "create" : "link";
    return db.write(
        () -> {
          if (reviews.resolve(id, resolution, contactId, clock.millis(), resolvedBy) != 1) {
            return Optional.<List<Held>>empty();
          }
          return Optional.of(
              holds.ofReview(id).stream()
                  .map(h -> new Held(h.id().entityType(), h.id().entityId()))
                  .toList());
        });
  }

  private Map<String, Review> byStatus(String storeHash, Collection<String> keys, String status) {
    Map<String, Review> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    return db.read(
        () -> {
          for (List<String> chunk : Chunks.of(keys)) {
            // Ordered by id, so a customer's latest review wins.
            reviews.ofCustomers(storeHash, status, chunk).stream()
                .map(this::review)
                .forEach(review -> found.put(review.customerKey(), review));
          }
          return found;
        });
  }

  /** An entity already held (a retried item) stays held once. */
  private void addHolds(long reviewId, List<Held> held) {
    for (Held h : held) {
      Upsert.insertIfAbsent(
          () -> holds.save(new HeldRow(new HeldRow.Key(reviewId, h.type(), h.id()))));
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

  private Review review(ReviewRow row) {
    Object candidates;
    try {
      candidates = json.readTree(row.candidates());
    } catch (Exception e) {
      candidates = List.of();
    }
    return new Review(
        row.id(),
        row.storeHash(),
        row.customerKey(),
        row.customerLabel(),
        row.reason(),
        row.matchedBy(),
        candidates,
        row.status(),
        row.resolution(),
        row.resolvedContactId(),
        row.createdAtMs(),
        row.resolvedAtMs(),
        row.resolvedBy());
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
