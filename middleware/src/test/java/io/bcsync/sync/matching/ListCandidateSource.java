package io.bcsync.sync.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An in-process {@link CandidateSource} answering from a list of Contacts and Leads, for tests of
 * code that runs matching over batches. Like the real source it is asked once per batch, and like
 * the contract demands, the snapshot it returns refuses keys of customers it was not prefetched
 * for. It records each batch's size.
 */
public final class ListCandidateSource implements CandidateSource {
  private final List<Candidate> records = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();

  public ListCandidateSource with(Candidate... candidates) {
    records.addAll(List.of(candidates));
    return this;
  }

  /** Sizes of the batches prefetched so far, in order. */
  public synchronized List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  @Override
  public synchronized CandidateFinder prefetch(
      Collection<CustomerProfile> profiles, MatchingConfig config) {
    batchSizes.add(profiles.size());
    MatchKeys keys = new MatchKeys(config);
    Set<MatchKey> prepared = new HashSet<>();
    for (CustomerProfile profile : profiles) {
      for (MatchRule rule : config.rules()) {
        keys.keyFor(rule, profile).ifPresent(prepared::add);
      }
    }
    InMemoryCandidateFinder finder =
        new InMemoryCandidateFinder().with(records.toArray(Candidate[]::new));
    return key -> {
      if (!prepared.contains(key)) {
        throw new IllegalStateException("key not prefetched: " + key.getClass().getSimpleName());
      }
      return finder.find(key);
    };
  }
}
