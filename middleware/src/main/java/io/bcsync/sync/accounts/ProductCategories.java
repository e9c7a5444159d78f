package io.bcsync.sync.accounts;

import io.bcsync.sync.port.StoreReader;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The category names of products, per store, read from the catalog in batches and kept: products
 * not seen before cost {@code ceil(new products / 100)} calls plus {@code ceil(new categories /
 * 100)}; known products cost nothing. A product's categories are read once, then kept current by
 * its {@code store/product/*} webhooks: the sync hands every freshly read product to {@link
 * #refresh}, so a product moved to another category counts under the new one from the next roll-up
 * on. A category renamed keeps its old name until the middleware restarts (no category hook is
 * registered; top categories are a rough guide, not accounting).
 */
@Singleton
public class ProductCategories {
  private final StoreReader store;
  private final Map<String, StoreCatalog> stores = new ConcurrentHashMap<>();

  public ProductCategories(StoreReader store) {
    this.store = store;
  }

  private static final class StoreCatalog {
    /**
     * Category ids per product; an empty list for products without categories or no longer in the
     * catalog.
     */
    final Map<Long, List<Long>> categoriesOfProduct = new HashMap<>();

    /** Names per category id; categories that no longer exist are absent. */
    final Map<Long, String> names = new HashMap<>();

    final Set<Long> askedCategories = new java.util.HashSet<>();
  }

  /**
   * What freshly read products say their categories are now (an empty list for a product that is
   * gone). Costs no call; the names of categories not seen before are read when a roll-up next
   * needs them.
   */
  public void refresh(String storeHash, Map<Long, List<Long>> categoriesOfProducts) {
    if (categoriesOfProducts.isEmpty()) {
      return;
    }
    StoreCatalog catalog = stores.computeIfAbsent(storeHash, h -> new StoreCatalog());
    synchronized (catalog) {
      categoriesOfProducts.forEach(
          (id, categories) -> catalog.categoriesOfProduct.put(id, List.copyOf(categories)));
    }
  }

  /**
   * The category names of each given product (distinct, possibly empty); reads only what is not
   * known yet.
   */
  public Map<Long, Set<String>> namesOf(String storeHash, Collection<Long> productIds) {
    StoreCatalog catalog = stores.computeIfAbsent(storeHash, h -> new StoreCatalog());
    synchronized (catalog) {
      List<Long> unknown =
          productIds.stream()
              .distinct()
              .filter(id -> !catalog.categoriesOfProduct.containsKey(id))
              .toList();
      if (!unknown.isEmpty()) {
        Map<Long, List<Long>> read = store.categoriesOf(storeHash, unknown);
        unknown.forEach(
            id -> catalog.categoriesOfProduct.put(id, read.getOrDefault(id, List.of())));
      }
      // Also categories a refreshed product moved into: their names may not have been asked yet.
      List<Long> newCategories =
          productIds.stream()
              .distinct()
              .flatMap(id -> catalog.categoriesOfProduct.getOrDefault(id, List.of()).stream())
              .distinct()
              .filter(id -> !catalog.askedCategories.contains(id))
              .toList();
      if (!newCategories.isEmpty()) {
        catalog.names.putAll(store.categoryNames(storeHash, newCategories));
        catalog.askedCategories.addAll(newCategories);
      }
      Map<Long, Set<String>> out = new HashMap<>();
      for (Long productId : productIds) {
        Set<String> names = new LinkedHashSet<>();
        for (Long categoryId : catalog.categoriesOfProduct.getOrDefault(productId, List.of())) {
          String name = catalog.names.get(categoryId);
          if (name != null && !name.isBlank()) {
            names.add(name);
          }
        }
        out.put(productId, names);
      }
      return out;
    }
  }
}
