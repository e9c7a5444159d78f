package io.bcsync.sync.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs the matcher over many customers without writing anything. Customers the run would create are
 * remembered as planned records, so that a later customer in the same run (a guest ordering twice,
 * say) is reported as an update of that planned record rather than as a second creation: the report
 * then shows what a real run would do.
 */
public final class DryRunMatcher {
  private final MatchingConfig config;
  private final CandidateFinder finder;

  public DryRunMatcher(MatchingConfig config, CandidateFinder finder) {
    this.config = config;
    this.finder = finder;
  }

  public MatchReport run(Iterable<CustomerProfile> customers) {
    List<Candidate> planned = new ArrayList<>();
    List<MatchReport.Entry> entries = new ArrayList<>();
    match(config, new PlannedRecords(finder, planned), customers, entries);
    return new MatchReport(entries);
  }

  /**
   * A dry run over customers that arrive page by page (a large store), each page matched against a
   * snapshot {@code source} prefetches for that page alone, while records planned on earlier pages
   * stay visible to later ones, as in {@link #run}.
   */
  public static PagedRun paged(MatchingConfig config, CandidateSource source) {
    return new PagedRun(config, source);
  }

  private static void match(
      MatchingConfig config,
      PlannedRecords finder,
      Iterable<CustomerProfile> customers,
      List<MatchReport.Entry> entries) {
    CustomerMatcher matcher = new CustomerMatcher(config, finder);
    for (CustomerProfile customer : customers) {
      MatchDecision decision = matcher.match(customer);
      if (decision instanceof MatchDecision.Create create) {
        finder.add(create.as(), customer);
      }
      entries.add(new MatchReport.Entry(customer.reference(), decision));
    }
  }

  /** See {@link #paged}: call {@link #match} per page, then {@link #report}. */
  public static final class PagedRun {
    private final MatchingConfig config;
    private final CandidateSource source;
    private final List<Candidate> planned = new ArrayList<>();
    private final List<MatchReport.Entry> entries = new ArrayList<>();

    private PagedRun(MatchingConfig config, CandidateSource source) {
      this.config = config;
      this.source = source;
    }

    /** Prefetches candidates for this page (one batch lookup) and matches its customers. */
    public void match(List<CustomerProfile> page) throws Exception {
      if (page.isEmpty()) {
        return;
      }
      CandidateFinder snapshot = source.prefetch(page, config);
      DryRunMatcher.match(config, new PlannedRecords(snapshot, planned), page, entries);
    }

    public int matched() {
      return entries.size();
    }

    public MatchReport report() {
      return new MatchReport(entries);
    }
  }

  /**
   * The real finder plus the records this run has decided to create, with ids like {@code
   * planned-1}.
   */
  private static final class PlannedRecords implements CandidateFinder {
    private final CandidateFinder existing;
    private final List<Candidate> planned;

    PlannedRecords(CandidateFinder existing, List<Candidate> planned) {
      this.existing = existing;
      this.planned = planned;
    }

    void add(CandidateKind kind, CustomerProfile customer) {
      planned.add(
          new Candidate(
              "planned-" + (planned.size() + 1),
              kind,
              customer.externalId().orElse(null),
              customer.email(),
              customer.phone(),
              customer.firstName(),
              customer.lastName(),
              customer.postalCode(),
              customer.storeHash()));
    }

    @Override
    public List<Candidate> find(MatchKey key) {
      List<Candidate> found = new ArrayList<>(existing.find(key));
      // Over-returning is allowed by the finder contract: the matcher keeps only those that share
      // the key.
      found.addAll(planned);
      return found;
    }
  }
}
