package io.bcsync.sync.matching;

/** The kinds of decision, for counting in reports. */
public enum MatchOutcome {
  CREATE,
  UPDATE,
  UPDATE_LEAD,
  CONVERT_LEAD,
  REVIEW
}
