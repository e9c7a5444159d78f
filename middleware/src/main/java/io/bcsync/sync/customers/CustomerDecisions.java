package io.bcsync.sync.customers;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerMatcher;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.Reviews;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to each customer of a batch that the identity map does not link yet: held by
 * an open review, created because a person said so, or matched against Salesforce in one prefetch
 * for the whole batch ({@link CandidateSource}). An uncertain match opens a review and holds the
 * customer's items; a matched Lead under {@code lead_policy: convert_lead} is converted here.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class CustomerDecisions {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerDecisions.class);

  private final Reviews reviews;
  private final BeanProvider<CandidateSource> candidates;
  private final Optional<LeadConversion> conversion;

  public CustomerDecisions(
      Reviews reviews,
      BeanProvider<CandidateSource> candidates,
      Optional<LeadConversion> conversion) {
    this.reviews = reviews;
    this.candidates = candidates;
    this.conversion = conversion;
  }

  /**
   * @return the customers to write, in batch order, and the outcomes of the items of customers that
   *     are held (SKIPPED) or failed: they go no further
   */
  public Continuing<DecidedCustomer> decide(
      String storeHash, SyncConfigs.Loaded cfg, List<BatchCustomer> customers) throws Exception {
    Continuing<BatchCustomer> unheld = holdOpenReviews(storeHash, customers);
    List<BatchCustomer> unlinked = unheld.customers().stream().filter(c -> !c.linked()).toList();
    Map<String, Review> resolved =
        byCustomer(reviews.resolvedFor(storeHash, reviewKeys(unlinked)), unlinked);
    List<DecidedCustomer> decided = new ArrayList<>();
    List<BatchCustomer> toMatch = new ArrayList<>();
    for (BatchCustomer c : unheld.customers()) {
      Review review = resolved.get(c.key());
      if (c.linked()) {
        decided.add(DecidedCustomer.linked(c));
      } else if (review != null && "create".equals(review.resolution())) {
        // A person decided this customer is new: do not match again (the same candidates would be
        // found).
        MatchDecision create = new MatchDecision.Create(cfg.config().matching().newCustomersAs());
        decided.add(new DecidedCustomer(c, create, true, null));
      } else {
        toMatch.add(c);
      }
    }
    Continuing<DecidedCustomer> matched = match(storeHash, cfg, toMatch);
    decided.addAll(matched.customers());
    Continuing<DecidedCustomer> converted = convertLeads(decided);
    return new Continuing<>(
        converted.customers(), unheld.stoppedWith(matched.stoppedWith(converted.stopped())));
  }

  /** Customers with an open review stay held: their items join the review's hold list. */
  private Continuing<BatchCustomer> holdOpenReviews(
      String storeHash, List<BatchCustomer> customers) {
    List<BatchCustomer> unlinked = customers.stream().filter(c -> !c.linked()).toList();
    Map<String, Long> open = byCustomer(reviews.openFor(storeHash, reviewKeys(unlinked)), unlinked);
    List<BatchCustomer> unheld = new ArrayList<>();
    Map<Long, Outcome> held = new HashMap<>();
    for (BatchCustomer c : customers) {
      Long reviewId = open.get(c.key());
      if (reviewId == null) {
        unheld.add(c);
        continue;
      }
      reviews.hold(reviewId, c.held());
      held.putAll(held(c, reviewId));
      LOG.info(
          "Store {}: {} is under review {}; {} item(s) held",
          storeHash,
          c.ref().label(),
          reviewId,
          c.needs().size());
    }
    return new Continuing<>(unheld, held);
  }

  /** Matches in one prefetch; a Review decision opens a review and holds the customer. */
  private Continuing<DecidedCustomer> match(
      String storeHash, SyncConfigs.Loaded cfg, List<BatchCustomer> toMatch) throws Exception {
    if (toMatch.isEmpty()) {
      return new Continuing<>(List.of(), Map.of());
    }
    List<CustomerProfile> profiles = toMatch.stream().map(c -> c.ref().profile()).toList();
    CandidateFinder finder = candidates.get().prefetch(profiles, cfg.config().matching());
    CustomerMatcher matcher = new CustomerMatcher(cfg.config().matching(), finder);
    List<DecidedCustomer> decided = new ArrayList<>();
    Map<Long, Outcome> held = new HashMap<>();
    for (BatchCustomer c : toMatch) {
      MatchDecision decision = matcher.match(c.ref().profile());
      if (decision instanceof MatchDecision.Review review) {
        long id = reviews.open(storeHash, c.key(), c.ref().label(), review, c.held());
        held.putAll(held(c, id));
        LOG.info(
            "Store {}: {} sent to review {} ({}); {} item(s) held",
            storeHash,
            c.ref().label(),
            id,
            review.reason(),
            c.needs().size());
      } else {
        decided.add(new DecidedCustomer(c, decision, false, null));
      }
    }
    return new Continuing<>(decided, held);
  }

  /**
   * Converts the matched Leads of customers whose decision is a conversion, in as few calls as the
   * port allows; a converted customer goes on as an update of the new Contact on the new Account.
   */
  private Continuing<DecidedCustomer> convertLeads(List<DecidedCustomer> decided) throws Exception {
    List<String> leadIds =
        decided.stream()
            .map(DecidedCustomer::decision)
            .filter(MatchDecision.ConvertLead.class::isInstance)
            .map(d -> ((MatchDecision.ConvertLead) d).leadId())
            .toList();
    if (leadIds.isEmpty()) {
      return new Continuing<>(decided, Map.of());
    }
    Map<String, LeadConversion.Converted> converted =
        conversion.isEmpty() ? Map.of() : conversion.get().convert(leadIds);
    List<DecidedCustomer> out = new ArrayList<>();
    Map<Long, Outcome> failed = new HashMap<>();
    for (DecidedCustomer d : decided) {
      if (!(d.decision() instanceof MatchDecision.ConvertLead convert)) {
        out.add(d);
        continue;
      }
      LeadConversion.Converted result = converted.get(convert.leadId());
      if (conversion.isEmpty()) {
        failed.putAll(
            CustomerFailures.of(
                d.customer(),
                Outcome.permanent(
                    "lead_policy convert_lead is configured but no lead conversion is available in"
                        + " this build; use update_lead or resolve by hand")));
      } else if (result == null) {
        failed.putAll(
            CustomerFailures.of(
                d.customer(), Outcome.retry("lead conversion did not convert the matched Lead")));
      } else {
        MatchDecision update = new MatchDecision.UpdateContact(result.contactId(), convert.rule());
        out.add(new DecidedCustomer(d.customer(), update, false, result.accountId()));
      }
    }
    return new Continuing<>(out, failed);
  }

  /**
   * The customer keys reviews are asked for: each customer's own, and a guest's legacy one: a
   * review opened before guest keys had a secret ({@link GuestKeys}) still holds or decides that
   * guest.
   */
  private static List<String> reviewKeys(List<BatchCustomer> customers) {
    List<String> keys = new ArrayList<>();
    for (BatchCustomer c : customers) {
      keys.add(c.key());
      if (c.ref().legacyBcId() != null) {
        keys.add(c.ref().asLegacy().key());
      }
    }
    return keys;
  }

  /** What was found by {@link #reviewKeys}, by each customer's own key (its own key first). */
  private static <T> Map<String, T> byCustomer(
      Map<String, T> found, List<BatchCustomer> customers) {
    Map<String, T> mine = new HashMap<>();
    for (BatchCustomer c : customers) {
      T value = found.get(c.key());
      if (value == null && c.ref().legacyBcId() != null) {
        value = found.get(c.ref().asLegacy().key());
      }
      if (value != null) {
        mine.put(c.key(), value);
      }
    }
    return mine;
  }

  private static Map<Long, Outcome> held(BatchCustomer c, long reviewId) {
    return CustomerFailures.all(
        c,
        Outcome.skipped(
            c.ref().label()
                + " is under review "
                + reviewId
                + ": held until a person resolves it, then run again"));
  }
}
