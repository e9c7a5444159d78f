package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Numbers: exact decimals rounded to the field's scale, formats into text, and non-numbers. */
class NumberTransformsTest extends TransformTestBase {
  @Test
  void money_strings_become_exact_big_decimals_rounded_to_the_field_scale() {
    MappedRecord record =
        map(
            "Amount__c: $.customer.total\nCount__c: $.customer.count",
            """
        {"total": "0.1000", "count": 3}""");

    assertThat(record.fields().get("Amount__c")).isEqualTo(new BigDecimal("0.10"));
    assertThat(record.fields().get("Count__c")).isEqualTo(new BigDecimal("3"));
    assertThat(
            map(
                    "Amount__c: $.customer.total",
                    """
        {"total": "19.9950"}""")
                .fields()
                .get("Amount__c"))
        .isEqualTo(new BigDecimal("20.00"));
  }

  @Test
  void a_number_that_is_not_one_fails_the_record_without_echoing_the_value() {
    assertThatThrownBy(
            () ->
                map(
                    "Amount__c: $.customer.total",
                    """
        {"total": "twelve dollars"}"""))
        .isInstanceOf(RecordMappingException.class)
        .hasMessage("Probe__c.Amount__c: not a number");
  }

  @Test
  void number_format_and_scale_into_text() {
    assertThat(
            map(
                    "Text__c: { path: $.customer.total, format: \"#,##0.00\" }",
                    """
        {"total": "1234.5"}""")
                .fields())
        .containsEntry("Text__c", "1,234.50");
    assertThat(
            map(
                    "Text__c: { path: $.customer.total, scale: 1 }",
                    """
        {"total": "2.25"}""")
                .fields())
        .containsEntry("Text__c", "2.3");
  }
}
