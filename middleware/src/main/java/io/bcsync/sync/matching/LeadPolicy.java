package io.bcsync.sync.matching;

/** What to do when the customer matches an unconverted Lead. */
public enum LeadPolicy {
  /** Keep the Lead and enrich it with the customer's data. */
  UPDATE_LEAD,
  /** Convert the Lead to a Contact (and Account) and update that. */
  CONVERT_LEAD
}
