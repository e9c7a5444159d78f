package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.LeadPolicy;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.matching.MatchingConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncConfigLoaderTest {
  private final SyncConfigLoader loader = new SyncConfigLoader(Fixtures.packageSchema());
  @TempDir Path dir;

  @Test
  void the_shipped_defaults_validate_against_the_real_package_metadata() {
    StoreSyncConfig config = loader.loadDefaults();

    assertThat(config.mapping().objects().keySet())
        .containsExactlyInAnyOrder(
            "Order",
            "OrderItem",
            "Opportunity",
            "OpportunityLineItem",
            "BC_Order__c",
            "BC_Order_Line__c",
            "Contact",
            "Lead",
            "Account");
    assertThat(config.orders()).isEqualTo(new OrderTarget("Order"));
    assertThat(config.matching().rules())
        .containsExactly(
            MatchRule.EXTERNAL_ID,
            MatchRule.EMAIL,
            MatchRule.PHONE,
            MatchRule.NAME_AND_POSTAL_CODE);
    assertThat(config.mapping().linesOf("BC_Order__c").orElseThrow().object())
        .isEqualTo("BC_Order_Line__c");
  }

  @Test
  void an_unknown_field_fails_naming_file_line_and_field() {
    Path store =
        Fixtures.write(
            dir,
            "store-abc123.yml",
            """
        objects:
          Order:
            fields:
              BC_Order_Id__c: { concat: [$.store.hash, $.order.id], separator: ":" }
              BC_Odrer_Total__c: $.order.total_inc_tax
        """);

    assertThatThrownBy(() -> loader.load(store))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining(store + ":5: Order.BC_Odrer_Total__c: no such field on Order");
  }

  @Test
  void every_problem_is_reported_at_once_with_its_own_line() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        objects:
          Contact:
            fields:
              Email: email
              Phone: { path: $.customer.phone, lookup: phone_types }
              HasOptedOutOfEmail: { constant: maybe }
              LastName: { path: $.customer.last_name, truncat: true }
        """);

    InvalidMappingException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidMappingException.class, () -> loader.load(store));

    assertThat(error.problems())
        .extracting(MappingProblem::toString)
        .satisfiesExactly(
            first ->
                assertThat(first)
                    .isEqualTo(
                        store
                            + ":4: Contact.Email: 'email' is not a JSONPath"
                            + " (paths start with $; write a fixed value as {constant: ...})"),
            second ->
                assertThat(second)
                    .startsWith(store + ":7: Contact.LastName: unknown option 'truncat'"));
    // Structure errors stop before the schema checks, which would only repeat them.
  }

  @Test
  void schema_level_problems_name_file_line_and_field() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        objects:
          Contact:
            fields:
              Phone: { path: $.customer.phone, lookup: phone_types }
              HasOptedOutOfEmail: { constant: maybe }
              Email: { path: $.customer.email, scale: 2, format: "0.00" }
          Custom_Thing__c:
            source: customer
            fields:
              Name: $.customer.email
        """);

    InvalidMappingException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidMappingException.class, () -> loader.load(store));

    assertThat(error.problems())
        .extracting(MappingProblem::toString)
        .containsExactlyInAnyOrder(
            store + ":4: Contact.Phone: unknown lookup table 'phone_types'",
            store
                + ":5: Contact.HasOptedOutOfEmail: fixed value does not fit the field: expected true/false or 1/0",
            store + ":7: Custom_Thing__c: no such object in the Salesforce schema");
    assertThat(error.getMessage()).startsWith("Invalid sync mapping (3 problems):");
  }

  @Test
  void required_fields_must_be_mapped_or_linked_by_the_sync() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        objects:
          Order:
            fields:
              EffectiveDate: ~
        """);

    assertThatThrownBy(() -> loader.load(store))
        .hasMessageContaining(
            ":2: Order.EffectiveDate: required field is neither mapped nor listed in linked_by_sync");
  }

  @Test
  void invalid_yaml_is_reported_with_its_line() {
    Path store =
        Fixtures.write(
            dir,
            "broken.yml",
            """
        objects:
          Order:
            fields:
              Status: { constant: Draft
              Name: $.order.id
        """);

    assertThatThrownBy(() -> loader.load(store))
        .hasMessageContaining("broken.yml:5: yaml: not valid YAML");
  }

  @Test
  void a_store_file_overrides_fields_settings_and_adds_custom_objects() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        orders:
          target: BC_Order__c
        matching:
          rules: [external_id, email]
          fold_plus_addresses: true
          lead_policy: convert_lead
          new_customers_as: lead
          match_across_stores: true
        objects:
          BC_Order__c:
            fields:
              BC_Channel__c: { constant: "Main store" }
              BC_Coupon_Codes__c: ~
        """);

    StoreSyncConfig config = loader.load(store);

    assertThat(config.orders().object()).isEqualTo("BC_Order__c");
    assertThat(config.matching().rules()).containsExactly(MatchRule.EXTERNAL_ID, MatchRule.EMAIL);
    assertThat(config.matching().foldPlusAddresses()).isTrue();
    assertThat(config.matching().leadPolicy()).isEqualTo(LeadPolicy.CONVERT_LEAD);
    assertThat(config.matching().newCustomersAs()).isEqualTo(CandidateKind.LEAD);
    assertThat(config.matching().matchAcrossStores()).isTrue();
    assertThat(MatchingConfig.defaults().matchAcrossStores()).as("off by default").isFalse();
    List<String> fields =
        config.mapping().object("BC_Order__c").orElseThrow().fields().stream()
            .map(field -> field.mapping().field())
            .toList();
    assertThat(fields)
        .contains("BC_Channel__c", "BC_Order_Id__c")
        .doesNotContain("BC_Coupon_Codes__c");
    ResolvedField channel =
        config.mapping().object("BC_Order__c").orElseThrow().fields().stream()
            .filter(field -> field.mapping().field().equals("BC_Channel__c"))
            .findFirst()
            .orElseThrow();
    assertThat(channel.mapping().location()).isEqualTo(new SourceLocation(store.toString(), 12));
  }

  @Test
  void bad_settings_name_their_line() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        orders:
          target: Contact
        matching:
          rules: [email, shoe_size]
          default_phone_region: Narnia
        """);

    assertThatThrownBy(() -> loader.load(store))
        .hasMessageContaining(
            "store.yml:2: orders.target: 'Contact' is not a mapped object with source order")
        .hasMessageContaining("store.yml:4: matching.rules: unknown rule 'shoe_size'")
        .hasMessageContaining(
            "store.yml:5: matching.default_phone_region: Unknown phone region 'Narnia'");
  }

  @Test
  void custom_objects_of_the_org_work_like_standard_ones() {
    SalesforceSchema org =
        SalesforceSchema.combined(
            List.of(
                Fixtures.packageSchema(),
                name ->
                    name.equals("Loyalty_Member__c")
                        ? java.util.Optional.of(
                            new ObjectSchema(
                                name,
                                List.of(
                                    new FieldSchema(
                                        "Member_Key__c", FieldType.TEXT, 40, true, null),
                                    new FieldSchema(
                                        "Points__c", FieldType.NUMBER, null, false, 0))))
                        : java.util.Optional.empty()));
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        objects:
          Loyalty_Member__c:
            source: customer
            fields:
              Member_Key__c: { concat: [$.store.hash, $.customer.id], separator: "-" }
              Points__c: { constant: "10.6" }
        """);

    StoreSyncConfig config = new SyncConfigLoader(org).load(store);
    MappedRecord member =
        new SyncMapper(config.mapping())
            .mapCustomer(
                "Loyalty_Member__c",
                SourceDocuments.customer("abc123", Fixtures.json("customer-v3.json")));

    assertThat(member.fields())
        .containsEntry("Member_Key__c", "abc123-27")
        .containsEntry("Points__c", new java.math.BigDecimal("11"));
  }
}
