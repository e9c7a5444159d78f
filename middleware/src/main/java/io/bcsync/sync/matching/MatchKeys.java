package io.bcsync.sync.matching;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Derives a rule's key from a customer and checks a candidate against it. Both sides go through the
 * same normalisation, so a finder that over-returns cannot make the matcher believe in a match that
 * is not there. Public so that a {@link CandidateSource} can compute the keys of a batch and index
 * what it fetched by the very keys the matcher will ask for.
 */
public final class MatchKeys {
  private final EmailNormaliser emails;
  private final PhoneNormaliser phones;

  public MatchKeys(MatchingConfig config) {
    this.emails = new EmailNormaliser(config.foldPlusAddresses());
    this.phones = new PhoneNormaliser(config.defaultPhoneRegion());
  }

  /**
   * The key for a rule, or empty when the customer lacks usable data for it (a guest has no
   * external id, ...).
   */
  public Optional<MatchKey> keyFor(MatchRule rule, CustomerProfile customer) {
    return switch (rule) {
      case EXTERNAL_ID -> customer.externalId().map(MatchKey.ExternalId::new);
      case EMAIL -> emails.normalise(customer.email()).map(MatchKey.Email::new);
      case PHONE ->
          phones.normalise(customer.phone(), customer.countryIso2()).map(MatchKey.Phone::new);
      case NAME_AND_POSTAL_CODE -> nameAndPostalCode(customer);
    };
  }

  /**
   * Every key under which {@link #matches} would accept the candidate (external ids lower-cased,
   * since that rule compares ignoring case): a candidate indexed by these is found by exactly the
   * keys that match it.
   */
  public Set<MatchKey> keysOf(Candidate candidate) {
    Set<MatchKey> keys = new LinkedHashSet<>();
    if (candidate.externalId() != null && !candidate.externalId().isBlank()) {
      keys.add(new MatchKey.ExternalId(candidate.externalId().toLowerCase(Locale.ROOT)));
    }
    emails.normalise(candidate.email()).map(MatchKey.Email::new).ifPresent(keys::add);
    phones.normalise(candidate.phone(), null).map(MatchKey.Phone::new).ifPresent(keys::add);
    String first = loose(candidate.firstName());
    String last = loose(candidate.lastName());
    String postal = loose(candidate.postalCode());
    if (!first.isEmpty() && !last.isEmpty() && !postal.isEmpty()) {
      keys.add(new MatchKey.NameAndPostalCode(first, last, postal));
    }
    return keys;
  }

  boolean matches(MatchKey key, Candidate candidate) {
    // Java 17: no pattern matching in switch yet, hence the instanceof chain.
    if (key instanceof MatchKey.ExternalId id) {
      return id.value().equalsIgnoreCase(Objects.toString(candidate.externalId(), ""));
    }
    if (key instanceof MatchKey.Email email) {
      return emails.normalise(candidate.email()).filter(email.normalised()::equals).isPresent();
    }
    if (key instanceof MatchKey.Phone phone) {
      return phones.normalise(candidate.phone(), null).filter(phone.e164()::equals).isPresent();
    }
    MatchKey.NameAndPostalCode name = (MatchKey.NameAndPostalCode) key;
    return loose(candidate.firstName()).equals(name.firstName())
        && loose(candidate.lastName()).equals(name.lastName())
        && loose(candidate.postalCode()).equals(name.postalCode());
  }

  /** Both emails known and different after normalisation. */
  boolean emailsDisagree(CustomerProfile customer, Candidate candidate) {
    Optional<String> mine = emails.normalise(customer.email());
    Optional<String> theirs = emails.normalise(candidate.email());
    return mine.isPresent() && theirs.isPresent() && !mine.equals(theirs);
  }

  private static Optional<MatchKey> nameAndPostalCode(CustomerProfile customer) {
    String first = loose(customer.firstName());
    String last = loose(customer.lastName());
    String postal = loose(customer.postalCode());
    if (first.isEmpty() || last.isEmpty() || postal.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new MatchKey.NameAndPostalCode(first, last, postal));
  }

  /** Lower case without any whitespace: "SW1A 1AA" and "sw1a1aa" are one postal code. */
  private static String loose(String value) {
    return value == null ? "" : value.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
