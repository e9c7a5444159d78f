package io.bcsync.sync.matching;

import static io.bcsync.sync.matching.Customers.guest;
import static io.bcsync.sync.matching.Customers.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagedDryRunTest {

  @Test
  void each_page_is_prefetched_once_and_records_planned_on_an_earlier_page_are_matched_later()
      throws Exception {
    ListCandidateSource salesforce =
        new ListCandidateSource().with(Candidate.contact("003A", null, "known@example.com", null));
    DryRunMatcher.PagedRun run = DryRunMatcher.paged(MatchingConfig.defaults(), salesforce);

    run.match(List.of(registered(1, "known@example.com"), registered(2, "new@example.com")));
    // A guest typing a registered customer's e-mail attaches to its Contact but does not rewrite
    // it.
    run.match(List.of(guest("NEW@example.com", null)));
    run.match(List.of());

    MatchReport report = run.report();
    assertThat(salesforce.batchSizes()).containsExactly(2, 1);
    assertThat(run.matched()).isEqualTo(3);
    assertThat(report.entries())
        .extracting(MatchReport.Entry::decision)
        .containsExactly(
            new MatchDecision.UpdateContact("003A", MatchRule.EMAIL),
            new MatchDecision.Create(CandidateKind.CONTACT),
            new MatchDecision.UpdateContact("planned-1", MatchRule.EMAIL, true));
  }
}
