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
 *
 * <p>Records of another store are no candidates unless {@code match_across_stores} is on: anyone
 * can type any e-mail at checkout, and one store's shoppers must not reach another store's
 * customers. A guest (who has no id of its own, and proved nothing about the e-mail it typed) may
 * attach its orders to a Contact of a registered customer or of another store, but never rewrites
 * it ({@link MatchDecision.UpdateContact#attachOnly}); a Lead of theirs, which a guest would update
 * or convert, goes to review instead.
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
      List<Candidate> found = ofThisStore(customer, verified(key.get(), finder.find(key.get())));
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
    boolean foreign = ownedElsewhere(customer, only);
    if (only.kind() == CandidateKind.CONTACT) {
      return new MatchDecision.UpdateContact(only.id(), rule, foreign);
    }
    if (foreign) {
      return new MatchDecision.Review(
          found,
          "a guest checkout matches by "
              + describe(rule)
              + " a Lead of "
              + owner(only)
              + "; a guest never updates or converts it",
          rule);
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
    // same shopper checking out without logging in), without writing it (ownedElsewhere); two
    // different registered customers must never share one record.
    String linked = candidate.externalId();
    Optional<String> own = customer.externalId();
    if (own.isPresent()
        && linked != null
        && !linked.isBlank()
        && !linked.equalsIgnoreCase(own.get())) {
      return Optional.of(
          "matches by " + describe(rule) + " but is linked to BigCommerce customer " + linked);
    }
    String store = candidate.ownerStore();
    if (own.isPresent() && store != null && !store.equalsIgnoreCase(customer.storeHash())) {
      // Linking would move the record to this store (BC_Customer_Id__c, BC_Store__c) from under the
      // other one: a person decides whether they are one shopper.
      return Optional.of("matches by " + describe(rule) + " a record of store " + store);
    }
    if (rule == MatchRule.PHONE && keys.emailsDisagree(customer, candidate)) {
      return Optional.of("same phone number but a different email (a shared or household number?)");
    }
    return Optional.empty();
  }

  /**
   * A guest's candidate that someone else owns: a registered customer (any store) or another store.
   */
  private static boolean ownedElsewhere(CustomerProfile customer, Candidate candidate) {
    if (!customer.isGuest()) {
      return false;
    }
    String store = candidate.ownerStore();
    return candidate.registered()
        || (store != null && !store.equalsIgnoreCase(customer.storeHash()));
  }

  private static String owner(Candidate candidate) {
    return candidate.registered()
        ? "BigCommerce customer " + candidate.externalId()
        : "store " + candidate.ownerStore();
  }

  /** Without {@code match_across_stores}, records another store owns are not candidates. */
  private List<Candidate> ofThisStore(CustomerProfile customer, List<Candidate> found) {
    if (config.matchAcrossStores()) {
      return found;
    }
    List<Candidate> mine = new ArrayList<>();
    for (Candidate candidate : found) {
      String store = candidate.ownerStore();
      if (store == null || store.equalsIgnoreCase(customer.storeHash())) {
        mine.add(candidate);
      }
    }
    return mine;
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
