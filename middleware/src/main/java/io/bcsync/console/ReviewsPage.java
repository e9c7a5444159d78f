package io.bcsync.console;

import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.CustomerProfiles;
import io.bcsync.sync.matching.MatchKeys;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.matching.MatchingConfigs;
import io.bcsync.sync.port.StoreReader;
import io.bcsync.sync.port.StoreReader.StoreDocument;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.Reviews;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Reviews page's content: each open review (the same {@link Reviews} the admin API lists) with
 * the customer as BigCommerce has it now beside each candidate as Salesforce has it now. The review
 * row keeps ids only (no contact data at rest, docs/security.md), so the fields are read when the
 * page is shown: per store one BigCommerce read of the customers, one of the guests' orders, and
 * one Salesforce candidate lookup for all of them (the matcher's own {@link CandidateSource}).
 */
@Singleton
public class ReviewsPage {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewsPage.class);

  public static final int PAGE_SIZE = 20;

  private final Reviews reviews;
  private final StoreReader store;
  private final CandidateSource candidates;
  private final MatchingConfigs matching;

  public ReviewsPage(
      Reviews reviews,
      StoreReader store,
      @Nullable CandidateSource candidates,
      MatchingConfigs matching) {
    this.reviews = reviews;
    this.store = store;
    this.candidates = candidates;
    this.matching = matching;
  }

  /** The open reviews after {@code afterId} (0: from the oldest), {@link #PAGE_SIZE} at most. */
  public Page page(long afterId) {
    List<Review> open = reviews.listAfter(Reviews.OPEN, afterId, PAGE_SIZE + 1);
    boolean more = open.size() > PAGE_SIZE;
    List<Review> shown = open.subList(0, Math.min(open.size(), PAGE_SIZE));
    Map<Long, List<Reviews.Held>> held = reviews.held(shown.stream().map(Review::id).toList());
    Map<String, List<Review>> byStore = new TreeMap<>();
    for (Review review : shown) {
      byStore.computeIfAbsent(review.storeHash(), s -> new ArrayList<>()).add(review);
    }
    List<ReviewView> views = new ArrayList<>();
    byStore.forEach(
        (storeHash, storeReviews) -> views.addAll(ofStore(storeHash, storeReviews, held)));
    views.sort(java.util.Comparator.comparingLong(v -> v.review().id()));
    return new Page(views, afterId, more ? open.get(PAGE_SIZE - 1).id() : null);
  }

  private List<ReviewView> ofStore(
      String storeHash, List<Review> storeReviews, Map<Long, List<Reviews.Held>> held) {
    Map<Long, CustomerProfile> profiles = new LinkedHashMap<>();
    String storeProblem = null;
    try {
      profiles = profiles(storeHash, storeReviews, held);
    } catch (RuntimeException e) {
      // Class only: a failed read may echo what it asked for.
      LOG.warn("Reviews page: reading store {} failed with {}", storeHash, e.getClass().getName());
      storeProblem = "BigCommerce could not be read (" + e.getClass().getSimpleName() + ")";
    }
    Map<String, Candidate> found = new LinkedHashMap<>();
    String salesforceProblem = null;
    if (candidates == null) {
      salesforceProblem = "Salesforce is not connected: candidates cannot be read";
    } else if (!profiles.isEmpty()) {
      try {
        found = lookUp(storeHash, profiles.values());
      } catch (Exception e) {
        LOG.warn("Reviews page: candidate lookup failed with {}", e.getClass().getName());
        salesforceProblem =
            "Salesforce could not be asked for the candidates ("
                + e.getClass().getSimpleName()
                + ")";
      }
    }
    List<ReviewView> views = new ArrayList<>();
    for (Review review : storeReviews) {
      CustomerProfile profile = profiles.get(review.id());
      List<Side> sides = new ArrayList<>();
      for (CandidateRef ref : candidateRefs(review)) {
        Candidate candidate = found.get(ref.id());
        sides.add(new Side(ref, candidate, FieldComparison.of(profile, candidate)));
      }
      String problem = storeProblem != null ? storeProblem : salesforceProblem;
      if (problem == null && profile == null) {
        problem = "The customer is no longer in the store (deleted?)";
      }
      views.add(
          new ReviewView(
              review, FieldComparison.fieldsOf(profile), sides, held.get(review.id()), problem));
    }
    return views;
  }

  /** The profile of each review's customer, as the matcher built it (by review id). */
  private Map<Long, CustomerProfile> profiles(
      String storeHash, List<Review> storeReviews, Map<Long, List<Reviews.Held>> held) {
    Map<Long, Long> customerIds = new LinkedHashMap<>();
    Map<Long, Long> guestOrderIds = new LinkedHashMap<>();
    for (Review review : storeReviews) {
      String[] key = review.customerKey().split(":", 2);
      if ("customer".equals(key[0])) {
        customerIds.put(review.id(), Long.parseLong(key[1]));
      } else {
        guestOrder(review, held.get(review.id()))
            .ifPresent(order -> guestOrderIds.put(review.id(), order));
      }
    }
    Map<Long, StoreDocument> customers =
        customerIds.isEmpty() ? Map.of() : store.customers(storeHash, customerIds.values());
    Map<Long, StoreDocument> orders =
        guestOrderIds.isEmpty() ? Map.of() : store.orders(storeHash, guestOrderIds.values());
    Map<Long, CustomerProfile> profiles = new LinkedHashMap<>();
    customerIds.forEach(
        (reviewId, customerId) -> {
          StoreDocument doc = customers.get(customerId);
          if (doc != null) {
            profiles.put(reviewId, CustomerProfiles.fromCustomer(storeHash, doc.json()));
          }
        });
    guestOrderIds.forEach(
        (reviewId, orderId) -> {
          StoreDocument doc = orders.get(orderId);
          if (doc != null) {
            profiles.put(reviewId, CustomerProfiles.fromOrder(storeHash, doc.json()));
          }
        });
    return profiles;
  }

  /**
   * A guest is known by a keyed hash of the e-mail; the order it checked out with is named in the
   * review's label ({@code guest order 3052}), else the first order it holds.
   */
  private static Optional<Long> guestOrder(Review review, List<Reviews.Held> held) {
    String label = review.customer() == null ? "" : review.customer();
    if (label.startsWith("guest order ")) {
      try {
        return Optional.of(Long.parseLong(label.substring("guest order ".length()).trim()));
      } catch (NumberFormatException e) {
        // fall through to the held orders
      }
    }
    return held.stream()
        .filter(h -> "order".equals(h.type()))
        .map(h -> Long.parseLong(h.id()))
        .findFirst();
  }

  /** Every candidate the matcher's rules find for these customers, by Salesforce id. */
  private Map<String, Candidate> lookUp(String storeHash, java.util.Collection<CustomerProfile> all)
      throws Exception {
    MatchingConfig config = matching.forStore(storeHash);
    CandidateFinder finder = candidates.prefetch(all, config);
    MatchKeys keys = new MatchKeys(config);
    Map<String, Candidate> found = new LinkedHashMap<>();
    for (CustomerProfile profile : all) {
      for (MatchRule rule : MatchRule.values()) {
        keys.keyFor(rule, profile)
            .ifPresent(key -> finder.find(key).forEach(c -> found.putIfAbsent(c.id(), c)));
      }
    }
    return found;
  }

  /** The candidates the review names (id and kind), as stored when it was opened. */
  static List<CandidateRef> candidateRefs(Review review) {
    List<CandidateRef> refs = new ArrayList<>();
    if (review.candidates() instanceof com.fasterxml.jackson.databind.JsonNode array) {
      for (com.fasterxml.jackson.databind.JsonNode node : array) {
        refs.add(
            new CandidateRef(
                node.path("id").asText(),
                node.path("kind").asText(),
                node.path("linkedTo").isTextual() ? node.path("linkedTo").asText() : null));
      }
    }
    return refs;
  }

  /**
   * @param afterId the page starts after this review id (0 for the first page)
   * @param nextAfterId where the next page starts, or null when this is the last
   */
  public record Page(List<ReviewView> reviews, long afterId, Long nextAfterId) {
    /** Whether a next page exists. */
    public boolean more() {
      return nextAfterId != null;
    }
  }

  /**
   * @param customer the customer's fields (label and value), empty when it could not be read
   * @param problem why fields are missing, or null
   */
  public record ReviewView(
      Review review,
      List<FieldComparison.Field> customer,
      List<Side> sides,
      List<Reviews.Held> held,
      String problem) {
    /** "order 27, order 31", or "nothing". */
    public String heldList() {
      return held.isEmpty()
          ? "nothing"
          : String.join(", ", held.stream().map(h -> h.type() + " " + h.id()).toList());
    }
  }

  /** A candidate: what the review recorded and, when Salesforce returned it now, its fields. */
  public record Side(CandidateRef ref, Candidate candidate, List<FieldComparison.Field> fields) {
    public boolean linkable() {
      return "contact".equals(ref.kind());
    }
  }

  public record CandidateRef(String id, String kind, String linkedTo) {}
}
