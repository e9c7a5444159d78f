package io.bcsync.sync.catalog;

import io.bcsync.config.ReverseSyncConfig;
import io.bcsync.pipeline.ItemEvents;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.catalog.CatalogTargets.ProductKeys;
import io.bcsync.sync.catalog.CatalogTargets.Target;
import io.bcsync.sync.changes.SalesforceChangeFlow;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.bcsync.sync.routing.Flow;
import io.bcsync.sync.routing.Origin;
import io.bcsync.sync.routing.WorkKind;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>A Salesforce product's stock level → BigCommerce inventory.</b> Takes {@code Product2} items;
 * the batch is re-read in one query. The configured numeric field (default {@code
 * BC_Inventory_Level__c}) is set absolutely at the configured location, in adjustments of up to
 * 2,000 items. Only when the level is news: an item made only of update events whose {@code
 * changedFields} do not name the field is SKIPPED, so editing a product's name never resets a stock
 * level that orders have lowered since. A negative or fractional level is dead-lettered unsent.
 * Catalog fields (name, description, visibility) are not written yet (docs/reverse-sync.md).
 */
@Singleton
public class ProductFlow implements Flow {
  public static final String OBJECT = "Product2";

  static final String SKU = "ProductCode";
  static final String VARIANT_KEY = "BC_Variant_Key__c";
  static final String UPDATE = "UPDATE";

  private final SalesforceRecords salesforce;
  private final CatalogWriter catalog;
  private final CatalogTargets targets;
  private final SalesforceChangeFlow changes;
  private final ItemEvents events;
  private final ReverseSyncConfig config;
  private final WrittenValues written;

  public ProductFlow(
      SalesforceRecords salesforce,
      CatalogWriter catalog,
      CatalogTargets targets,
      SalesforceChangeFlow changes,
      ItemEvents events,
      ReverseSyncConfig config,
      WrittenValues written) {
    this.written = written;
    this.salesforce = salesforce;
    this.catalog = catalog;
    this.targets = targets;
    this.changes = changes;
    this.events = events;
    this.config = config;
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
    String field = config.inventoryField();
    Map<Long, List<ItemEvents.ItemEvent>> byItem =
        events.of(items.stream().map(WorkItem::id).toList());
    Map<String, Map<String, String>> products =
        salesforce.read(
            OBJECT,
            List.of(SKU, VARIANT_KEY, field),
            items.stream().map(i -> i.entity().id()).toList());
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<WorkItem, Integer> levels = new LinkedHashMap<>();
    Map<WorkItem, ProductKeys> keys = new LinkedHashMap<>();
    for (WorkItem item : items) {
      String id = item.entity().id();
      Map<String, String> product = products.get(id);
      if (product == null) {
        outcomes.put(item.id(), Outcome.skipped("Product2 " + id + " no longer exists"));
        continue;
      }
      if (!levelIsNews(item, byItem.getOrDefault(item.id(), List.of()), field)) {
        outcomes.put(item.id(), Outcome.skipped("the change does not touch " + field));
        continue;
      }
      BigDecimal level = WriteOutcomes.decimal(product.get(field));
      Outcome refused =
          check(id, field, level, new ProductKeys(product.get(VARIANT_KEY), product.get(SKU)));
      if (refused != null) {
        outcomes.put(item.id(), refused);
      } else {
        levels.put(item, level.intValueExact());
        keys.put(item, new ProductKeys(product.get(VARIANT_KEY), product.get(SKU)));
      }
    }
    Map<WorkItem, List<Target>> found = targets.resolve(keys);
    Map<String, Map<VariantRef, Integer>> writes = new LinkedHashMap<>();
    levels.forEach(
        (item, level) -> {
          List<Target> itemTargets = found.get(item);
          if (itemTargets == null) {
            outcomes.put(item.id(), PriceFlow.notInStore(keys.get(item)));
          } else {
            itemTargets.forEach(
                t ->
                    writes
                        .computeIfAbsent(t.storeHash(), s -> new LinkedHashMap<>())
                        .put(t.variant(), level));
          }
        });
    Map<Target, WriteFailure> failed = new HashMap<>();
    String stockField = WrittenValues.stock(config.locationId());
    writes.forEach(
        (store, byVariant) -> {
          Map<VariantRef, String> values = new LinkedHashMap<>();
          byVariant.forEach((variant, level) -> values.put(variant, Integer.toString(level)));
          written.record(store, stockField, values);
          catalog
              .setStockLevels(store, config.locationId(), byVariant)
              .forEach((variant, failure) -> failed.put(new Target(store, variant), failure));
        });
    levels.keySet().stream()
        .filter(found::containsKey)
        .forEach(item -> outcomes.put(item.id(), WriteOutcomes.of(found.get(item), failed)));
    return outcomes;
  }

  /**
   * Update events carry only what changed: the level is news when they name the field. Anything
   * else (a create, an undelete, a GAP event, a reconciliation, a PUSH) states the whole record.
   */
  static boolean levelIsNews(WorkItem item, List<ItemEvents.ItemEvent> itemEvents, String field) {
    Set<String> types = SalesforceChangeFlow.changeTypes(item.scopes());
    if (!types.equals(Set.of(UPDATE))) {
      return true;
    }
    return SalesforceChangeFlow.fieldsNamed(itemEvents).contains(field);
  }

  /** Why a product's level is not written (null: it is). */
  private static Outcome check(String id, String field, BigDecimal level, ProductKeys keys) {
    if (level == null) {
      return Outcome.skipped("Product2 " + id + " has no stock level in " + field);
    }
    if (level.signum() < 0 || level.stripTrailingZeros().scale() > 0 || level.compareTo(MAX) > 0) {
      return Outcome.permanent(
          "Product2 "
              + id
              + " has a stock level BigCommerce cannot hold in "
              + field
              + " ("
              + level.toPlainString()
              + "): a whole number from 0 is needed");
    }
    if (keys.isEmpty()) {
      return Outcome.permanent(
          "Product2 "
              + id
              + " has no SKU (ProductCode) and no BC_Variant_Key__c: no variant to stock");
    }
    return null;
  }

  private static final BigDecimal MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
}
