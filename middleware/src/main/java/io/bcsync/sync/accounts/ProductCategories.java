package io.bcsync.sync.accounts;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.CatalogApi;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The category names of products, per store, read from the catalog in batches and kept: products not seen before
 * cost {@code ceil(new products / 100)} calls plus {@code ceil(new categories / 100)}; known products cost nothing.
 * A product's categories are read once per process lifetime, so a product moved to another category keeps its old
 * one in the figures until the middleware restarts (top categories are a rough guide, not accounting).
 */
@Singleton
public class ProductCategories {
  private final BigCommerceClient client;
  private final Map<String, StoreCatalog> stores = new ConcurrentHashMap<>();

  public ProductCategories(BigCommerceClient client) {
    this.client = client;
  }

  private static final class StoreCatalog {
    /** Category ids per product; an empty list for products without categories or no longer in the catalog. */
    final Map<Long, List<Long>> categoriesOfProduct = new HashMap<>();
    /** Names per category id; categories that no longer exist are absent. */
    final Map<Long, String> names = new HashMap<>();
    final Set<Long> askedCategories = new java.util.HashSet<>();
  }

  /** The category names of each given product (distinct, possibly empty); reads only what is not known yet. */
  public Map<Long, Set<String>> namesOf(String storeHash, Collection<Long> productIds) {
    StoreCatalog catalog = stores.computeIfAbsent(storeHash, h -> new StoreCatalog());
    synchronized (catalog) {
      List<Long> unknown = productIds.stream().distinct().filter(id -> !catalog.categoriesOfProduct.containsKey(id))
          .toList();
      if (!unknown.isEmpty()) {
        CatalogApi api = client.forStore(storeHash).catalog();
        Map<Long, List<Long>> read = api.categoriesOf(unknown);
        unknown.forEach(id -> catalog.categoriesOfProduct.put(id, read.getOrDefault(id, List.of())));
        List<Long> newCategories = read.values().stream().flatMap(List::stream).distinct()
            .filter(id -> !catalog.askedCategories.contains(id)).toList();
        if (!newCategories.isEmpty()) {
          catalog.names.putAll(api.categoryNames(newCategories));
          catalog.askedCategories.addAll(newCategories);
        }
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
