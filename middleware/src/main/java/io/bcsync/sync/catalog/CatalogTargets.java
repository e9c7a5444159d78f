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
 * by its SKU ({@code ProductCode}, or the Product2 field a store's {@code catalog.sku_field} names)
 * in every store the app can write. Salesforce only updates products that exist: a product found
 * nowhere has no target (creating it is a store setting not built yet, docs/reverse-sync.md).
 */
@Singleton
public class CatalogTargets {
  private final CatalogWriter catalog;

  public CatalogTargets(CatalogWriter catalog) {
    this.catalog = catalog;
  }

  /**
   * How a Salesforce product names its BigCommerce variant; any may be null.
   *
   * @param sku the SKU of stores that map none of their own ({@code ProductCode})
   * @param storeSkus the SKU in stores whose mapping names another Product2 field ({@code
   *     catalog.sku_field}), by store hash
   */
  public record ProductKeys(String variantKey, String sku, Map<String, String> storeSkus) {
    public ProductKeys {
      storeSkus =
          storeSkus == null
              ? Map.of()
              : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(storeSkus));
    }

    public ProductKeys(String variantKey, String sku) {
      this(variantKey, sku, Map.of());
    }

    /** The product's SKU in this store, or null. */
    public String skuIn(String storeHash) {
      String sku = storeSkus.containsKey(storeHash) ? storeSkus.get(storeHash) : this.sku;
      return blank(sku) ? null : sku.trim();
    }

    public boolean isEmpty() {
      return blank(variantKey) && blank(sku) && storeSkus.values().stream().allMatch(s -> blank(s));
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
    Map<K, ProductKeys> bySku = new LinkedHashMap<>();
    keys.forEach(
        (key, product) -> {
          Target linked = linked(product.variantKey(), stores);
          if (linked != null) {
            found.put(key, new ArrayList<>(List.of(linked)));
          } else {
            bySku.put(key, product);
          }
        });
    for (String store : stores) {
      Set<String> skus = new HashSet<>();
      bySku.values().forEach(p -> skus.add(p.skuIn(store)));
      skus.remove(null);
      if (skus.isEmpty()) {
        continue;
      }
      Map<String, VariantRef> variants = catalog.variantsBySku(store, skus);
      bySku.forEach(
          (key, product) -> {
            VariantRef variant = variants.get(product.skuIn(store));
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
