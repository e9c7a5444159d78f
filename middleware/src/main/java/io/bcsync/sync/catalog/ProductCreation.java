package io.bcsync.sync.catalog;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.NewProduct;
import io.bcsync.sync.port.CatalogWriter.ProductDetails;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <b>The "may create products" store setting.</b> A Salesforce product found in no store is created
 * in each connected store whose mapping file says {@code catalog: {create_products: true}} (default
 * false: Salesforce updates existing products only), from its SKU (the store's {@code
 * catalog.sku_field}, default {@code ProductCode}), name, description and active flag. Only an item
 * that states the name (a create, undelete, GAP, reconciliation, PUSH, or an update naming {@code
 * Name}) can create; stores that do not allow it, or an item without a SKU, leave it SKIPPED as
 * before. A creation whose answer was lost is not repeated: the retry finds the product by its SKU
 * and updates it.
 */
@Singleton
public class ProductCreation {
  private final BeanProvider<SyncConfigs> configs;
  private final CatalogWriter catalog;

  public ProductCreation(BeanProvider<SyncConfigs> configs, CatalogWriter catalog) {
    this.configs = configs;
    this.catalog = catalog;
  }

  /** One outcome per item: created everywhere allowed, failed, or SKIPPED as not in any store. */
  Map<Long, Outcome> create(Map<WorkItem, ProductChange> missing) {
    Map<Long, Outcome> outcomes = new HashMap<>();
    List<String> stores = creatingStores();
    Map<String, List<NewProduct>> byStore = new LinkedHashMap<>();
    // Each item's SKU per creating store: the store's mapped SKU field (catalog.sku_field), else
    // ProductCode. A store where the product has no SKU gets no product.
    Map<WorkItem, Map<String, String>> skus = new LinkedHashMap<>();
    missing.forEach(
        (item, change) -> {
          Map<String, String> skuByStore = new LinkedHashMap<>();
          stores.forEach(
              store -> {
                String sku = change.keys().skuIn(store);
                if (sku != null) {
                  skuByStore.put(store, sku);
                }
              });
          if (skuByStore.isEmpty() || change.details() == null) {
            outcomes.put(item.id(), PriceFlow.notInStore(change.keys()));
            return;
          }
          ProductDetails d = change.details();
          skuByStore.forEach(
              (store, sku) ->
                  byStore
                      .computeIfAbsent(store, k -> new ArrayList<>())
                      .add(
                          new NewProduct(
                              sku, d.name(), d.description(), Boolean.TRUE.equals(d.visible()))));
          skus.put(item, skuByStore);
        });
    Map<String, WriteFailure> failures = new HashMap<>();
    byStore.forEach(
        (store, products) ->
            catalog
                .createProducts(store, products)
                .forEach((sku, failure) -> failures.put(store + "|" + sku, failure)));
    skus.forEach(
        (item, skuByStore) -> {
          List<WriteFailure> failed = new ArrayList<>();
          skuByStore.forEach(
              (store, sku) -> {
                WriteFailure failure = failures.get(store + "|" + sku);
                if (failure != null) {
                  failed.add(failure);
                }
              });
          if (failed.isEmpty()) {
            outcomes.put(item.id(), Outcome.SUCCESS);
          } else if (failed.stream().anyMatch(WriteFailure::retryable)) {
            outcomes.put(item.id(), Outcome.retry(failed.get(0).message()));
          } else {
            outcomes.put(item.id(), Outcome.permanent(failed.get(0).message()));
          }
        });
    return outcomes;
  }

  private List<String> creatingStores() {
    if (!configs.isPresent()) {
      return List.of();
    }
    SyncConfigs loaded = configs.get();
    return catalog.writableStores().stream()
        .filter(s -> loaded.forStore(s).config().reverse().createProducts())
        .toList();
  }
}
