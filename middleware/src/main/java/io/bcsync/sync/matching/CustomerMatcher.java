package io.bcsync.sync.matching;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a BigCommerce customer is new, an existing Contact or Lead, or a case for a
 * person.
 *
 * <p>Rules run in the configured order and the first rule that finds any candidate decides. The
 * matcher never guesses: several candidates, a candidate already linked to another BigCommerce
 * customer, a phone match whose emails disagree, or a name-and-postal-code hint all end in {@link
 * MatchDecision.Review}, because a wrong merge corrupts two people's history while a review costs a
 * minute of someone's time.
 */
public final class CustomerMatcher {
  private final MatchingConfig config;
  private final CandidateFinder finder;
  private final MatchKeys keys;

  public CustomerMatcher(MatchingConfig config, CandidateFinder finder) {
    this.config = config;
    this.finder = finder;
    this.keys = new MatchKeys(config);
  }

  public MatchDecision match(CustomerProfile customer) {
    for (MatchRule rule : config.rules()) {
      Optional<MatchKey> key = keys.keyFor(rule, customer);
      if (key.isEmpty()) {
        continue;
      }
      List<Candidate> found = verified(key.get(), finder.find(key.get()));
      if (!found.isEmpty()) {
        return decide(rule, customer, found);
      }
    }
    return new MatchDecision.Create(config.newCustomersAs());
  }

  private MatchDecision decide(MatchRule rule, CustomerProfile customer, List<Candidate> found) {
    if (!rule.automatic()) {
      return new MatchDecision.Review(
          found, "possible match by name and postal code only; never merged automatically", rule);
    }
    if (found.size() > 1) {
      return new MatchDecision.Review(
          found, found.size() + " records match by " + describe(rule), rule);
    }
    Candidate only = found.get(0);
    Optional<String> conflict = conflict(rule, customer, only);
    if (conflict.isPresent()) {
      return new MatchDecision.Review(found, conflict.get(), rule);
    }
    if (only.kind() == CandidateKind.CONTACT) {
      return new MatchDecision.UpdateContact(only.id(), rule);
    }
    return config.leadPolicy() == LeadPolicy.CONVERT_LEAD
        ? new MatchDecision.ConvertLead(only.id(), rule)
        : new MatchDecision.UpdateLead(only.id(), rule);
  }

  /**
   * Why a single candidate found by a weak key cannot be taken. The external id rule has no
   * conflicts: that id is the identity the sync itself wrote.
   */
  private Optional<String> conflict(MatchRule rule, CustomerProfile customer, Candidate candidate) {
    if (rule == MatchRule.EXTERNAL_ID) {
      return Optional.empty();
    }
    // A guest has no id of its own, so it may join a Contact linked to a registered customer (the
    // same shopper
    // checking out without logging in); two different registered customers must never share one
    // record.
    String linked = candidate.externalId();
    Optional<String> own = customer.externalId();
    if (own.isPresent()
        && linked != null
        && !linked.isBlank()
        && !linked.equalsIgnoreCase(own.get())) {
      return Optional.of(
          "matches by " + describe(rule) + " but is linked to BigCommerce customer " + linked);
    }
    if (rule == MatchRule.PHONE && keys.emailsDisagree(customer, candidate)) {
      return Optional.of("same phone number but a different email (a shared or household number?)");
    }
    return Optional.empty();
  }

  /** Drops candidates the finder returned that do not really share the key, and repeated ids. */
  private List<Candidate> verified(MatchKey key, List<Candidate> returned) {
    Map<String, Candidate> byId = new LinkedHashMap<>();
    for (Candidate candidate : returned) {
      if (keys.matches(key, candidate)) {
        byId.putIfAbsent(candidate.id(), candidate);
      }
    }
    return new ArrayList<>(byId.values());
  }

  private static String describe(MatchRule rule) {
    return switch (rule) {
      case EXTERNAL_ID -> "BigCommerce customer id";
      case EMAIL -> "email";
      case PHONE -> "phone";
      case NAME_AND_POSTAL_CODE -> "name and postal code";
    };
  }
}
