package io.bcsync.sync.matching;

/**
 * An existing Contact or (unconverted) Lead that a {@link CandidateFinder} returned. Fields hold
 * the record's values as stored in Salesforce, not normalised; the matcher normalises them itself.
 *
 * @param externalId the record's {@code BC_Customer_Id__c}, or {@code null} when it was never
 *     linked
 */
public record Candidate(
    String id,
    CandidateKind kind,
    String externalId,
    String email,
    String phone,
    String firstName,
    String lastName,
    String postalCode) {

  public static Candidate contact(String id, String externalId, String email, String phone) {
    return new Candidate(id, CandidateKind.CONTACT, externalId, email, phone, null, null, null);
  }

  public static Candidate lead(String id, String externalId, String email, String phone) {
    return new Candidate(id, CandidateKind.LEAD, externalId, email, phone, null, null, null);
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
        + "]";
  }

  public Candidate withName(String first, String last, String postal) {
    return new Candidate(id, kind, externalId, email, phone, first, last, postal);
  }
}
