package io.bcsync.sync.matching;

/**
 * What a {@link CandidateFinder} is asked to look up. Email and phone keys are already normalised
 * ({@link EmailNormaliser}, {@link PhoneNormaliser}); a finder may return more than the exact
 * matches (for example a SOQL {@code LIKE} that cannot fold plus-addresses) because the matcher
 * re-checks every candidate against the key.
 */
public sealed interface MatchKey {

  /** {@code BC_Customer_Id__c = value} on Contact and Lead. */
  record ExternalId(String value) implements MatchKey {}

  /** A normalised email such as {@code jo@example.com}. */
  record Email(String normalised) implements MatchKey {}

  /** An E.164 number such as {@code +15125550123}. */
  record Phone(String e164) implements MatchKey {}

  /** Last name, first name and postal code, compared ignoring case and spaces. */
  record NameAndPostalCode(String firstName, String lastName, String postalCode)
      implements MatchKey {}
}
