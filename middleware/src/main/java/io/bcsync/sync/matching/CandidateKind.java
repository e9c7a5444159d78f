package io.bcsync.sync.matching;

/** The Salesforce objects a customer can already exist as. */
public enum CandidateKind {
  CONTACT,
  LEAD
}
