package io.bcsync.sync.catalog;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.catalog.WrittenValues.Written;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.ProductState;
import io.bcsync.sync.port.CatalogWriter.VariantState;
import io.bcsync.sync.port.InventoryWriter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>No echo on the BigCommerce side.</b> A price, stock level or product field the Salesforce
 * flows write makes BigCommerce fire {@code store/sku/updated}, an inventory hook or {@code
 * store/product/updated}, which comes back as a product work item. An item made only of those
 * scopes, whose product re-read holds exactly the values last written ({@link WrittenValues}: each
 * variant's price and stock, and the product's name, description, visibility, weight, categories
 * and custom fields, {@link ProductEchoText}), is our own write coming back: it ends SKIPPED and is
 * counted in {@code bcsync_sync_echoes_total}. An item with {@code store/product/updated} for a
 * product whose fields we never wrote, or whose values differ (someone changed them since), goes on
 * as usual.
 */
@Singleton
public class CatalogEchoes {
  static final String PRODUCT = "product";
  static final String PRODUCT_UPDATED = "store/product/updated";
  static final Set<String> WRITE_SCOPES =
      Set.of(
          "store/sku/updated",
          "store/sku/inventory/updated",
          "store/product/inventory/updated",
          PRODUCT_UPDATED);

  private final WrittenValues written;
  private final CatalogWriter catalog;
  private final InventoryWriter inventory;
  private final MeterRegistry registry;

  public CatalogEchoes(
      WrittenValues written,
      CatalogWriter catalog,
      InventoryWriter inventory,
      MeterRegistry registry) {
    this.written = written;
    this.catalog = catalog;
    this.inventory = inventory;
    this.registry = registry;
  }

  /** Answers the echoes among the store's items, each SKIPPED with the reason. */
  public Map<Long, Outcome> echoes(String storeHash, List<WorkItem> items) {
    Map<Long, Outcome> echoes = new HashMap<>();
    Map<Long, WorkItem> candidates = new HashMap<>();
    for (WorkItem item : items) {
      if (PRODUCT.equals(item.entity().type())
          && !item.scopes().isEmpty()
          && WRITE_SCOPES.containsAll(item.scopes())
          && item.entity().id().matches("\\d{1,18}")) {
        candidates.put(Long.parseLong(item.entity().id()), item);
      }
    }
    if (candidates.isEmpty()) {
      return echoes;
    }
    Map<Long, List<Written>> ours = written.ofProducts(storeHash, candidates.keySet());
    if (ours.isEmpty()) {
      return echoes;
    }
    Map<Long, ProductState> now = catalog.products(storeHash, ours.keySet());
    Map<Long, Map<Long, Integer>> atLocations = stockElsewhere(storeHash, ours);
    ours.forEach(
        (productId, values) -> {
          boolean fieldsAnnounced = candidates.get(productId).scopes().contains(PRODUCT_UPDATED);
          boolean fieldsWritten =
              values.stream().anyMatch(v -> ProductEchoText.FIELD.equals(v.field()));
          if ((!fieldsAnnounced || fieldsWritten)
              && holds(now.get(productId), values, atLocations)) {
            echoes.put(
                candidates.get(productId).id(),
                Outcome.skipped(
                    "an echo of bcsync's own catalog write: the store holds what we wrote"));
            registry.counter("bcsync.sync.echoes", "side", "bigcommerce").increment();
          }
        });
    return echoes;
  }

  /**
   * The stock at every location of the variants whose recorded values include a location other than
   * the default: the catalog reports the default location's level only (products_catalog.v3.yml:
   * "The Catalog API returns the inventory for only the default location"), so those are read from
   * the Inventory API (one call per 100 variants, only when such a value was written).
   */
  private Map<Long, Map<Long, Integer>> stockElsewhere(
      String storeHash, Map<Long, List<Written>> ours) {
    java.util.Set<Long> variants = new java.util.TreeSet<>();
    ours.values()
        .forEach(
            values ->
                values.stream()
                    .filter(v -> v.field().startsWith(WrittenValues.STOCK_PREFIX))
                    .filter(v -> !v.field().equals(WrittenValues.stock(1)))
                    .forEach(v -> variants.add(v.variantId())));
    return variants.isEmpty() ? Map.of() : inventory.stockByLocation(storeHash, variants);
  }

  /**
   * Whether every written value is what the product and its variants hold now; {@code atLocations}:
   * variant id → location id → stock, for the levels written elsewhere than the default location.
   */
  static boolean holds(
      ProductState product, List<Written> values, Map<Long, Map<Long, Integer>> atLocations) {
    if (product == null) {
      return false;
    }
    Map<Long, VariantState> byId = new HashMap<>();
    product.variants().forEach(v -> byId.put(v.variantId(), v));
    List<Written> unmatched = new ArrayList<>();
    for (Written value : values) {
      if (ProductEchoText.FIELD.equals(value.field())) {
        if (!WrittenValues.hash(ProductEchoText.now(product)).equals(value.valueHash())) {
          unmatched.add(value);
        }
        continue;
      }
      VariantState state = byId.get(value.variantId());
      String current = state == null ? null : current(state, value.field(), atLocations);
      if (current == null || !WrittenValues.hash(current).equals(value.valueHash())) {
        unmatched.add(value);
      }
    }
    return unmatched.isEmpty();
  }

  private static String current(
      VariantState state, String field, Map<Long, Map<Long, Integer>> atLocations) {
    if (WrittenValues.PRICE.equals(field)) {
      return state.price() == null ? null : WrittenValues.price(state.price());
    }
    if (!field.startsWith(WrittenValues.STOCK_PREFIX)) {
      return null;
    }
    if (field.equals(WrittenValues.stock(1))) {
      // The catalog's level is the default location's.
      return Integer.toString(state.stock());
    }
    long location = Long.parseLong(field.substring(WrittenValues.STOCK_PREFIX.length()));
    Integer level = atLocations.getOrDefault(state.variantId(), Map.of()).get(location);
    return level == null ? null : Integer.toString(level);
  }
}
