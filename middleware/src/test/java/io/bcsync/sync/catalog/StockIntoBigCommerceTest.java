package io.bcsync.sync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.testsupport.ports.InMemoryCatalog;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Product2 stock levels → absolute inventory at the configured location, with the in-memory ports:
 * one query and one adjustment call per batch; an update that does not touch the stock field writes
 * nothing; a level BigCommerce cannot hold is dead-lettered unsent; a lost answer converges.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StockIntoBigCommerceTest implements TestPropertyProvider {
  static final String STORE = "stk1";
  static final String ORG = "00D000000000001AAA";
  static final long LOCATION = 3;

  @Inject ProductFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryCatalog catalog;

  private final AtomicLong itemIds = new AtomicLong(8_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.withStore(InMemoryPorts.properties(), STORE);
    properties.put("bcsync.sync.reverse.location-id", String.valueOf(LOCATION));
    return properties;
  }

  @org.junit.jupiter.api.BeforeEach
  void theStoreHasTheConfiguredLocation() {
    catalog.location(STORE, LOCATION);
  }

  @Test
  void levels_of_a_batch_are_set_in_one_adjustment_at_the_configured_location() {
    VariantRef mug = new VariantRef(11, 111);
    VariantRef lamp = new VariantRef(12, 121);
    catalog.variant(STORE, mug, "S-MUG", BigDecimal.ONE);
    catalog.variant(STORE, lamp, "S-LAMP", BigDecimal.ONE);
    String bySku = product("S-MUG", null, 7);
    String byLink = product("ELSEWHERE", STORE + ":12:121", 0);
    int queries = org.calls("query", "Product2");
    int writes = catalog.calls().size();

    Map<String, Outcome> outcomes = run("salesforce/cdc/CREATE", bySku, byLink);

    assertThat(outcomes)
        .containsEntry(bySku, Outcome.SUCCESS)
        .containsEntry(byLink, Outcome.SUCCESS);
    assertThat(org.calls("query", "Product2")).isEqualTo(queries + 1);
    assertThat(catalog.calls()).as("one stock call, one product call").hasSize(writes + 2);
    assertThat(catalog.calls().get(writes).what()).isEqualTo("stock@" + LOCATION);
    assertThat(catalog.calls().get(writes + 1).what()).isEqualTo("products");
    assertThat(catalog.stock(STORE, mug, LOCATION)).isEqualTo(7);
    assertThat(catalog.stock(STORE, lamp, LOCATION)).isZero();
  }

  @Test
  void an_update_that_does_not_name_the_stock_field_writes_nothing() {
    VariantRef cup = new VariantRef(21, 211);
    catalog.variant(STORE, cup, "S-CUP", BigDecimal.ONE);
    String renamed = product("S-CUP", null, 5);
    int writes = catalog.calls().size();

    Outcome outcome = run("salesforce/cdc/UPDATE", renamed).get(renamed);

    assertThat(outcome).isInstanceOf(Outcome.Skipped.class);
    assertThat(((Outcome.Skipped) outcome).reason()).contains("BC_Inventory_Level__c");
    assertThat(catalog.calls()).hasSize(writes);
    assertThat(catalog.stock(STORE, cup, LOCATION)).isNull();
  }

  @Test
  void a_level_bigcommerce_cannot_hold_is_dead_lettered_unsent() {
    VariantRef vase = new VariantRef(31, 311);
    catalog.variant(STORE, vase, "S-VASE", BigDecimal.ONE);
    String negative = product("S-VASE", null, -2);
    String noSku = product(null, null, 4);
    int writes = catalog.calls().size();

    Map<String, Outcome> outcomes = run("salesforce/reconcile", negative, noSku);

    assertThat(((Outcome.Failure) outcomes.get(negative)).permanent()).isTrue();
    assertThat(((Outcome.Failure) outcomes.get(negative)).error()).contains("(-2)");
    assertThat(((Outcome.Failure) outcomes.get(noSku)).error()).contains("no SKU");
    assertThat(catalog.calls()).hasSize(writes);
  }

  @Test
  void a_level_whose_answer_was_lost_is_set_again_on_the_retry() {
    VariantRef bowl = new VariantRef(41, 411);
    catalog.variant(STORE, bowl, "S-BOWL", BigDecimal.ONE);
    String bowlProduct = product("S-BOWL", null, 12);
    catalog.loseNextAnswer();

    assertThatThrownBy(() -> run("salesforce/cdc/CREATE", bowlProduct))
        .isInstanceOf(IllegalStateException.class);
    assertThat(catalog.stock(STORE, bowl, LOCATION)).as("the lost call committed").isEqualTo(12);

    assertThat(run("salesforce/cdc/CREATE", bowlProduct).get(bowlProduct))
        .isEqualTo(Outcome.SUCCESS);
    assertThat(catalog.stock(STORE, bowl, LOCATION)).isEqualTo(12);
  }

  @Test
  void name_description_and_visibility_reach_the_product_from_its_first_variant_only() {
    VariantRef single = new VariantRef(61, 611);
    VariantRef red = new VariantRef(62, 621);
    VariantRef blue = new VariantRef(62, 622);
    catalog.variant(STORE, single, "D-ONE", BigDecimal.ONE);
    catalog.variant(STORE, red, "D-RED", BigDecimal.ONE);
    catalog.variant(STORE, blue, "D-BLUE", BigDecimal.ONE);
    String one = described("D-ONE", "Linen towel", "Soft", true);
    String blueOne = described("D-BLUE", "Blue only", "Must not rename the product", true);
    String tooLong = described("D-ONE", "x".repeat(251), null, true);
    int writes = catalog.calls().size();

    Map<String, Outcome> outcomes = run("salesforce/reconcile", one, blueOne, tooLong);

    assertThat(outcomes)
        .containsEntry(one, Outcome.SUCCESS)
        .containsEntry(blueOne, Outcome.SUCCESS);
    assertThat(catalog.details(STORE, 61))
        .isEqualTo(new CatalogWriter.ProductDetails("Linen towel", "Soft", true));
    assertThat(catalog.details(STORE, 62))
        .as("a later variant of a product with several does not describe it")
        .isNull();

    assertThat(((Outcome.Failure) outcomes.get(tooLong)).error()).contains("251 characters");
    assertThat(catalog.calls().subList(writes, catalog.calls().size()))
        .extracting(InMemoryCatalog.Call::what)
        .containsExactly("products");

    String redOne = described("D-RED", "Shirt", "Linen", true);
    assertThat(run("salesforce/reconcile", redOne)).containsEntry(redOne, Outcome.SUCCESS);
    assertThat(catalog.details(STORE, 62))
        .as("its first variant's Product2 describes the product")
        .isEqualTo(new CatalogWriter.ProductDetails("Shirt", "Linen", true));
  }

  private String described(String sku, String name, String description, boolean active) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("Name", name);
    fields.put("ProductCode", sku);
    fields.put("IsActive", active);
    if (description != null) {
      fields.put("Description", description);
    }
    return org.insert("Product2", fields);
  }

  private String product(String sku, String variantKey, int level) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("Name", "Stocked " + itemIds.incrementAndGet());
    fields.put("BC_Inventory_Level__c", new BigDecimal(level));
    if (sku != null) {
      fields.put("ProductCode", sku);
    }
    if (variantKey != null) {
      fields.put("BC_Variant_Key__c", variantKey);
    }
    return org.insert("Product2", fields);
  }

  private Map<String, Outcome> run(String scope, String... productIds) {
    List<WorkItem> items = new ArrayList<>();
    Map<Long, String> byItem = new HashMap<>();
    for (String id : productIds) {
      long itemId = itemIds.incrementAndGet();
      items.add(
          WorkItems.withScopes(itemId, EntityRef.salesforce(ORG, ProductFlow.OBJECT, id), scope));
      byItem.put(itemId, id);
    }
    Map<String, Outcome> outcomes = new HashMap<>();
    flow.run(items).forEach((itemId, outcome) -> outcomes.put(byItem.get(itemId), outcome));
    return outcomes;
  }
}
