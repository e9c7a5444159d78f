package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.console.FieldComparison.Field;
import io.bcsync.console.FieldComparison.Verdict;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CustomerProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

class FieldComparisonTest {
  static final CustomerProfile CUSTOMER =
      new CustomerProfile(
          "customer 7",
          "s1",
          7L,
          "Tess.Twin@Example.com",
          "Tess",
          "Twin",
          null,
          "+1 (555) 010-2030",
          "SW1A 1AA",
          "GB");

  @Test
  void each_candidate_field_says_in_words_whether_it_is_the_same_differs_or_is_not_set() {
    Candidate candidate =
        new Candidate(
            "003000000000001AAA",
            CandidateKind.CONTACT,
            null,
            " tess.twin@example.com ",
            "555-010-2030",
            "Tom",
            null,
            "sw1a1aa");

    List<Field> fields = FieldComparison.of(CUSTOMER, candidate);

    assertThat(fields)
        .extracting(Field::label, Field::verdict)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("E-mail", Verdict.SAME),
            org.assertj.core.groups.Tuple.tuple("Phone", Verdict.SAME),
            org.assertj.core.groups.Tuple.tuple("First name", Verdict.DIFFERS),
            org.assertj.core.groups.Tuple.tuple("Last name", Verdict.MISSING),
            org.assertj.core.groups.Tuple.tuple("Postal code", Verdict.SAME));
    assertThat(fields.get(2).differs()).isTrue();
    assertThat(fields.get(2).value()).isEqualTo("Tom");
    assertThat(Verdict.MISSING.text()).isEqualTo("not set");
  }

  @Test
  void the_customer_column_has_the_same_fields_in_the_same_order_and_a_missing_side_has_none() {
    assertThat(FieldComparison.fieldsOf(CUSTOMER))
        .extracting(Field::label)
        .containsExactlyElementsOf(FieldComparison.labels());
    assertThat(FieldComparison.fieldsOf(null)).isEmpty();
    assertThat(FieldComparison.of(CUSTOMER, null)).isEmpty();
  }

  @Test
  void phones_compare_by_their_last_ten_digits() {
    assertThat(
            FieldComparison.verdict("+44 20 7946 0958", "020 7946 0958", FieldComparison::digits))
        .isEqualTo(Verdict.SAME);
    assertThat(
            FieldComparison.verdict("+44 20 7946 0958", "020 7946 0959", FieldComparison::digits))
        .isEqualTo(Verdict.DIFFERS);
  }
}
