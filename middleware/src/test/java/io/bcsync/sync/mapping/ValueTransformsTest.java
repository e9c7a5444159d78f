package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Plain values: constants and checkboxes, and what a field gets when the path finds nothing or
 * finds an object.
 */
class ValueTransformsTest extends TransformTestBase {
  @Test
  void constant() {
    assertThat(map("Text__c: { constant: Web }", "{}").fields()).containsEntry("Text__c", "Web");
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
