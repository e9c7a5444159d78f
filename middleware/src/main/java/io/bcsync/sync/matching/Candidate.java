package io.bcsync.sync.matching;

/**
 * An existing Contact or (unconverted) Lead that a {@link CandidateFinder} returned. Fields hold
 * the record's values as stored in Salesforce, not normalised; the matcher normalises them itself.
 *
 * @param externalId the record's {@code BC_Customer_Id__c}, or {@code null} when it was never
 *     linked
 * @param storeHash the hash of the store its {@code BC_Store__c} names, or {@code null} when it has
 *     none (or the org has no such lookup): see {@link #ownerStore()}
 */
public record Candidate(
    String id,
    CandidateKind kind,
    String externalId,
    String email,
    String phone,
    String firstName,
    String lastName,
    String postalCode,
    String storeHash) {

  /** A candidate whose store is known only from its external id, if at all. */
  public Candidate(
      String id,
      CandidateKind kind,
      String externalId,
      String email,
      String phone,
      String firstName,
      String lastName,
      String postalCode) {
    this(id, kind, externalId, email, phone, firstName, lastName, postalCode, null);
  }

  public static Candidate contact(String id, String externalId, String email, String phone) {
    return new Candidate(id, CandidateKind.CONTACT, externalId, email, phone, null, null, null);
  }

  public static Candidate lead(String id, String externalId, String email, String phone) {
    return new Candidate(id, CandidateKind.LEAD, externalId, email, phone, null, null, null);
  }

  /**
   * The store the record belongs to: its {@code BC_Store__c}, else the store its {@code
   * BC_Customer_Id__c} is qualified by; null for a record no store claims (created in Salesforce
   * and never linked).
   */
  public String ownerStore() {
    return storeHash != null && !storeHash.isBlank() ? storeHash : ExternalIds.storeOf(externalId);
  }

  /** Linked to a registered BigCommerce customer (of any store). */
  public boolean registered() {
    return externalId != null && !externalId.isBlank();
  }

  /**
   * Without email, phone, names or postal code: a decision that ends up in a log line must not
   * carry them.
   */
  @Override
  public String toString() {
    return "Candidate["
        + kind
        + " "
        + id
        + (externalId == null ? "" : ", linked to " + externalId)
        + (storeHash == null ? "" : ", store " + storeHash)
        + "]";
  }

  public Candidate withName(String first, String last, String postal) {
    return new Candidate(id, kind, externalId, email, phone, first, last, postal, storeHash);
  }

  public Candidate withStore(String store) {
    return new Candidate(
        id, kind, externalId, email, phone, firstName, lastName, postalCode, store);
  }
}
