package io.bcsync.sync.catalog;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.testsupport.ports.InMemoryCatalog;
import io.bcsync.testsupport.ports.InMemoryPorts;
import io.bcsync.testsupport.ports.InMemorySalesforce;
import io.bcsync.testsupport.ports.WorkItems;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the catalog flow tests over the in-memory ports share: the org and the catalog, the price
 * flow, price book entries made in the org, and work items about the org's records. Subclasses name
 * their stores ({@code getProperties}) and where their item ids start.
 */
abstract class InMemoryCatalogTestBase implements TestPropertyProvider {
  static final String ORG = "00D000000000001AAA";

  @Inject PriceFlow prices;
  @Inject InMemorySalesforce org;
  @Inject InMemoryCatalog catalog;

  /** Item ids, and a counter for unique names; each test class starts its own range. */
  final AtomicLong itemIds;

  InMemoryCatalogTestBase(long firstItemId) {
    this.itemIds = new AtomicLong(firstItemId);
  }

  /**
   * The in-memory ports' properties for two stores side by side: one with its own mapping file, one
   * on the shipped defaults.
   */
  static Map<String, String> mappedAndDefaultStores(
      String mapped, String mappingYaml, String onDefaults) {
    Map<String, String> properties =
        InMemoryPorts.withStore(InMemoryPorts.properties(), mapped, mappingYaml);
    return InMemoryPorts.withStore(properties, onDefaults);
  }

  /** An active entry in the standard price book; answers its id. */
  String entry(String product, String price) {
    return entry(product, org.standardPricebookId(), price, true);
  }

  /**
   * An entry in {@code book}; answers its id. An entry in another book than the standard one gets a
   * standard entry first, as Salesforce requires.
   */
  String entry(String product, String book, String price, boolean active) {
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
              true));
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
            active));
  }

  /** A work item, with the next id, about the org's record of {@code type}. */
  WorkItem item(String type, String id) {
    return WorkItems.item(itemIds.incrementAndGet(), EntityRef.salesforce(ORG, type, id));
  }
}
