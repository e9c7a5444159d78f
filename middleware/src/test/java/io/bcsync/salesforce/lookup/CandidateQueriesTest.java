package io.bcsync.salesforce.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.MatchKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LIKE patterns built from what shoppers type stay bounded, anchored and escaped. */
class CandidateQueriesTest {
  private final CandidateQueries contacts = new CandidateQueries(CandidateKind.CONTACT, false);

  private String where(MatchKey key) {
    List<String> statements = contacts.statements(List.of(key), List.of(), 30_000);
    assertThat(statements).hasSize(1);
    return statements.get(0).substring(statements.get(0).indexOf(" WHERE ") + 7);
  }

  @Test
  void a_long_name_and_postal_code_are_cut_to_a_bounded_pattern_ending_in_a_wildcard() {
    String where = where(new MatchKey.NameAndPostalCode("ann", "x".repeat(500), "1".repeat(200)));

    assertThat(where)
        .isEqualTo(
            "((LastName LIKE '"
                + "x%".repeat(CandidateQueries.NAME_CHARS)
                + "' AND MailingPostalCode LIKE '"
                + "1%".repeat(CandidateQueries.POSTAL_CODE_CHARS)
                + "'))");
    assertThat(where.length()).isLessThan(120);
  }

  @Test
  void patterns_never_start_with_a_wildcard_and_a_short_value_is_matched_to_its_end() {
    assertThat(where(new MatchKey.NameAndPostalCode("ann", "smith", "sw1a1aa")))
        .isEqualTo("((LastName LIKE 's%m%i%t%h' AND MailingPostalCode LIKE 's%w%1%a%1%a%a'))");
  }

  @Test
  void wildcards_a_shopper_types_are_escaped() {
    assertThat(where(new MatchKey.NameAndPostalCode("ann", "o_b%", "1\\'2")))
        .isEqualTo("((LastName LIKE 'o%\\_%b%\\%' AND MailingPostalCode LIKE '1%\\\\%\\'%2'))");
  }
}
