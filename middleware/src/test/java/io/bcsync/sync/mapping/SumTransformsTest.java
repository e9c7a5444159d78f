package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code sum}, with {@code subtract} and {@code divide_by}: exact, and checked at startup. */
class SumTransformsTest extends TransformTestBase {
  @Test
  void sum_adds_every_number_the_paths_select_exactly() {
    MappedRecord record =
        map(
            "Amount__c: { sum: [\"$.customer.discounts[*].amount\", $.customer.extra] }",
            """
        {"discounts": [{"amount": "0.1000"}, {"amount": "0.2000"}, {"amount": 1}], "extra": "2.0050"}""");

    assertThat(record.fields().get("Amount__c")).isEqualTo(new BigDecimal("3.31"));
  }

  @Test
  void sum_of_an_empty_list_is_zero_but_a_missing_single_value_gives_no_value() {
    assertThat(
            map(
                    "Amount__c: { sum: [\"$.customer.discounts[*].amount\"] }",
                    """
        {"discounts": []}""")
                .fields()
                .get("Amount__c"))
        .isEqualTo(new BigDecimal("0.00"));
    assertThat(
            map(
                    "Amount__c: { sum: [\"$.customer.discounts[*].amount\", $.customer.extra] }",
                    """
        {"discounts": [{"amount": "1.00"}]}""")
                .fields())
        .doesNotContainKey("Amount__c");
  }

  @Test
  void sum_subtracts_and_divides_rounding_to_the_field_scale() {
    String unitPrice =
        "Amount__c: { sum: [$.customer.total], subtract: [\"$.customer.discounts[*]\"], divide_by: $.customer.qty }";

    assertThat(
            map(
                    unitPrice,
                    """
        {"total": "30.0000", "discounts": ["2.5000", "0.5000"], "qty": 2}""")
                .fields()
                .get("Amount__c"))
        .isEqualTo(new BigDecimal("13.50"));
    assertThat(
            map(
                    unitPrice,
                    """
        {"total": "30.0000", "discounts": ["1.0000"], "qty": 3}""")
                .fields()
                .get("Amount__c"))
        .isEqualTo(new BigDecimal("9.67"));
    MappedRecord byZero =
        map(
            unitPrice,
            """
        {"total": "30.0000", "discounts": [], "qty": 0}""");
    assertThat(byZero.fields()).doesNotContainKey("Amount__c");
    assertThat(byZero.notes())
        .containsExactly("Probe__c.Amount__c: divide_by $.customer.qty is 0, no value");
  }

  @Test
  void sum_of_something_that_is_not_a_number_fails_the_record_without_echoing_it() {
    assertThatThrownBy(
            () ->
                map(
                    "Amount__c: { sum: [\"$.customer.discounts[*]\"] }",
                    """
        {"discounts": ["1.00", "secret text"]}"""))
        .isInstanceOf(RecordMappingException.class)
        .hasMessage("Probe__c.Amount__c: sum of something that is not a number");
  }

  @Test
  void sum_options_are_checked_at_startup() {
    assertThat(
            problems(
                """
        Amount__c: { sum: [$.customer.a], divide_by: "$.customer.q[*]" }
        Count__c: { path: $.customer.a, subtract: [$.customer.b] }
        Text__c: { sum: $.customer.a }"""))
        .containsExactlyInAnyOrder(
            "Probe__c.Amount__c: divide_by needs a path to one value, not a list",
            "Probe__c.Count__c: subtract only applies to sum",
            "Probe__c.Text__c: sum needs a list of paths");
    assertThat(problems("Day__c: { sum: [$.customer.a] }"))
        .containsExactly("Probe__c.Day__c: sum: gives a number, but the field is DATE");
  }

  private List<String> problems(String fields) {
    try {
      map(fields, "{}");
    } catch (InvalidMappingException e) {
      return e.problems().stream().map(p -> p.subject() + ": " + p.message()).toList();
    }
    throw new AssertionError("the mapping was accepted");
  }
}
