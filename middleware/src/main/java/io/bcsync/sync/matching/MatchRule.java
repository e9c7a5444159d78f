package io.bcsync.sync.matching;

/** The rules a store can list, in the order it wants them tried. */
public enum MatchRule {
  /** {@code BC_Customer_Id__c} equals the store-qualified customer id. Never applies to guests. */
  EXTERNAL_ID,
  /** Same normalised email. */
  EMAIL,
  /** Same phone number in E.164. */
  PHONE,
  /**
   * Same first name, last name and postal code: only ever a reason to ask a person, never an
   * automatic match.
   */
  NAME_AND_POSTAL_CODE;

  public boolean automatic() {
    return this != NAME_AND_POSTAL_CODE;
  }
}
