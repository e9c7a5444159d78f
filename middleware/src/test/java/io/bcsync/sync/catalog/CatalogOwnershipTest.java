package io.bcsync.sync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.port.CatalogWriter.ProductDetails;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Catalog field ownership per store ({@code ownership.catalog_fields}), with the in-memory ports: a
 * store that leaves prices and names to BigCommerce gets neither from Salesforce, but the fields it
 * gives Salesforce (description); the store on the default (Salesforce owns every catalog field)
 * gets them all from the same items.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogOwnershipTest extends InMemoryCatalogTestBase {
  static final String BC_OWNED = "own1";
  static final String SF_OWNED = "own2";

  @Inject ProductFlow products;

  CatalogOwnershipTest() {
    super(57_000);
  }

  @Override
  public Map<String, String> getProperties() {
    return mappedAndDefaultStores(
        BC_OWNED, "ownership:\n  catalog_fields: [stock, description, visibility]\n", SF_OWNED);
  }

  @Test
  void a_field_bigcommerce_owns_is_not_written_from_salesforce() {
    VariantRef owned = new VariantRef(61, 611);
    VariantRef free = new VariantRef(62, 621);
    catalog.variant(BC_OWNED, owned, "OWN-1", new BigDecimal("5.00"));
    catalog.variant(SF_OWNED, free, "OWN-1", new BigDecimal("5.00"));
    String product = product("OWN-1", "Salesforce name", "Salesforce text");
    String entry = entry(product, "7.00");

    Outcome priced = prices.run(List.of(item(PriceFlow.OBJECT, entry))).values().iterator().next();
    Outcome described =
        products.run(List.of(item(ProductFlow.OBJECT, product))).values().iterator().next();

    assertThat(priced).isEqualTo(Outcome.SUCCESS);
    assertThat(described).isEqualTo(Outcome.SUCCESS);
    assertThat(catalog.price(BC_OWNED, owned))
        .as("BigCommerce owns prices there")
        .isEqualByComparingTo("5.00");
    assertThat(catalog.price(SF_OWNED, free)).isEqualByComparingTo("7.00");
    ProductDetails there = catalog.details(BC_OWNED, owned.productId());
    assertThat(there.name()).as("BigCommerce owns the name there: not sent").isNull();
    assertThat(there.description()).isEqualTo("Salesforce text");
    assertThat(catalog.details(SF_OWNED, free.productId()).name()).isEqualTo("Salesforce name");
  }

  @Test
  void a_price_owned_by_bigcommerce_in_every_store_holding_it_is_skipped_with_the_reason() {
    VariantRef only = new VariantRef(63, 631);
    catalog.variant(BC_OWNED, only, "OWN-ONLY", new BigDecimal("5.00"));
    String entry = entry(product("OWN-ONLY", "Only", ""), "9.00");

    Outcome outcome = prices.run(List.of(item(PriceFlow.OBJECT, entry))).values().iterator().next();

    assertThat(outcome).isInstanceOf(Outcome.Skipped.class);
    assertThat(((Outcome.Skipped) outcome).reason()).contains("BigCommerce owns the price");
    assertThat(catalog.price(BC_OWNED, only)).isEqualByComparingTo("5.00");
  }

  private String product(String sku, String name, String description) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("Name", name);
    fields.put("ProductCode", sku);
    fields.put("Description", description);
    fields.put("IsActive", true);
    return org.insert("Product2", fields);
  }
}
