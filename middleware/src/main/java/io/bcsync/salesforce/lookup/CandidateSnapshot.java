package io.bcsync.salesforce.lookup;

import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.MatchKey;
import io.bcsync.sync.matching.MatchKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The candidates fetched for one batch, indexed by the keys the matcher will ask for. Answers only
 * keys it was prepared for: an unprepared key means the caller matched a profile outside the batch,
 * and an empty answer would then silently create a duplicate.
 */
final class CandidateSnapshot implements CandidateFinder {
  private final Set<MatchKey> prepared;
  private final Map<MatchKey, List<Candidate>> byKey = new HashMap<>();

  CandidateSnapshot(Set<MatchKey> prepared, Iterable<Candidate> fetched, MatchKeys keys) {
    this.prepared = Set.copyOf(prepared.stream().map(CandidateSnapshot::lookupForm).toList());
    for (Candidate candidate : fetched) {
      for (MatchKey key : keys.keysOf(candidate)) {
        byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
      }
    }
  }

  @Override
  public List<Candidate> find(MatchKey key) {
    MatchKey lookup = lookupForm(key);
    if (!prepared.contains(lookup)) {
      // The key itself is contact data; name only its kind.
      throw new IllegalStateException(
          "This candidate snapshot was not prepared for this "
              + key.getClass().getSimpleName()
              + " key: prefetch the profile's batch first");
    }
    return List.copyOf(byKey.getOrDefault(lookup, List.of()));
  }

  /** External ids are compared ignoring case by the matcher, so they are indexed lower-cased. */
  private static MatchKey lookupForm(MatchKey key) {
    return key instanceof MatchKey.ExternalId id
        ? new MatchKey.ExternalId(id.value().toLowerCase(Locale.ROOT))
        : key;
  }
}
