package io.bcsync.sync.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A store's {@code catalog.sku_field} is the SKU everywhere, with the in-memory ports: the price
 * flow finds the variant by it (read through the entry's Product2 in the batch's one query) and
 * product creation creates the product with it; a store that maps none still uses ProductCode.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MappedSkuTest extends InMemoryCatalogTestBase {
  static final String MAPPED = "msk1";
  static final String PLAIN = "msk2";

  @Inject ProductFlow products;

  MappedSkuTest() {
    super(47_000);
  }

  @Override
  public Map<String, String> getProperties() {
    return mappedAndDefaultStores(
        MAPPED, "catalog:\n  sku_field: StockKeepingUnit\n  create_products: true\n", PLAIN);
  }

  @Test
  void a_price_reaches_the_variant_carrying_the_mapped_sku_in_one_query() {
    VariantRef mapped = new VariantRef(31, 311);
    VariantRef plain = new VariantRef(32, 321);
    catalog.variant(MAPPED, mapped, "SKU-MAPPED", new BigDecimal("1.00"));
    catalog.variant(PLAIN, plain, "CODE-PLAIN", new BigDecimal("1.00"));
    // The mapped store also holds a variant carrying the ProductCode: it is not this product.
    VariantRef decoy = new VariantRef(33, 331);
    catalog.variant(MAPPED, decoy, "CODE-PLAIN", new BigDecimal("1.00"));
    String both = product("CODE-PLAIN", "SKU-MAPPED");
    String onlyMapped = product(null, "SKU-MAPPED-2");
    VariantRef second = new VariantRef(34, 341);
    catalog.variant(MAPPED, second, "SKU-MAPPED-2", new BigDecimal("1.00"));
    String bothEntry = entry(both, "12.00");
    String mappedEntry = entry(onlyMapped, "13.00");
    int queries = org.calls("query", "PricebookEntry");

    Map<Long, Outcome> outcomes = prices.run(List.of(item(bothEntry, 1), item(mappedEntry, 2)));

    assertThat(org.calls("query", "PricebookEntry"))
        .as("one query per batch")
        .isEqualTo(queries + 1);
    assertThat(outcomes.values()).containsOnly(Outcome.SUCCESS);
    assertThat(catalog.price(MAPPED, mapped)).isEqualByComparingTo("12.00");
    assertThat(catalog.price(PLAIN, plain)).isEqualByComparingTo("12.00");
    assertThat(catalog.price(MAPPED, decoy))
        .as("the ProductCode is not the SKU in the mapped store")
        .isEqualByComparingTo("1.00");
    assertThat(catalog.price(MAPPED, second))
        .as("a product without ProductCode is priced by its mapped SKU, not refused")
        .isEqualByComparingTo("13.00");
  }

  @Test
  void a_created_product_carries_the_mapped_sku() {
    catalog.variant(MAPPED, new VariantRef(41, 411), "OTHER-M", BigDecimal.ONE);
    catalog.variant(PLAIN, new VariantRef(42, 421), "OTHER-P", BigDecimal.ONE);
    String product = product("CODE-NEW", "SKU-NEW");

    Map<Long, Outcome> outcomes = products.run(List.of(item(ProductFlow.OBJECT, product)));

    assertThat(outcomes.values()).containsOnly(Outcome.SUCCESS);
    assertThat(catalog.variantsBySku(MAPPED, List.of("SKU-NEW", "CODE-NEW")))
        .containsOnlyKeys("SKU-NEW");
    assertThat(catalog.variantsBySku(PLAIN, List.of("SKU-NEW", "CODE-NEW")))
        .as("the other store creates nothing")
        .isEmpty();
  }

  private String product(String productCode, String stockKeepingUnit) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("Name", "Product " + itemIds.incrementAndGet());
    fields.put("IsActive", true);
    if (productCode != null) {
      fields.put("ProductCode", productCode);
    }
    fields.put("StockKeepingUnit", stockKeepingUnit);
    return org.insert("Product2", fields);
  }

  private WorkItem item(String entryId, int offset) {
    return WorkItems.item(
        itemIds.incrementAndGet() + offset, EntityRef.salesforce(ORG, PriceFlow.OBJECT, entryId));
  }
}
