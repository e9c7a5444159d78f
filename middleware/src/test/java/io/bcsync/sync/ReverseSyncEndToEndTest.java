package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Salesforce → BigCommerce over both simulators, through the real CometD, force-wsc and REST
 * clients, with the store's webhooks delivered back to the app: a price change in Salesforce is one
 * variant write in BigCommerce and no Salesforce write (the webhooks our write fires are handled
 * without writing anything back); a stock change is one absolute adjustment; a write whose answer
 * BigCommerce lost (the simulator's LOSE_RESPONSE fault: done, then 504) converges on the retry.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseSyncEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "rev1";
  static final String SECRET = "rev-webhook-secret-0123456789";

  @Inject CatalogWriter catalog;

  ReverseSyncEndToEndTest() {
    super(STORE, SECRET, CATALOG_CHANNELS);
  }

  @Test
  void one_price_change_is_one_bigcommerce_write_and_no_salesforce_write() {
    long teapot = store.createProduct("Teapot", "TEA-1", new BigDecimal("20.00"));
    String entry = pricedEntry("TEA-1", "20.00");
    settle();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();

    int hooksBefore = store.webhookAttempts().size();
    // Intake drops a second webhook with the same data hash in the same second as a redelivery
    // (docs/pipeline.md); the setup's own price write fired one for this variant.
    long second = bc.clock().instant().getEpochSecond();
    await().atMost(WAIT).until(() -> bc.clock().instant().getEpochSecond() > second);

    sf.updateAsUser(entry, Map.of("UnitPrice", new BigDecimal("24.50")));

    await().atMost(WAIT).until(() -> price(teapot).compareTo(new BigDecimal("24.50")) == 0);
    // The store tells us of our own write (store/sku/updated); that item must write nothing.
    await()
        .atMost(WAIT)
        .until(
            () ->
                store
                    .webhookAttempts()
                    .subList(hooksBefore, store.webhookAttempts().size())
                    .stream()
                    .anyMatch(a -> a.scope().startsWith("store/sku/") && a.status() == 200));
    settle();
    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes).as("exactly one BigCommerce write").hasSize(1);
    assertThat(writes.get(0).method() + " " + writes.get(0).path())
        .endsWith("PUT /v3/catalog/variants");
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
    assertThat(inspector.workItems(Optional.empty(), Optional.empty(), 500))
        .as("the webhook of our own write was dropped as an echo")
        .anySatisfy(
            i -> {
              assertThat(i.entity().storeHash()).isEqualTo(STORE);
              assertThat(i.entity().id()).isEqualTo(String.valueOf(teapot));
              assertThat(i.status()).isEqualTo(WorkItemStatus.SKIPPED);
              assertThat(i.lastError()).contains("echo");
            });
    assertThat(registry.counter("bcsync.sync.echoes", "side", "bigcommerce").count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void one_stock_change_is_one_absolute_adjustment() {
    long kettle = trackedProduct("Kettle", "KET-1");
    String product = pricedProductId("KET-1", "30.00");
    settle();
    int writesBefore = storeWrites().size();

    sf.updateAsUser(product, Map.of("BC_Inventory_Level__c", 9));

    await().atMost(WAIT).until(() -> stock(kettle) == 9);
    settle();
    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).path()).endsWith("/v3/inventory/adjustments/absolute");
  }

  @Test
  void a_product_name_whose_answer_was_lost_converges_on_the_retry() {
    long spoon = store.createProduct("Spoon", "SPN-7", new BigDecimal("2.00"));
    String product = pricedProductId("SPN-7", "2.00");
    settle();
    assertThat(productName(spoon)).as("the Product2's name reached its product").isEqualTo("SPN-7");
    int writesBefore = storeWrites().size();
    store.injectFault(Fault.loseResponse(1).on("PUT", "/v3/catalog/products"));

    sf.updateAsUser(product, Map.of("Name", "Silver spoon", "Description", "Polished"));

    settleAfter(writesBefore, 2);
    assertThat(productName(spoon)).isEqualTo("Silver spoon");
    assertThat(store.<String>read(s -> s.products.get(spoon).description)).isEqualTo("Polished");
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .extracting(e -> e.method() + " " + e.status())
        .containsExactly("PUT 504", "PUT 200");
  }

  @Test
  void a_price_whose_answer_was_lost_converges_on_the_retry() {
    long cup = store.createProduct("Cup", "CUP-7", new BigDecimal("5.00"));
    String entry = pricedEntry("CUP-7", "5.00");
    settle();
    int writesBefore = storeWrites().size();
    store.injectFault(Fault.loseResponse(1).on("PUT", "/v3/catalog/variants"));

    sf.updateAsUser(entry, Map.of("UnitPrice", new BigDecimal("6.00")));

    settleAfter(writesBefore, 2);
    assertThat(price(cup)).isEqualByComparingTo("6.00");
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .as("the lost write, then its retry")
        .extracting(e -> e.status())
        .containsExactly(504, 200);
  }

  @Test
  void a_stock_level_whose_answer_was_lost_converges_on_the_retry() {
    long bowl = trackedProduct("Bowl", "BOWL-7");
    String product = pricedProductId("BOWL-7", "8.00");
    settle();
    int writesBefore = storeWrites().size();
    store.injectFault(Fault.loseResponse(1).on("PUT", "/v3/inventory/adjustments/absolute"));

    sf.updateAsUser(product, Map.of("BC_Inventory_Level__c", 4));

    settleAfter(writesBefore, 2);
    assertThat(stock(bowl)).isEqualTo(4);
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .extracting(e -> e.status())
        .containsExactly(504, 200);
  }

  @Test
  void a_batch_the_store_refuses_for_one_variant_still_writes_the_others() {
    long a = store.createProduct("Plate A", "PLA-A", new BigDecimal("1.00"));
    long b = store.createProduct("Plate B", "PLA-B", new BigDecimal("1.00"));
    Map<String, VariantRef> found = catalog.variantsBySku(STORE, List.of("PLA-A", "PLA-B", "NONE"));
    assertThat(found).containsOnlyKeys("PLA-A", "PLA-B");
    VariantRef gone = new VariantRef(b, 987_654_321L);
    Map<VariantRef, BigDecimal> prices = new LinkedHashMap<>();
    prices.put(found.get("PLA-A"), new BigDecimal("2.00"));
    prices.put(gone, new BigDecimal("2.00"));
    prices.put(found.get("PLA-B"), new BigDecimal("3.00"));

    Map<VariantRef, WriteFailure> failed = catalog.setPrices(STORE, prices);

    assertThat(failed).containsOnlyKeys(gone);
    assertThat(failed.get(gone).retryable()).isFalse();
    assertThat(price(a)).isEqualByComparingTo("2.00");
    assertThat(price(b)).isEqualByComparingTo("3.00");
  }

  private String pricedProductId(String sku, String price) {
    String entry = pricedEntry(sku, price);
    return sf.record(entry).map(r -> r.get("Product2Id").toString()).orElseThrow();
  }

  private void settleAfter(int writesBefore, int writes) {
    await().atMost(WAIT).until(() -> storeWrites().size() >= writesBefore + writes);
    records.awaitDone();
  }

  private int stock(long productId) {
    return store.read(s -> s.products.get(productId).inventoryLevel);
  }
}
