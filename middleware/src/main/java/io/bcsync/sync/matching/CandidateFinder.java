package io.bcsync.sync.matching;

import java.util.List;

/**
 * Looks up existing Contacts and unconverted Leads for a match key. The production implementation
 * queries Salesforce (SOQL through the Salesforce connector); tests use {@code
 * InMemoryCandidateFinder}.
 *
 * <p>Contract: return every Contact and every unconverted Lead that could match the key (false
 * positives are fine, the matcher filters them out; misses are not, they become duplicates).
 * Converted Leads must not be returned.
 */
public interface CandidateFinder {
  List<Candidate> find(MatchKey key);
}
