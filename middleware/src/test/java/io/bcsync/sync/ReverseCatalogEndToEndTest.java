package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.catalog.CatalogOperations;
import io.bcsync.sim.bigcommerce.store.PriceList;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.ProductDetails;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The catalog fields of issue 17 over both simulators: a store whose mapping file takes the SKU
 * from {@code StockKeepingUnit}, the weight from {@code Weight__c} and the custom field "Material"
 * from {@code Material__c}. Those reach the product (and a repeated write updates the custom field
 * instead of adding another); the {@code store/product/updated} our write fires is dropped as an
 * echo while a merchant's edit is not; a product with several variants is described by its first
 * variant's Product2 only; bad data is dead-lettered unsent; a 207 and a price-list 422 fail
 * exactly the records they name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseCatalogEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revc1";
  static final String SECRET = "revc-webhook-secret-0123456789";

  @Inject CatalogWriter catalog;

  // settleAllowingDeadLetters(): the bad-data test dead-letters on purpose.
  ReverseCatalogEndToEndTest() {
    super(STORE, SECRET, CATALOG_CHANNELS);
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    useCatalogFieldsMapping(properties, "");
    return properties;
  }

  @Test
  void mapped_weight_custom_field_and_sku_field_reach_the_product_and_our_echo_is_dropped() {
    long mug = store.createProduct("Stone mug", "CAT-1", new BigDecimal("9.00"));
    settleAllowingDeadLetters();
    double echoesBefore = echoes();

    String product2 =
        sf.createAsUser(
                "Product2",
                Map.of(
                    "Name", "Stone mug",
                    "ProductCode", "NOT-IN-THE-STORE",
                    "StockKeepingUnit", "CAT-1",
                    "IsActive", true,
                    "Weight__c", 2.5,
                    "Material__c", "Stoneware"))
            .id();

    await().atMost(WAIT).until(() -> "Stoneware".equals(customField(mug, "Material")));
    settleAllowingDeadLetters();
    assertThat(weight(mug)).isEqualByComparingTo("2.5");
    assertThat(echoes())
        .as("the store/product/updated of our own write is counted as an echo")
        .isGreaterThan(echoesBefore);
    assertThat(latestItemOf(mug).status()).isEqualTo(WorkItemStatus.SKIPPED);
    assertThat(latestItemOf(mug).lastError()).contains("echo");

    nextSecond();
    sf.updateAsUser(product2, Map.of("Material__c", "Porcelain"));

    await().atMost(WAIT).until(() -> "Porcelain".equals(customField(mug, "Material")));
    settleAllowingDeadLetters();
    assertThat(store.<Integer>read(s -> s.products.get(mug).customFields.size()))
        .as("the field was updated by its id, not added again")
        .isEqualTo(1);
  }

  @Test
  void a_merchant_edit_after_our_write_is_not_dropped_as_an_echo() {
    long bowl = store.createProduct("Bowl", "CAT-2", new BigDecimal("5.00"));
    sf.createAsUser(
        "Product2",
        Map.of("Name", "Bowl", "StockKeepingUnit", "CAT-2", "IsActive", true, "Weight__c", 1));
    await().atMost(WAIT).until(() -> weight(bowl).compareTo(BigDecimal.ONE) == 0);
    settleAllowingDeadLetters();
    double echoesBefore = echoes();
    long lastItem = latestItemOf(bowl).id();
    nextSecond();

    store.updateProduct(bowl, new ObjectMapper().createObjectNode().put("name", "Big bowl"));

    await().atMost(WAIT).until(() -> latestItemOf(bowl).id() > lastItem);
    settleAllowingDeadLetters();
    assertThat(latestItemOf(bowl).status()).isEqualTo(WorkItemStatus.DONE);
    assertThat(echoes()).as("a merchant's edit is not an echo").isEqualTo(echoesBefore);
  }

  @Test
  void a_product_with_several_variants_is_named_by_its_first_variant_and_priced_per_variant() {
    long shirt = store.createProduct("Shirt", "SHIRT", new BigDecimal("20.00"));
    store.read(
        s -> {
          Product p = s.products.get(shirt);
          CatalogOperations.addVariant(
              s, p, new ObjectMapper().createObjectNode().put("sku", "SHIRT-M").put("price", 20));
          return p;
        });
    String base =
        sf.createAsUser("Product2", Map.of("Name", "Shirt", "StockKeepingUnit", "SHIRT")).id();
    String medium =
        sf.createAsUser("Product2", Map.of("Name", "Shirt", "StockKeepingUnit", "SHIRT-M")).id();
    settleAllowingDeadLetters();
    nextSecond();

    sf.updateAsUser(medium, Map.of("Name", "Shirt M only"));
    settleAllowingDeadLetters();
    assertThat(productName(shirt))
        .as("a later variant's Product2 does not rename")
        .isEqualTo("Shirt");

    sf.updateAsUser(base, Map.of("Name", "Linen shirt"));
    await().atMost(WAIT).until(() -> "Linen shirt".equals(productName(shirt)));
    settleAllowingDeadLetters();
    assertThat(store.<Integer>read(s -> s.products.get(shirt).variants.size())).isEqualTo(2);
  }

  @Test
  void bad_catalog_data_is_dead_lettered_with_the_reason_and_nothing_is_written() {
    long jug = store.createProduct("Jug", "CAT-3", new BigDecimal("5.00"));
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();

    String heavy =
        sf.createAsUser(
                "Product2",
                Map.of("Name", "Jug renamed", "StockKeepingUnit", "CAT-3", "Weight__c", -1))
            .id();
    String wordy =
        sf.createAsUser(
                "Product2",
                Map.of(
                    "Name",
                    "Jug again",
                    "StockKeepingUnit",
                    "CAT-3",
                    "Material__c",
                    "x".repeat(251)))
            .id();

    await()
        .atMost(WAIT)
        .until(
            () ->
                item(heavy).map(i -> i.status() == WorkItemStatus.DEAD).orElse(false)
                    && item(wordy).map(i -> i.status() == WorkItemStatus.DEAD).orElse(false));
    assertThat(item(heavy).orElseThrow().lastError()).contains("weight").contains("Weight__c");
    assertThat(item(wordy).orElseThrow().lastError()).contains("Material__c").contains("250");
    settleAllowingDeadLetters();
    assertThat(storeWrites().subList(writesBefore, storeWrites().size())).isEmpty();
    assertThat(productName(jug)).isEqualTo("Jug");
  }

  @Test
  void a_207_fails_only_the_product_it_names_and_the_retry_converges() {
    long plate = store.createProduct("Plate", "CAT-4", new BigDecimal("3.00"));
    long cup = store.createProduct("Cup", "CAT-5", new BigDecimal("3.00"));
    store.read(s -> s.productAttributeFailures.put(plate, "The URL is taken by another entity."));
    Map<Long, ProductDetails> details = new LinkedHashMap<>();
    details.put(plate, new ProductDetails("Plate", "", true, null, Map.of("Material", "Clay")));
    details.put(cup, new ProductDetails("Cup", "", true, null, Map.of("Material", "Glass")));

    Map<Long, WriteFailure> failed = catalog.updateProducts(STORE, details);

    assertThat(failed).containsOnlyKeys(plate);
    assertThat(failed.get(plate).retryable()).isTrue();
    assertThat(customField(cup, "Material")).isEqualTo("Glass");
    assertThat(customField(plate, "Material")).isNull();

    assertThat(catalog.updateProducts(STORE, details)).isEmpty();
    assertThat(customField(plate, "Material")).isEqualTo("Clay");
    assertThat(store.<Integer>read(s -> s.products.get(cup).customFields.size()))
        .as("the second write updated Glass by its id")
        .isEqualTo(1);
  }

  @Test
  void a_refused_price_record_fails_alone_in_one_call() {
    long bowl = store.createProduct("Price bowl", "CAT-6", new BigDecimal("3.00"));
    long dish = store.createProduct("Price dish", "CAT-7", new BigDecimal("3.00"));
    long list =
        store.read(
            s -> {
              PriceList p = new PriceList();
              p.id = s.nextId();
              p.name = "Trade";
              p.dateCreated = s.now();
              p.dateModified = s.now();
              s.priceLists.put(p.id, p);
              return p.id;
            });
    Map<String, VariantRef> found = catalog.variantsBySku(STORE, List.of("CAT-6", "CAT-7"));
    VariantRef gone = new VariantRef(bowl, 987_654_321L);
    Map<VariantRef, BigDecimal> prices = new LinkedHashMap<>();
    prices.put(found.get("CAT-6"), new BigDecimal("2.00"));
    prices.put(gone, new BigDecimal("2.00"));
    prices.put(found.get("CAT-7"), new BigDecimal("2.50"));
    int callsBefore = store.requests().size();

    Map<VariantRef, WriteFailure> failed = catalog.setPriceListRecords(STORE, list, "USD", prices);

    assertThat(failed).containsOnlyKeys(gone);
    assertThat(failed.get(gone).message()).contains("987654321");
    List<RequestLog.Entry> calls = store.requests().subList(callsBefore, store.requests().size());
    assertThat(calls)
        .as("batch_errors named the refused record: no halving")
        .filteredOn(e -> e.path().endsWith("/records"))
        .hasSize(1);
    assertThat(
            store.<Long>read(
                s -> s.priceRecords.stream().filter(r -> r.priceListId == list).count()))
        .isEqualTo(2);
    assertThat(dish).isPositive();
  }
}
