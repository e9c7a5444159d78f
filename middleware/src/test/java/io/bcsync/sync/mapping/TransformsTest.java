package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each transform, through the public path: a store file, the loader's validation, and the mapper.
 */
class TransformsTest {
  /** An org with one custom object holding a field of each kind the transforms target. */
  private static final SalesforceSchema ORG =
      SalesforceSchema.combined(
          List.of(
              Fixtures.packageSchema(),
              name ->
                  name.equals("Probe__c")
                      ? Optional.of(
                          new ObjectSchema(
                              name,
                              List.of(
                                  new FieldSchema("Text__c", FieldType.TEXT, 10, false, null),
                                  new FieldSchema(
                                      "Long_Text__c", FieldType.TEXT_AREA, 255, false, null),
                                  new FieldSchema("Amount__c", FieldType.CURRENCY, null, false, 2),
                                  new FieldSchema("Count__c", FieldType.NUMBER, null, false, null),
                                  new FieldSchema("Day__c", FieldType.DATE, null, false, null),
                                  new FieldSchema(
                                      "Moment__c", FieldType.DATETIME, null, false, null),
                                  new FieldSchema("Flag__c", FieldType.CHECKBOX, null, false, null),
                                  new FieldSchema("Needed__c", FieldType.TEXT, 80, true, null))))
                      : Optional.empty()));

  @TempDir Path dir;

  private MappedRecord map(String fields, String customerJson) {
    return map(fields, "", customerJson);
  }

  private MappedRecord map(String fields, String lookups, String customerJson) {
    String yaml =
        "objects:\n  Probe__c:\n    source: customer\n    fields:\n      Needed__c: { constant: x }\n"
            + fields.indent(6)
            + lookups;
    StoreSyncConfig config = new SyncConfigLoader(ORG).load(Fixtures.write(dir, "probe.yml", yaml));
    JsonNode customer;
    try {
      customer = Fixtures.JSON.readTree(customerJson);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
    return new SyncMapper(config.mapping())
        .mapCustomer("Probe__c", SourceDocuments.customer("abc123", customer));
  }

  @Test
  void constant() {
    assertThat(map("Text__c: { constant: Web }", "{}").fields()).containsEntry("Text__c", "Web");
  }

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

  @Test
  void rfc2822_dates_keep_their_written_calendar_day() {
    // 23:47 UTC on 30 November: a JVM in America/Chicago must not turn this into another day, nor
    // Asia/Tokyo.
    MappedRecord record =
        map(
            "Day__c: { path: $.customer.at, date: rfc2822 }\nMoment__c: { path: $.customer.at, date: rfc2822 }",
            """
        {"at": "Sat, 30 Nov 2024 23:47:09 +0000"}""");

    assertThat(record.fields().get("Day__c")).isEqualTo(LocalDate.of(2024, 11, 30));
    assertThat(record.fields().get("Moment__c")).isEqualTo(Instant.parse("2024-11-30T23:47:09Z"));
  }

  @Test
  void a_zone_gives_the_calendar_day_in_the_stores_time_zone() {
    MappedRecord record =
        map(
            "Day__c: { path: $.customer.at, date: rfc2822, zone: Asia/Tokyo }",
            """
        {"at": "Sat, 30 Nov 2024 23:47:09 +0000"}""");

    assertThat(record.fields().get("Day__c")).isEqualTo(LocalDate.of(2024, 12, 1));
  }

  @Test
  void iso_dates_are_detected_and_patterns_are_supported() {
    assertThat(
            map(
                    "Day__c: $.customer.at",
                    """
        {"at": "2018-11-13T21:42:06Z"}""")
                .fields())
        .containsEntry("Day__c", LocalDate.of(2018, 11, 13));
    assertThat(
            map(
                    "Day__c: { path: $.customer.at, date: dd/MM/yyyy }",
                    """
        {"at": "05/03/2019"}""")
                .fields())
        .containsEntry("Day__c", LocalDate.of(2019, 3, 5));
    assertThat(
            map(
                    "Text__c: { path: $.customer.at, date: rfc2822, format: yyyy-MM-dd }",
                    """
        {"at": "Tue, 05 Mar 2019 21:40:11 +0000"}""")
                .fields())
        .containsEntry("Text__c", "2019-03-05");
  }

  @Test
  void a_datetime_without_offset_needs_a_zone() {
    assertThatThrownBy(
            () ->
                map(
                    "Moment__c: { path: $.customer.at, date: \"yyyy-MM-dd HH:mm\" }",
                    """
        {"at": "2019-03-05 21:40"}"""))
        .hasMessageContaining("set zone:");
    assertThat(
            map(
                    "Moment__c: { path: $.customer.at, date: \"yyyy-MM-dd HH:mm\", zone: America/Chicago }",
                    """
        {"at": "2019-03-05 21:40"}""")
                .fields())
        .containsEntry("Moment__c", Instant.parse("2019-03-06T03:40:00Z"));
  }

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

  @Test
  void checkbox_values() {
    assertThat(
            map(
                    "Flag__c: $.customer.opt_in",
                    """
        {"opt_in": true}""")
                .fields())
        .containsEntry("Flag__c", true);
    assertThat(
            map(
                    "Flag__c: $.customer.opt_in",
                    """
        {"opt_in": 0}""")
                .fields())
        .containsEntry("Flag__c", false);
  }

  @Test
  void absent_and_empty_values_are_left_out_not_sent_as_null() {
    MappedRecord record =
        map(
            "Text__c: $.customer.missing\nLong_Text__c: $.customer.empty\nCount__c: $.customer.nothing.deeper",
            """
        {"empty": "", "nothing": null}""");

    assertThat(record.fields()).containsOnlyKeys("Needed__c");
  }

  @Test
  void a_required_field_without_a_value_fails_naming_field_and_mapping_line() {
    StoreSyncConfig config =
        new SyncConfigLoader(ORG)
            .load(
                Fixtures.write(
                    dir,
                    "probe.yml",
                    """
        objects:
          Probe__c:
            source: customer
            fields:
              Needed__c: $.customer.key
        """));
    SyncMapper mapper = new SyncMapper(config.mapping());

    assertThatThrownBy(
            () ->
                mapper.mapCustomer(
                    "Probe__c",
                    SourceDocuments.customer("abc123", Fixtures.JSON.createObjectNode())))
        .isInstanceOf(RecordMappingException.class)
        .hasMessage(
            "Probe__c.Needed__c is required but its mapping ("
                + dir.resolve("probe.yml")
                + ":5) gave no value");
  }

  @Test
  void a_path_selecting_an_object_is_an_error_not_a_string() {
    assertThatThrownBy(
            () ->
                map(
                    "Long_Text__c: $.customer.address",
                    """
        {"address": {"city": "Austin"}}"""))
        .hasMessageContaining("selects an object, not a value");
  }
}
