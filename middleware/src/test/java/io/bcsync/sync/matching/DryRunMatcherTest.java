package io.bcsync.sync.matching;

import static io.bcsync.sync.matching.Customers.guest;
import static io.bcsync.sync.matching.Customers.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DryRunMatcherTest {

  @Test
  void reports_each_outcome_and_counts_them() {
    InMemoryCandidateFinder salesforce =
        new InMemoryCandidateFinder()
            .with(
                Candidate.contact("003A", "abc123:1", "one@example.com", null),
                Candidate.lead("00QB", null, "lead@example.com", null),
                Candidate.contact("003C", null, "twice@example.com", null),
                Candidate.contact("003D", null, "TWICE@example.com", null));
    DryRunMatcher dryRun =
        new DryRunMatcher(
            MatchingConfig.defaults().withLeadPolicy(LeadPolicy.CONVERT_LEAD), salesforce);

    MatchReport report =
        dryRun.run(
            List.of(
                registered(1, "one@example.com"),
                registered(2, "lead@example.com"),
                registered(3, "twice@example.com"),
                registered(4, "new@example.com")));

    assertThat(report.counts())
        .containsEntry(MatchOutcome.UPDATE, 1)
        .containsEntry(MatchOutcome.CONVERT_LEAD, 1)
        .containsEntry(MatchOutcome.REVIEW, 1)
        .containsEntry(MatchOutcome.CREATE, 1)
        .containsEntry(MatchOutcome.UPDATE_LEAD, 0);
    assertThat(report.withOutcome(MatchOutcome.REVIEW))
        .extracting(MatchReport.Entry::customer)
        .containsExactly("abc123 customer 3");
  }

  @Test
  void a_customer_seen_twice_in_one_run_is_created_once() {
    DryRunMatcher dryRun =
        new DryRunMatcher(MatchingConfig.defaults(), new InMemoryCandidateFinder());

    MatchReport report =
        dryRun.run(List.of(guest("Repeat@example.com", null), guest("repeat@example.com", null)));

    assertThat(report.entries())
        .extracting(entry -> entry.decision())
        .containsExactly(
            new MatchDecision.Create(CandidateKind.CONTACT),
            new MatchDecision.UpdateContact("planned-1", MatchRule.EMAIL));
  }

  @Test
  void the_report_names_customers_without_contact_data() {
    DryRunMatcher dryRun =
        new DryRunMatcher(MatchingConfig.defaults(), new InMemoryCandidateFinder());

    MatchReport report = dryRun.run(List.of(guest("private@example.com", "512-555-0123")));

    assertThat(report.entries().get(0).customer())
        .isEqualTo("abc123 guest order 1")
        .doesNotContain("private");
  }

  @Test
  void a_review_decision_printed_in_a_log_line_shows_no_contact_data() {
    InMemoryCandidateFinder salesforce =
        new InMemoryCandidateFinder()
            .with(
                Candidate.contact("003A", null, "private@example.com", "+15125550123"),
                Candidate.contact("003B", "abc123:9", "PRIVATE@example.com", null));

    MatchDecision decision =
        new CustomerMatcher(MatchingConfig.defaults(), salesforce)
            .match(guest("private@example.com", null));

    assertThat(decision.toString())
        .contains("003A", "003B", "abc123:9")
        .doesNotContain("private", "555");
  }
}
