package io.bcsync.sync.catalog;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.catalog.CatalogTargets.ProductKeys;
import io.bcsync.sync.catalog.CatalogTargets.Target;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.changes.SeenRecords;
import io.bcsync.sync.mapping.CatalogMapping;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>A Salesforce product → its BigCommerce product and stock.</b> Takes {@code Product2} items;
 * the batch is re-read in one query. What is news ({@link ProductChange}) is written: the numeric
 * fields each store maps to its inventory locations (default {@code BC_Inventory_Level__c} at the
 * configured location) as absolute stock levels ({@link StockLevels}), and Name, Description and
 * IsActive as the product's name, description and storefront visibility, with the weight and custom
 * fields each store's {@code catalog:} section maps ({@link ProductDetailsWrites}: on the product,
 * from the Product2 that speaks for it). Existing products are updated; one found in no store is
 * created only in stores whose mapping file allows it ({@link ProductCreation}). Bad data refuses
 * the whole item unsent.
 */
// Salesforce-origin items exist only with Salesforce configured; without it this flow's ports do
// not either.
@Requires(condition = SalesforceConfigured.class)
@Singleton
public class ProductFlow implements Flow {
  public static final String OBJECT = "Product2";

  private final SalesforceRecords salesforce;
  private final CatalogWriter catalog;
  private final CatalogTargets targets;
  private final SalesforceChangeFlow changes;
  private final ItemEvents events;
  private final StockLevels stock;
  private final SeenRecords seen;
  private final ProductCreation creation;
  private final ProductDetailsWrites details;
  private final CatalogMappings mappings;

  public ProductFlow(
      SalesforceRecords salesforce,
      CatalogWriter catalog,
      CatalogTargets targets,
      SalesforceChangeFlow changes,
      ItemEvents events,
      StockLevels stock,
      SeenRecords seen,
      ProductCreation creation,
      ProductDetailsWrites details,
      CatalogMappings mappings) {
    this.details = details;
    this.mappings = mappings;
    this.seen = seen;
    this.creation = creation;
    this.salesforce = salesforce;
    this.catalog = catalog;
    this.targets = targets;
    this.changes = changes;
    this.events = events;
    this.stock = stock;
  }

  @Override
  public String name() {
    return "salesforce-products";
  }

  @Override
  public boolean handles(WorkKind kind) {
    return kind.is(Origin.SALESFORCE, OBJECT);
  }

  @Override
  public Map<Long, Outcome> run(List<WorkItem> items) {
    changes.record(items);
    Map<Long, List<ItemEvents.ItemEvent>> byItem =
        events.of(items.stream().map(WorkItem::id).toList());
    Map<String, CatalogMapping> stores = mappings.writable();
    java.util.Set<String> stockFields = stock.fields(stores.keySet());
    Map<String, Map<String, String>> products =
        salesforce.read(
            OBJECT,
            ProductChange.fields(stockFields, stores.values()),
            items.stream().map(i -> i.entity().id()).toList());
    seen.record(OBJECT, items, products);
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<WorkItem, ProductChange> wanted = new LinkedHashMap<>();
    for (WorkItem item : items) {
      ProductChange.Decision decision =
          ProductChange.of(
              item,
              byItem.getOrDefault(item.id(), List.of()),
              products.get(item.entity().id()),
              stockFields,
              stores);
      if (decision.change() != null) {
        wanted.put(item, decision.change());
      } else {
        outcomes.put(item.id(), decision.outcome());
      }
    }
    Map<WorkItem, ProductKeys> keys = new LinkedHashMap<>();
    wanted.forEach((item, change) -> keys.put(item, change.keys()));
    Map<WorkItem, List<Target>> found = targets.resolve(keys);
    outcomes.putAll(stock.refuseUnknownLocations(wanted, found));
    Map<WorkItem, ProductChange> missing = new LinkedHashMap<>();
    wanted.forEach(
        (item, change) -> {
          if (!found.containsKey(item)) {
            missing.put(item, change);
          }
        });
    outcomes.putAll(creation.create(missing));
    Map<Target, WriteFailure> failed = new HashMap<>();
    stock.write(wanted, owning(found, CatalogMapping.STOCK), failed);
    details.write(wanted, found, failed);
    wanted.keySet().stream()
        .filter(found::containsKey)
        .forEach(item -> outcomes.put(item.id(), WriteOutcomes.of(found.get(item), failed)));
    return outcomes;
  }

  /** The targets in stores where Salesforce owns this catalog field (ownership.catalog_fields). */
  private Map<WorkItem, List<Target>> owning(Map<WorkItem, List<Target>> found, String field) {
    Map<WorkItem, List<Target>> owned = new LinkedHashMap<>();
    found.forEach(
        (item, targets) -> {
          List<Target> kept =
              targets.stream().filter(t -> mappings.forStore(t.storeHash()).owns(field)).toList();
          if (!kept.isEmpty()) {
            owned.put(item, kept);
          }
        });
    return owned;
  }
}
