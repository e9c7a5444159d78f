package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Text: lookup tables, concatenation, joined path results, and truncation to the field length. */
class TextTransformsTest extends TransformTestBase {
  @Test
  void lookup_tables_translate_and_a_miss_is_noted_and_falls_back_to_the_default() {
    String lookups = "lookups:\n  tier:\n    \"1\": Gold\n    \"2\": Silver\n";
    MappedRecord hit =
        map(
            "Text__c: { path: $.customer.group, lookup: tier, default: None }",
            lookups,
            """
        {"group": 1}""");
    MappedRecord miss =
        map(
            "Text__c: { path: $.customer.group, lookup: tier, default: None }",
            lookups,
            """
        {"group": 7}""");

    assertThat(hit.fields()).containsEntry("Text__c", "Gold");
    assertThat(hit.notes()).isEmpty();
    assertThat(miss.fields()).containsEntry("Text__c", "None");
    assertThat(miss.notes()).containsExactly("Probe__c.Text__c: no entry for '7' in lookup tier");
  }

  @Test
  void concatenation_needs_every_part_unless_blanks_may_be_skipped() {
    String json =
        """
        {"a": "North", "b": "", "c": "Wing"}""";
    assertThat(
            map(
                    "Long_Text__c: { concat: [$.customer.a, $.customer.b, $.customer.c], separator: \"/\" }",
                    json)
                .fields())
        .doesNotContainKey("Long_Text__c");
    assertThat(
            map(
                    "Long_Text__c: { concat: [$.customer.a, $.customer.b, $.customer.c], separator: \"/\", skip_blank: true }",
                    json)
                .fields())
        .containsEntry("Long_Text__c", "North/Wing");
    assertThat(
            map(
                    "Long_Text__c: { concat: [{ constant: \"#\" }, $.customer.n] }",
                    """
        {"n": 218}""")
                .fields())
        .containsEntry("Long_Text__c", "#218");
  }

  @Test
  void several_path_results_are_joined() {
    assertThat(
            map(
                    "Long_Text__c: { path: \"$.customer.tags[*].name\", join: \" | \" }",
                    """
        {"tags": [{"name": "vip"}, {"name": ""}, {"name": "wholesale"}]}""")
                .fields())
        .containsEntry("Long_Text__c", "vip | wholesale");
  }

  @Test
  void text_is_truncated_to_the_field_length_and_the_truncation_is_noted() {
    MappedRecord record =
        map(
            "Text__c: $.customer.name",
            """
        {"name": "Bartholomew Featherstonehaugh"}""");

    assertThat(record.fields()).containsEntry("Text__c", "Bartholome");
    assertThat(record.notes())
        .containsExactly("Probe__c.Text__c truncated from 29 to 10 characters");
  }

  @Test
  void truncation_never_splits_a_surrogate_pair() {
    MappedRecord record =
        map(
            "Text__c: $.customer.name",
            """
        {"name": "123456789\\uD83D\\uDE00yz"}""");

    assertThat((String) record.fields().get("Text__c")).isEqualTo("123456789");
  }

  @Test
  void truncate_false_fails_instead() {
    assertThatThrownBy(
            () ->
                map(
                    "Text__c: { path: $.customer.name, truncate: false }",
                    """
        {"name": "Bartholomew Featherstonehaugh"}"""))
        .isInstanceOf(RecordMappingException.class)
        .hasMessage(
            "Probe__c.Text__c: value has 29 characters, the field holds 10 (truncate: false)");
  }
}
