package io.bcsync.sync.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Price book entries → variant prices, with the in-memory ports: the batch is re-read in one query,
 * only the standard book's active entries are written, found by the product's link or its SKU, all
 * of one store's prices in one write; bad data is dead-lettered unsent; a refused variant fails
 * only its own item; a lost answer converges on the retry.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PricesIntoBigCommerceTest extends InMemoryCatalogTestBase {
  static final String STORE = "prc1";

  @Inject CatalogEchoes echoes;

  PricesIntoBigCommerceTest() {
    super(7_000);
  }

  @Override
  public Map<String, String> getProperties() {
    return InMemoryPorts.withStore(InMemoryPorts.properties(), STORE);
  }

  @Test
  void a_batch_of_entries_is_read_once_and_written_in_one_call_per_store() {
    VariantRef mug = new VariantRef(11, 111);
    VariantRef lamp = new VariantRef(12, 121);
    catalog.variant(STORE, mug, "MUG-1", new BigDecimal("9.95"));
    catalog.variant(STORE, lamp, "LAMP-1", new BigDecimal("40.00"));
    String bySku = entry(product("MUG-1", null), "12.50");
    String byLink = entry(product("OTHER-SKU", STORE + ":12:121"), "42");
    String otherBook = entry(product("MUG-1", null), book("Wholesale"), "5.00", true);
    String inactive = entry(product("LAMP-1", null), org.standardPricebookId(), "1.00", false);
    int queries = org.calls("query", "PricebookEntry");
    int writes = catalog.calls().size();

    Map<String, Outcome> outcomes = run(bySku, byLink, otherBook, inactive);

    assertThat(org.calls("query", "PricebookEntry")).isEqualTo(queries + 1);
    assertThat(catalog.calls()).hasSize(writes + 1);
    assertThat(outcomes.get(bySku)).isEqualTo(Outcome.SUCCESS);
    assertThat(outcomes.get(byLink)).isEqualTo(Outcome.SUCCESS);
    assertThat(outcomes.get(otherBook)).isInstanceOf(Outcome.Skipped.class);
    assertThat(((Outcome.Skipped) outcomes.get(otherBook)).reason()).contains("not the one synced");
    assertThat(((Outcome.Skipped) outcomes.get(inactive)).reason()).contains("inactive");
    assertThat(catalog.price(STORE, mug)).isEqualByComparingTo("12.50");
    assertThat(catalog.price(STORE, lamp)).isEqualByComparingTo("42");
  }

  @Test
  void bad_data_is_dead_lettered_with_its_reason_and_never_sent() {
    VariantRef cup = new VariantRef(21, 211);
    catalog.variant(STORE, cup, "CUP-1", new BigDecimal("3.00"));
    String negative = entry(product("CUP-1", null), "-1.00");
    String noSku = entry(product(null, null), "4.00");
    String unknown = entry(product("NOT-IN-STORE", null), "4");
    int writes = catalog.calls().size();

    Map<String, Outcome> outcomes = run(negative, noSku, unknown);

    assertThat(failure(outcomes.get(negative)).permanent()).isTrue();
    assertThat(failure(outcomes.get(negative)).error()).contains("negative UnitPrice");
    assertThat(failure(outcomes.get(noSku)).permanent()).isTrue();
    assertThat(failure(outcomes.get(noSku)).error()).contains("no SKU");
    assertThat(((Outcome.Skipped) outcomes.get(unknown)).reason())
        .contains("NOT-IN-STORE")
        .contains("existing products only");
    assertThat(catalog.calls()).as("nothing sent").hasSize(writes);
    assertThat(catalog.price(STORE, cup)).isEqualByComparingTo("3.00");
  }

  @Test
  void a_refused_variant_fails_only_its_own_item() {
    VariantRef good = new VariantRef(31, 311);
    VariantRef gone = new VariantRef(32, 321);
    catalog.variant(STORE, good, "GOOD-1", new BigDecimal("1"));
    catalog.variant(STORE, gone, "GONE-1", new BigDecimal("1"));
    catalog.refuse(321, "422: variant 321 was not found");
    String ok = entry(product("GOOD-1", null), "2");
    String refused = entry(product("GONE-1", null), "2");

    Map<String, Outcome> outcomes = run(ok, refused);

    assertThat(outcomes.get(ok)).isEqualTo(Outcome.SUCCESS);
    assertThat(failure(outcomes.get(refused)).permanent()).isTrue();
    assertThat(failure(outcomes.get(refused)).error()).contains("321");
    assertThat(catalog.price(STORE, good)).isEqualByComparingTo("2");
  }

  @Test
  void a_price_whose_answer_was_lost_is_written_again_to_the_same_value() {
    VariantRef vase = new VariantRef(41, 411);
    catalog.variant(STORE, vase, "VASE-1", new BigDecimal("10"));
    String entry = entry(product("VASE-1", null), "15.00");
    catalog.loseNextAnswer();

    // The flow's exception fails the batch; the router classifies it and the queue retries it.
    assertThatThrownBy(() -> run(entry)).isInstanceOf(IllegalStateException.class);
    assertThat(catalog.price(STORE, vase)).as("the lost call committed").isEqualByComparingTo("15");

    assertThat(run(entry).get(entry)).isEqualTo(Outcome.SUCCESS);
    assertThat(catalog.price(STORE, vase)).isEqualByComparingTo("15.00");
  }

  @Test
  void the_webhook_of_our_own_price_write_is_an_echo_until_someone_changes_the_price() {
    VariantRef bell = new VariantRef(51, 511);
    catalog.variant(STORE, bell, "BELL-1", new BigDecimal("7"));
    String entry = entry(product("BELL-1", null), "8.50");
    assertThat(run(entry).get(entry)).isEqualTo(Outcome.SUCCESS);

    assertThat(echoes.echoes(STORE, List.of(webhook(51, "store/sku/updated"))))
        .as("our write coming back")
        .hasSize(1)
        .allSatisfy((id, outcome) -> assertThat(outcome).isInstanceOf(Outcome.Skipped.class));
    assertThat(
            echoes.echoes(
                STORE, List.of(webhook(51, "store/sku/updated", "store/product/updated"))))
        .as("another change came with it")
        .isEmpty();

    catalog.variant(STORE, bell, "BELL-1", new BigDecimal("9.00")); // a merchant's edit
    assertThat(echoes.echoes(STORE, List.of(webhook(51, "store/sku/updated"))))
        .as("the store no longer holds what we wrote")
        .isEmpty();
  }

  private WorkItem webhook(long productId, String... scopes) {
    return WorkItems.withScopes(
        itemIds.incrementAndGet(),
        new EntityRef(STORE, "product", String.valueOf(productId)),
        scopes);
  }

  private String product(String sku, String variantKey) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("Name", "Product " + itemIds.incrementAndGet());
    if (sku != null) {
      fields.put("ProductCode", sku);
    }
    if (variantKey != null) {
      fields.put("BC_Variant_Key__c", variantKey);
    }
    return org.insert("Product2", fields);
  }

  private String book(String name) {
    return org.insert("Pricebook2", Map.of("Name", name, "IsActive", true));
  }

  private Map<String, Outcome> run(String... entryIds) {
    List<WorkItem> items = new ArrayList<>();
    Map<Long, String> byItem = new HashMap<>();
    for (String id : entryIds) {
      WorkItem item = item(PriceFlow.OBJECT, id);
      items.add(item);
      byItem.put(item.id(), id);
    }
    Map<String, Outcome> outcomes = new HashMap<>();
    prices.run(items).forEach((itemId, outcome) -> outcomes.put(byItem.get(itemId), outcome));
    return outcomes;
  }

  private static Outcome.Failure failure(Outcome outcome) {
    assertThat(outcome).isInstanceOf(Outcome.Failure.class);
    return (Outcome.Failure) outcome;
  }
}
