package io.bcsync.sync.catalog;

import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the BigCommerce variants a Salesforce product stands for: first by its link to the store
 * (the variant key the forward sync wrote on the Product2, {@code store:productId:variantId}), then
 * by its SKU ({@code ProductCode}) in every store the app can write. Salesforce only updates
 * products that exist: a product found nowhere has no target (creating it is a store setting not
 * built yet, docs/reverse-sync.md).
 */
@Singleton
public class CatalogTargets {
  private final CatalogWriter catalog;

  public CatalogTargets(CatalogWriter catalog) {
    this.catalog = catalog;
  }

  /** How a Salesforce product names its BigCommerce variant; either may be null. */
  public record ProductKeys(String variantKey, String sku) {
    public boolean isEmpty() {
      return blank(variantKey) && blank(sku);
    }
  }

  /** One variant of one store. */
  public record Target(String storeHash, VariantRef variant) {}

  /**
   * The targets of each key (by the caller's key), in batched lookups: one per store for the linked
   * variants (none), and the adapter's SKU lookups per store for the rest. A key with no target is
   * absent.
   */
  public <K> Map<K, List<Target>> resolve(Map<K, ProductKeys> keys) {
    List<String> stores = catalog.writableStores();
    Map<K, List<Target>> found = new LinkedHashMap<>();
    Map<K, String> bySku = new LinkedHashMap<>();
    keys.forEach(
        (key, product) -> {
          Target linked = linked(product.variantKey(), stores);
          if (linked != null) {
            found.put(key, new ArrayList<>(List.of(linked)));
          } else if (!blank(product.sku())) {
            bySku.put(key, product.sku().trim());
          }
        });
    if (bySku.isEmpty()) {
      return found;
    }
    Set<String> skus = new HashSet<>(bySku.values());
    for (String store : stores) {
      Map<String, VariantRef> variants = catalog.variantsBySku(store, skus);
      bySku.forEach(
          (key, sku) -> {
            VariantRef variant = variants.get(sku);
            if (variant != null) {
              found.computeIfAbsent(key, k -> new ArrayList<>()).add(new Target(store, variant));
            }
          });
    }
    return found;
  }

  /** A well-formed variant key of a writable store, else null (then the SKU decides). */
  private static Target linked(String variantKey, List<String> stores) {
    if (blank(variantKey)) {
      return null;
    }
    String[] parts = variantKey.trim().split(":");
    if (parts.length != 3
        || !stores.contains(parts[0])
        || !parts[1].matches("\\d{1,18}")
        || !parts[2].matches("\\d{1,18}")) {
      return null;
    }
    return new Target(parts[0], new VariantRef(Long.parseLong(parts[1]), Long.parseLong(parts[2])));
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
