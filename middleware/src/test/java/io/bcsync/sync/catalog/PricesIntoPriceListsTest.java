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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Price-book entries → price-list records, in a multi-currency org, with the in-memory ports: the
 * store's mapping file maps the standard book in EUR to price list 8; entries are sorted by book
 * and {@code CurrencyIsoCode} (the standard book in USD, the store currency, sets the variant
 * price); each list's records of a batch are one write; a refused variant fails only its own item;
 * a lost answer converges on the retry.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PricesIntoPriceListsTest implements TestPropertyProvider {
  static final String STORE = "plst1";
  static final String ORG = "00D000000000001AAA";
  static final long EUR_LIST = 8;

  @Inject PriceFlow flow;
  @Inject InMemorySalesforce org;
  @Inject InMemoryCatalog catalog;

  private final AtomicLong itemIds = new AtomicLong(17_000);

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = InMemoryPorts.properties();
    properties.put("bcsync.sync.reverse.multi-currency", "true");
    properties.put("bcsync.sync.reverse.currency", "USD");
    return InMemoryPorts.withStore(
        properties, STORE, "price_lists:\n" + "  standard/EUR: " + EUR_LIST + "\n");
  }

  @Test
  void entries_go_to_the_variant_price_or_their_price_list_by_book_and_currency() {
    VariantRef mug = new VariantRef(31, 311);
    VariantRef cup = new VariantRef(32, 321);
    catalog.variant(STORE, mug, "PL-MUG", new BigDecimal("9.95"));
    catalog.variant(STORE, cup, "PL-CUP", new BigDecimal("4.00"));
    String mugProduct = product("PL-MUG", null);
    String cupProduct = product("PL-CUP", null);
    String usd = entry(mugProduct, org.standardPricebookId(), "12.00", "USD");
    String eurMug = entry(mugProduct, org.standardPricebookId(), "11.00", "EUR");
    String eurCup = entry(cupProduct, org.standardPricebookId(), "3.50", "EUR");
    String gbp = entry(cupProduct, org.standardPricebookId(), "3.00", "GBP");
    int writes = catalog.calls().size();

    Map<String, Outcome> outcomes = run(usd, eurMug, eurCup, gbp);

    assertThat(outcomes)
        .containsEntry(usd, Outcome.SUCCESS)
        .containsEntry(eurMug, Outcome.SUCCESS)
        .containsEntry(eurCup, Outcome.SUCCESS);
    assertThat(((Outcome.Skipped) outcomes.get(gbp)).reason())
        .contains("(GBP)", "no store maps it to a price list");
    assertThat(catalog.calls().subList(writes, catalog.calls().size()))
        .extracting(InMemoryCatalog.Call::what)
        .as("one variant-price write, one write of the EUR list's two records")
        .containsExactlyInAnyOrder("prices", "pricelist:" + EUR_LIST + "/EUR");
    assertThat(catalog.price(STORE, mug)).isEqualByComparingTo("12.00");
    assertThat(catalog.listPrice(STORE, mug, EUR_LIST, "EUR")).isEqualByComparingTo("11.00");
    assertThat(catalog.listPrice(STORE, cup, EUR_LIST, "EUR")).isEqualByComparingTo("3.50");
    assertThat(catalog.price(STORE, cup))
        .as("a list record leaves the variant price")
        .isEqualByComparingTo("4.00");
  }

  @Test
  void a_refused_variant_fails_alone_and_a_lost_answer_converges() {
    VariantRef lamp = new VariantRef(33, 331);
    VariantRef gone = new VariantRef(34, 341);
    catalog.variant(STORE, lamp, "PL-LAMP", new BigDecimal("40"));
    catalog.variant(STORE, gone, "PL-GONE", new BigDecimal("1"));
    catalog.refuse(341, "Variant 341 does not exist.");
    String lampProduct = product("PL-LAMP", null);
    String lampEntry = entry(lampProduct, org.standardPricebookId(), "30.00", "EUR");
    String goneEntry = entry(product("PL-GONE", null), org.standardPricebookId(), "0.50", "EUR");

    catalog.loseNextAnswer();
    assertThatThrownBy(() -> run(lampEntry, goneEntry))
        .as("the records were written, the answer lost: the router retries both items")
        .isInstanceOf(IllegalStateException.class);
    Map<String, Outcome> outcomes = run(lampEntry, goneEntry);

    assertThat(outcomes.get(lampEntry)).isEqualTo(Outcome.SUCCESS);
    assertThat(((Outcome.Failure) outcomes.get(goneEntry)).permanent()).isTrue();
    assertThat(((Outcome.Failure) outcomes.get(goneEntry)).error()).contains("341");
    assertThat(catalog.listPrice(STORE, lamp, EUR_LIST, "EUR")).isEqualByComparingTo("30.00");
    assertThat(catalog.price(STORE, lamp)).isEqualByComparingTo("40");
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

  private String entry(String product, String book, String price, String currency) {
    if (!book.equals(org.standardPricebookId())) {
      org.insert(
          "PricebookEntry",
          Map.of(
              "Pricebook2Id",
              org.standardPricebookId(),
              "Product2Id",
              product,
              "UnitPrice",
              new BigDecimal("1"),
              "IsActive",
              true,
              "CurrencyIsoCode",
              currency));
    }
    return org.insert(
        "PricebookEntry",
        Map.of(
            "Pricebook2Id",
            book,
            "Product2Id",
            product,
            "UnitPrice",
            new BigDecimal(price),
            "IsActive",
            true,
            "CurrencyIsoCode",
            currency));
  }

  private Map<String, Outcome> run(String... entryIds) {
    List<WorkItem> items = new ArrayList<>();
    Map<Long, String> byItem = new HashMap<>();
    for (String id : entryIds) {
      long itemId = itemIds.incrementAndGet();
      items.add(WorkItems.item(itemId, EntityRef.salesforce(ORG, PriceFlow.OBJECT, id)));
      byItem.put(itemId, id);
    }
    Map<String, Outcome> outcomes = new HashMap<>();
    flow.run(items).forEach((itemId, outcome) -> outcomes.put(byItem.get(itemId), outcome));
    return outcomes;
  }
}
