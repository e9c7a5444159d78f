package io.bcsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Salesforce-owned customer fields are checked at startup: e-mail can never be owned. */
class ReverseSyncConfigTest {

  @Test
  void owned_customer_fields_must_be_ones_a_contact_can_set() {
    assertThat(
            new ReverseSyncConfig(
                    null, "BC_Inventory_Level__c", 1, List.of("phone", "last_name"), "usd", false)
                .customerFields())
        .containsExactly("phone", "last_name");
    assertThatThrownBy(
            () ->
                new ReverseSyncConfig(
                    null, "BC_Inventory_Level__c", 1, List.of("email"), "USD", false))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("customer-fields");
  }

  @Test
  void no_owned_field_is_allowed_and_writes_nothing() {
    assertThat(
            new ReverseSyncConfig(null, "BC_Inventory_Level__c", 1, null, "USD", false)
                .customerFields())
        .isEmpty();
  }

  @Test
  void notes_can_be_owned_globally_but_the_tax_category_only_per_store() {
    assertThat(
            new ReverseSyncConfig(null, "BC_Inventory_Level__c", 1, List.of("notes"), null, false)
                .customerFields())
        .containsExactly("notes");
    assertThatThrownBy(
            () ->
                new ReverseSyncConfig(
                    null, "BC_Inventory_Level__c", 1, List.of("tax_exempt_category"), null, false))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("customers.fields");
  }

  @Test
  void an_unset_currency_is_left_to_the_store_and_a_set_one_must_be_a_code() {
    assertThat(
            new ReverseSyncConfig(null, "BC_Inventory_Level__c", 1, null, null, false).currency())
        .isNull();
    assertThat(
            new ReverseSyncConfig(null, "BC_Inventory_Level__c", 1, null, "eur", false).currency())
        .isEqualTo("EUR");
    assertThatThrownBy(
            () -> new ReverseSyncConfig(null, "BC_Inventory_Level__c", 1, null, "euro", false))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("currency");
  }
}
