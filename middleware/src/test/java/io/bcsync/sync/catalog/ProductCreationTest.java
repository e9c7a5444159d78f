package io.bcsync.sync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.testsupport.ports.InMemoryCatalog;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The "may create products" store setting, with the in-memory ports: a Product2 found in no store
 * is created only in the store whose mapping file says {@code catalog: {create_products: true}};
 * the other store (the default, update only) gets nothing; a creation whose answer was lost is not
 * repeated, the retry finds the product by SKU and updates it.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductCreationTest implements TestPropertyProvider {
  static final String CREATING = "mk1";
  static final String UPDATING = "mk2";
  static final String ORG = "00D000000000001AAA";

  @Inject ProductFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryCatalog catalog;

  private final AtomicLong itemIds = new AtomicLong(27_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        InMemoryPorts.withStore(
            InMemoryPorts.properties(), CREATING, "catalog:\n  create_products: true\n");
    return InMemoryPorts.withStore(properties, UPDATING);
  }

  @Test
  void a_product_found_nowhere_is_created_only_where_the_store_allows_it() {
    catalog.variant(CREATING, new VariantRef(1, 1), "MK-OTHER-1", BigDecimal.ONE);
    catalog.variant(UPDATING, new VariantRef(2, 2), "MK-OTHER-2", BigDecimal.ONE);
    String product = product("MK-NEW", "New kettle");

    Outcome outcome = run(product);

    assertThat(outcome).isEqualTo(Outcome.SUCCESS);
    assertThat(catalog.variantsBySku(CREATING, List.of("MK-NEW"))).hasSize(1);
    assertThat(catalog.variantsBySku(UPDATING, List.of("MK-NEW")))
        .as("update only by default")
        .isEmpty();
    assertThat(
            catalog.details(
                CREATING,
                catalog.variantsBySku(CREATING, List.of("MK-NEW")).get("MK-NEW").productId()))
        .satisfies(d -> assertThat(d.name()).isEqualTo("New kettle"));
  }

  @Test
  void a_creation_whose_answer_was_lost_is_not_repeated() {
    catalog.variant(CREATING, new VariantRef(3, 3), "MK-OTHER-3", BigDecimal.ONE);
    String product = product("MK-LOST", "Lost kettle");
    catalog.loseNextAnswer();

    assertThatThrownBy(() -> run(product)).isInstanceOf(IllegalStateException.class);
    int calls = catalog.calls().size();
    Outcome retry = run(product);

    assertThat(retry).isEqualTo(Outcome.SUCCESS);
    assertThat(catalog.calls().subList(calls, catalog.calls().size()))
        .extracting(InMemoryCatalog.Call::what)
        .as("the retry finds the product by its SKU and updates it")
        .doesNotContain("create");
    assertThat(catalog.variantsBySku(CREATING, List.of("MK-LOST"))).hasSize(1);
  }

  private String product(String sku, String name) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("Name", name);
    fields.put("ProductCode", sku);
    fields.put("IsActive", true);
    return org.insert("Product2", fields);
  }

  private Outcome run(String productId) {
    WorkItem item =
        WorkItems.withScopes(
            itemIds.incrementAndGet(),
            EntityRef.salesforce(ORG, ProductFlow.OBJECT, productId),
            "salesforce/reconcile");
    return flow.run(List.of(item)).get(item.id());
  }
}
