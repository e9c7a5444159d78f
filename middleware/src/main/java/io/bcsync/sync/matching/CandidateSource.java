package io.bcsync.sync.matching;

import java.util.Collection;

/**
 * Where candidates come from for a whole batch of customers at once. Matching one customer at a
 * time would cost a Salesforce query per customer (2,000 customers, 2,000 calls); a batch is
 * instead looked up with a handful of queries, and the {@link CustomerMatcher} then reads the
 * answers from the returned snapshot.
 *
 * <p>The snapshot must honour the {@link CandidateFinder} contract for every key of every given
 * profile under the given configuration (including phone and name-and-postal-code keys): every
 * Contact and unconverted Lead that could match, never a converted Lead. A key it was not prepared
 * for must fail loudly rather than answer empty.
 */
public interface CandidateSource {
  CandidateFinder prefetch(Collection<CustomerProfile> profiles, MatchingConfig config)
      throws Exception;
}
