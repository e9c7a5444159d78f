package io.bcsync.sync.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the matcher over many customers without writing anything. Customers the run would create are remembered as
 * planned records, so that a later customer in the same run (a guest ordering twice, say) is reported as an update of
 * that planned record rather than as a second creation: the report then shows what a real run would do.
 */
public final class DryRunMatcher {
  private final MatchingConfig config;
  private final CandidateFinder finder;

  public DryRunMatcher(MatchingConfig config, CandidateFinder finder) {
    this.config = config;
    this.finder = finder;
  }

  public MatchReport run(Iterable<CustomerProfile> customers) {
    PlannedRecords planned = new PlannedRecords(finder);
    CustomerMatcher matcher = new CustomerMatcher(config, planned);
    List<MatchReport.Entry> entries = new ArrayList<>();
    for (CustomerProfile customer : customers) {
      MatchDecision decision = matcher.match(customer);
      if (decision instanceof MatchDecision.Create create) {
        planned.add(create.as(), customer);
      }
      entries.add(new MatchReport.Entry(customer.reference(), decision));
    }
    return new MatchReport(entries);
  }

  /** The real finder plus the records this run has decided to create, with ids like {@code planned-1}. */
  private static final class PlannedRecords implements CandidateFinder {
    private final CandidateFinder existing;
    private final List<Candidate> planned = new ArrayList<>();

    PlannedRecords(CandidateFinder existing) {
      this.existing = existing;
    }

    void add(CandidateKind kind, CustomerProfile customer) {
      planned.add(new Candidate(
          "planned-" + (planned.size() + 1),
          kind,
          customer.externalId().orElse(null),
          customer.email(),
          customer.phone(),
          customer.firstName(),
          customer.lastName(),
          customer.postalCode()));
    }

    @Override
    public List<Candidate> find(MatchKey key) {
      List<Candidate> found = new ArrayList<>(existing.find(key));
      // Over-returning is allowed by the finder contract: the matcher keeps only those that share the key.
      found.addAll(planned);
      return found;
    }
  }
}
