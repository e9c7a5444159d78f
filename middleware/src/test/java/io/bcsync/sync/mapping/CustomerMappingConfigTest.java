package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code customers:} section (mapped customer fields, creating customers) and the group price
 * lists of {@code segments:} in a store's mapping file, with their errors by file and line.
 */
class CustomerMappingConfigTest {
  private final SyncConfigLoader loader = new SyncConfigLoader(Fixtures.packageSchema());
  @TempDir Path dir;

  @Test
  void the_defaults_create_no_customers_map_no_fields_and_assign_no_price_lists() {
    ReverseMapping reverse = loader.loadDefaults().reverse();

    assertThat(reverse.customers().createCustomers()).isFalse();
    assertThat(reverse.customers().fields()).isEmpty();
    assertThat(reverse.customers().source("notes"))
        .as("notes come from the Description when owned and not mapped")
        .isEqualTo("Description");
    assertThat(reverse.customers().source("tax_exempt_category")).isNull();
    assertThat(reverse.groupPriceLists().byGroup()).isEmpty();
  }

  @Test
  void a_store_maps_fields_creates_customers_and_gives_groups_their_price_lists() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        customers:
          create_customers: true
          fields:
            notes: MailingCity
            tax_exempt_category: LeadSource
        segments:
          groups:
            VIP: 12
            Standard: 0
          price_lists:
            12: 7
          channel_id: 2
        """);

    StoreSyncConfig config = loader.load(store);

    assertThat(config.reverse().customers().createCustomers()).isTrue();
    assertThat(config.reverse().customers().fields())
        .containsEntry("notes", "MailingCity")
        .containsEntry("tax_exempt_category", "LeadSource");
    assertThat(config.reverse().groupPriceLists().byGroup())
        .containsExactly(java.util.Map.entry(12L, 7L));
    assertThat(config.reverse().groupPriceLists().channelId()).isEqualTo(2L);
  }

  @Test
  void without_a_channel_the_assignment_is_for_every_channel() {
    Path store =
        Fixtures.write(
            dir, "store.yml", "segments:\n  groups:\n    VIP: 12\n  price_lists:\n    12: 7\n");

    assertThat(loader.load(store).reverse().groupPriceLists().channelId()).isNull();
  }

  @Test
  void bad_values_are_reported_with_file_and_line() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        customers:
          create_customers: sometimes
          fields:
            email: Email
            notes: No_Such_Field__c
        segments:
          groups:
            VIP: 12
          price_lists:
            13: 7
            12: list
        """);

    InvalidMappingException error =
        assertThrows(InvalidMappingException.class, () -> loader.load(store));

    assertThat(error.problems())
        .extracting(MappingProblem::toString)
        .containsExactlyInAnyOrder(
            store + ":2: customers.create_customers: expected true or false",
            store
                + ":4: customers.fields.email: 'email' is not a customer field a Contact field"
                + " can be mapped to (expected any of [notes, tax_exempt_category])",
            store + ":5: customers.fields.notes: Contact has no field 'No_Such_Field__c'",
            store
                + ":10: segments.price_lists.13: '13' is not a customer group id of"
                + " segments.groups [12]",
            store + ":11: segments.price_lists.12: 'list' is not a BigCommerce price list id");
  }

  @Test
  void a_mapped_field_the_ownership_list_gives_to_bigcommerce_is_refused() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        ownership:
          customer_fields: [phone]
        customers:
          fields:
            notes: Description
        """);

    InvalidMappingException error =
        assertThrows(InvalidMappingException.class, () -> loader.load(store));

    assertThat(error.problems())
        .extracting(MappingProblem::toString)
        .containsExactly(
            store
                + ":5: customers.fields.notes: 'notes' is mapped from Salesforce but"
                + " ownership.customer_fields [phone] gives it to BigCommerce: list it there too,"
                + " or remove the mapping");
  }

  @Test
  void owning_the_tax_category_needs_its_source() {
    Path store =
        Fixtures.write(
            dir, "store.yml", "ownership:\n  customer_fields: [phone, tax_exempt_category]\n");

    InvalidMappingException error =
        assertThrows(InvalidMappingException.class, () -> loader.load(store));

    assertThat(error.problems())
        .extracting(MappingProblem::toString)
        .containsExactly(
            store
                + ":2: ownership.customer_fields: tax_exempt_category is owned by Salesforce but"
                + " customers.fields does not say which Contact field it comes from");
  }
}
