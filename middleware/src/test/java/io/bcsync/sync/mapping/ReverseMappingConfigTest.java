package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code segments:} and {@code price_lists:} sections of a store's mapping file. */
class ReverseMappingConfigTest {
  private final SyncConfigLoader loader = new SyncConfigLoader(Fixtures.packageSchema());
  @TempDir Path dir;

  @Test
  void the_defaults_map_no_segments_and_no_price_lists() {
    ReverseMapping reverse = loader.loadDefaults().reverse();

    assertThat(reverse.segmentField()).isEqualTo("BC_Segment__c");
    assertThat(reverse.groups()).isEmpty();
    assertThat(reverse.priceLists()).isEmpty();
  }

  @Test
  void a_store_maps_segment_values_to_groups_and_price_books_to_price_lists() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        segments:
          groups:
            VIP: 12
            Standard: 0
        price_lists:
          standard/eur: 7
          01s000000000002AAA/USD: 9
        """);

    ReverseMapping reverse = loader.load(store).reverse();

    assertThat(reverse.groups()).containsEntry("VIP", 12L).containsEntry("Standard", 0L);
    assertThat(reverse.priceList("01s000000000001AAA", true, "EUR")).contains(7L);
    assertThat(reverse.priceList("01s000000000002AAA", false, "usd")).contains(9L);
    assertThat(reverse.priceList("01s000000000002", false, "EUR")).isEqualTo(Optional.empty());
  }

  @Test
  void a_store_may_allow_creating_products_and_only_with_true_or_false() {
    Path allows = Fixtures.write(dir, "allows.yml", "catalog:\n  create_products: true\n");
    Path bad = Fixtures.write(dir, "bad.yml", "catalog:\n  create_products: maybe\n");

    assertThat(loader.loadDefaults().reverse().createProducts()).isFalse();
    assertThat(loader.load(allows).reverse().createProducts()).isTrue();
    InvalidMappingException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidMappingException.class, () -> loader.load(bad));
    assertThat(error.problems())
        .extracting(MappingProblem::toString)
        .containsExactly(bad + ":2: catalog.create_products: expected true or false");
  }

  @Test
  void a_store_maps_the_sku_weight_and_custom_fields_of_its_products() {
    Path store =
        Fixtures.write(
            dir,
            "catalog.yml",
            """
        catalog:
          sku_field: BC_Variant_Key__c
          weight_field: BC_Inventory_Level__c
          custom_fields:
            Code: ProductCode
        """);

    CatalogMapping catalog = loader.load(store).reverse().catalog();

    assertThat(loader.loadDefaults().reverse().catalog()).isEqualTo(CatalogMapping.none());
    assertThat(catalog.skuField()).isEqualTo("BC_Variant_Key__c");
    assertThat(catalog.weightField()).isEqualTo("BC_Inventory_Level__c");
    assertThat(catalog.customFields()).containsExactly(java.util.Map.entry("Code", "ProductCode"));
  }

  @Test
  void catalog_field_ownership_defaults_to_salesforce_and_is_overridable_per_store() {
    Path store =
        Fixtures.write(
            dir,
            "owned.yml",
            """
        ownership:
          catalog_fields: [price, stock]
        """);
    Path none = Fixtures.write(dir, "none.yml", "ownership:\n  catalog_fields: []\n");
    Path bad =
        Fixtures.write(dir, "bad-owned.yml", "ownership:\n  catalog_fields: [price, brand]\n");

    assertThat(loader.loadDefaults().reverse().catalog().salesforceOwned())
        .containsExactlyInAnyOrderElementsOf(CatalogMapping.FIELDS);
    CatalogMapping owned = loader.load(store).reverse().catalog();
    assertThat(owned.owns(CatalogMapping.PRICE)).isTrue();
    assertThat(owned.owns(CatalogMapping.NAME)).isFalse();
    assertThat(loader.load(none).reverse().catalog().salesforceOwned()).isEmpty();
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                    InvalidMappingException.class, () -> loader.load(bad))
                .problems())
        .extracting(MappingProblem::toString)
        .containsExactly(
            bad
                + ":2: ownership.catalog_fields: 'brand' is not a catalog field Salesforce can own"
                + " (expected any of "
                + CatalogMapping.FIELDS
                + ")");
  }

  @Test
  void a_store_maps_inventory_locations_each_from_a_numeric_product_field() {
    Path store =
        Fixtures.write(
            dir,
            "inventory.yml",
            """
        inventory:
          locations:
            - {location_id: 1, field: BC_Inventory_Level__c}
            - location_id: 4
              field: BC_Inventory_Level__c
        """);

    InventoryMapping inventory = loader.load(store).reverse().inventory();

    assertThat(loader.loadDefaults().reverse().inventory().locations())
        .as("no section: the process-wide default applies")
        .isEmpty();
    assertThat(inventory.locations())
        .containsExactly(
            new InventoryMapping.StockLocation(1, "BC_Inventory_Level__c"),
            new InventoryMapping.StockLocation(4, "BC_Inventory_Level__c"));
  }

  @Test
  void bad_inventory_locations_are_reported_with_file_and_line() {
    Path values =
        Fixtures.write(
            dir,
            "values.yml",
            """
        inventory:
          locations:
            - {location_id: 1, field: Name}
            - {location_id: 2, field: No_Such__c}
            - {location_id: x, field: BC_Inventory_Level__c}
        """);
    Path shape =
        Fixtures.write(
            dir,
            "shape.yml",
            """
        inventory:
          locations:
            - {location_id: 5}
            - {location_id: 1, field: BC_Inventory_Level__c}
            - {location_id: 1, field: BC_Inventory_Level__c}
          default: 1
        """);
    Path spelled =
        Fixtures.write(
            dir,
            "spelled.yml",
            """
        inventory:
          locations:
            - {location_id: 1, field: BC_Inventory_Level__c}
            - {location_id: 01, field: BC_Inventory_Level__c}
        """);

    assertThat(problems(values))
        .containsExactlyInAnyOrder(
            values + ":3: inventory.locations.1: Product2.Name is not a number field",
            values + ":4: inventory.locations.2: Product2 has no field 'No_Such__c'",
            values + ":5: inventory.locations.x: 'x' is not a BigCommerce inventory location id");
    assertThat(problems(shape))
        .containsExactlyInAnyOrder(
            shape + ":3: inventory.locations: each location needs location_id and field",
            shape + ":5: inventory.locations: location 1 listed twice",
            shape + ":6: inventory: unknown key 'default' (expected [locations])");
    assertThat(problems(spelled))
        .as("the same location written two ways")
        .containsExactly(spelled + ":4: inventory.locations.01: location 1 listed twice");
  }

  private java.util.List<String> problems(Path file) {
    InvalidMappingException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidMappingException.class, () -> loader.load(file));
    return error.problems().stream().map(MappingProblem::toString).toList();
  }

  @Test
  void bad_catalog_fields_are_reported_with_file_and_line() {
    Path store =
        Fixtures.write(
            dir,
            "catalog.yml",
            """
        catalog:
          sku_field: No_Such__c
          weight_field: Name
          custom_fields:
            Material: Nope__c
        """);
    Path unknown = Fixtures.write(dir, "unknown.yml", "catalog:\n  colour: red\n");

    InvalidMappingException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidMappingException.class, () -> loader.load(store));

    assertThat(error.problems())
        .extracting(MappingProblem::toString)
        .containsExactlyInAnyOrder(
            store + ":2: catalog.sku_field: Product2 has no field 'No_Such__c'",
            store + ":3: catalog.weight_field: Product2.Name is not a number field",
            store + ":5: catalog.custom_fields.Material: Product2 has no field 'Nope__c'");
    assertThat(
            org.junit.jupiter.api.Assertions.assertThrows(
                    InvalidMappingException.class, () -> loader.load(unknown))
                .problems())
        .extracting(MappingProblem::toString)
        .containsExactly(
            unknown
                + ":2: catalog: unknown key 'colour' (expected [create_products, sku_field,"
                + " weight_field, custom_fields])");
  }

  @Test
  void bad_values_are_reported_with_file_and_line() {
    Path store =
        Fixtures.write(
            dir,
            "store.yml",
            """
        segments:
          field: No_Such_Field__c
          groups:
            VIP: gold
        price_lists:
          EUR: 7
          standard/USD: -1
        """);

    InvalidMappingException error =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidMappingException.class, () -> loader.load(store));

    assertThat(error.problems())
        .extracting(MappingProblem::toString)
        .containsExactlyInAnyOrder(
            store + ":2: segments.field: Contact has no field 'No_Such_Field__c'",
            store
                + ":4: segments.groups.VIP: 'gold' is not a BigCommerce customer group id (0: no"
                + " group)",
            store
                + ":6: price_lists.EUR: a price list key is standard/<currency> or <price book"
                + " id>/<currency>, e.g. standard/EUR",
            store + ":7: price_lists.standard/USD: '-1' is not a BigCommerce price list id");
  }
}
