package io.bcsync.backfill;

import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.matching.MatchOutcome;
import io.bcsync.sync.matching.MatchReport;
import io.bcsync.sync.matching.MatchRule;
import java.util.List;
import java.util.Map;

/**
 * A dry-run match report as the admin API returns it. Customers are named by reference ("abc123
 * customer 11", "abc123 guest order 3052") and Salesforce records by id and kind: no email, phone,
 * name or postal code.
 *
 * @param truncated true when the store had more customers in the range than one report covers
 *     ({@code bcsync.backfill.match-report-max-customers}); report narrower date ranges
 */
public record MatchReportView(
    String store,
    String since,
    String until,
    boolean guests,
    int customers,
    boolean truncated,
    Map<MatchOutcome, Integer> counts,
    List<Entry> entries) {

  /**
   * @param target the Contact or Lead that would be updated or converted, or the kind a creation
   *     would make
   * @param rule the rule that decided, null for a creation
   * @param candidates the records a person has to choose among (review only)
   */
  public record Entry(
      String customer,
      MatchOutcome outcome,
      MatchRule rule,
      String target,
      List<CandidateRef> candidates,
      String reason) {}

  /**
   * A Salesforce record by id only; {@code linked} says it already carries another BigCommerce
   * customer id.
   */
  public record CandidateRef(String id, CandidateKind kind, boolean linked) {}

  static MatchReportView of(
      String store,
      String since,
      String until,
      boolean guests,
      boolean truncated,
      MatchReport report) {
    List<Entry> entries = report.entries().stream().map(MatchReportView::entry).toList();
    return new MatchReportView(
        store, since, until, guests, entries.size(), truncated, report.counts(), entries);
  }

  private static Entry entry(MatchReport.Entry entry) {
    MatchDecision decision = entry.decision();
    MatchRule rule = decision.matchedBy().orElse(null);
    if (decision instanceof MatchDecision.Create create) {
      return new Entry(
          entry.customer(), decision.outcome(), null, create.as().name(), List.of(), null);
    }
    if (decision instanceof MatchDecision.Review review) {
      return new Entry(
          entry.customer(),
          decision.outcome(),
          rule,
          null,
          review.candidates().stream().map(MatchReportView::ref).toList(),
          review.reason());
    }
    return new Entry(entry.customer(), decision.outcome(), rule, target(decision), List.of(), null);
  }

  private static String target(MatchDecision decision) {
    if (decision instanceof MatchDecision.UpdateContact update) {
      return update.contactId();
    }
    if (decision instanceof MatchDecision.UpdateLead update) {
      return update.leadId();
    }
    if (decision instanceof MatchDecision.ConvertLead convert) {
      return convert.leadId();
    }
    throw new IllegalStateException("unknown decision " + decision.outcome());
  }

  private static CandidateRef ref(Candidate candidate) {
    return new CandidateRef(candidate.id(), candidate.kind(), candidate.externalId() != null);
  }
}
