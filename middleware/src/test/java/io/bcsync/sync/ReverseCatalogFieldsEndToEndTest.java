package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.ProductDetails;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rest of the catalog fields of issue 17 over both simulators, for a store that takes the SKU
 * from {@code StockKeepingUnit}, maps a weight and the custom field "Material", and leaves the
 * product name to BigCommerce ({@code ownership.catalog_fields} without {@code name}): a price
 * finds its variant by the mapped SKU; the name is not written while the description is; an emptied
 * weight and custom field are cleared (weight 0, the field deleted), a delete whose answer was lost
 * converges on the retry, and a delete answered 404 (already gone) counts as deleted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseCatalogFieldsEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revcf1";
  static final String SECRET = "revcf-webhook-secret-0123456789";

  @Inject CatalogWriter catalog;

  ReverseCatalogFieldsEndToEndTest() {
    super(STORE, SECRET, CATALOG_CHANNELS);
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    useCatalogFieldsMapping(
        properties,
        """
        ownership:
          catalog_fields: [price, stock, description, visibility, weight, custom_fields]
        """);
    return properties;
  }

  @Test
  void a_price_finds_its_variant_by_the_mapped_sku_and_a_bigcommerce_owned_name_stays() {
    long vase = store.createProduct("Vase", "FLD-1", new BigDecimal("10.00"));
    String product =
        sf.createAsUser(
                "Product2",
                Map.of(
                    "Name", "Salesforce vase",
                    "ProductCode", "NOT-IN-THE-STORE",
                    "StockKeepingUnit", "FLD-1",
                    "Description", "Blown glass",
                    "IsActive", true))
            .id();
    entry(sf.standardPricebookId(), product, "12.00");

    await().atMost(WAIT).until(() -> price(vase).compareTo(new BigDecimal("12.00")) == 0);
    await().atMost(WAIT).until(() -> "Blown glass".equals(description(vase)));
    settle();
    assertThat(store.<String>read(s -> s.products.get(vase).name))
        .as("the name is BigCommerce's in this store")
        .isEqualTo("Vase");
  }

  @Test
  void an_emptied_weight_and_custom_field_are_cleared_and_a_lost_delete_converges() {
    long jug = store.createProduct("Jug", "FLD-2", new BigDecimal("8.00"));
    String product =
        sf.createAsUser(
                "Product2",
                Map.of(
                    "Name", "Jug",
                    "StockKeepingUnit", "FLD-2",
                    "IsActive", true,
                    "Weight__c", 2,
                    "Material__c", "Clay"))
            .id();
    await().atMost(WAIT).until(() -> "Clay".equals(customField(jug, "Material")));
    settle();
    assertThat(weight(jug)).isEqualByComparingTo("2");
    store.injectFault(Fault.loseResponse(1).on("DELETE", "/custom-fields/"));
    int writesBefore = storeWrites().size();
    nextSecond();

    Map<String, Object> emptied = new HashMap<>();
    emptied.put("Material__c", null);
    emptied.put("Weight__c", null);
    sf.updateAsUser(product, emptied);

    await()
        .atMost(WAIT)
        .until(() -> store.<Integer>read(s -> s.products.get(jug).customFields.size()) == 0);
    await()
        .atMost(WAIT)
        .until(
            () ->
                List.of(WorkItemStatus.DONE, WorkItemStatus.DEAD)
                    .contains(item(product).map(WorkItem::status).orElseThrow()));
    assertThat(item(product).orElseThrow().status()).isEqualTo(WorkItemStatus.DONE);
    settle();
    assertThat(weight(jug)).as("an emptied weight is 0").isEqualByComparingTo("0");
    List<RequestLog.Entry> deletes =
        storeWrites().subList(writesBefore, storeWrites().size()).stream()
            .filter(e -> "DELETE".equals(e.method()))
            .toList();
    assertThat(deletes)
        .as("one delete, its answer lost; the retry finds the field gone and deletes nothing")
        .extracting(RequestLog.Entry::status)
        .containsExactly(504);
  }

  @Test
  void a_delete_answered_404_counts_as_deleted() {
    long cup = store.createProduct("Cup", "FLD-3", new BigDecimal("3.00"));
    catalog.updateProducts(
        STORE, Map.of(cup, new ProductDetails(null, null, null, null, Map.of("Glaze", "Blue"))));
    assertThat(customField(cup, "Glaze")).isEqualTo("Blue");
    // As if another attempt had deleted it between our read and our delete.
    store.injectFault(Fault.status(404, 1).on("DELETE", "/custom-fields/"));

    Map<Long, WriteFailure> failed =
        catalog.updateProducts(
            STORE,
            Map.of(
                cup,
                new ProductDetails(null, null, null, null, Map.of(), java.util.Set.of("Glaze"))));

    assertThat(failed).as("a 404 on the delete is success").isEmpty();
  }

  private String description(long productId) {
    return store.read(s -> s.products.get(productId).description);
  }
}
