package io.bcsync.sync.catalog;

import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.mapping.CatalogMapping;
import io.bcsync.sync.port.CatalogWriter;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each writable store's {@code catalog:} mapping (SKU, weight and custom fields of a Product2). */
@Singleton
public class CatalogMappings {
  private final BeanProvider<SyncConfigs> configs;
  private final CatalogWriter catalog;

  public CatalogMappings(BeanProvider<SyncConfigs> configs, CatalogWriter catalog) {
    this.configs = configs;
    this.catalog = catalog;
  }

  /** The store's mapping; the default (SKU from ProductCode, nothing else) when none is loaded. */
  public CatalogMapping forStore(String storeHash) {
    return configs.isPresent()
        ? configs.get().forStore(storeHash).config().reverse().catalog()
        : CatalogMapping.none();
  }

  /** The mapping of every store the app can write, by store hash. */
  public Map<String, CatalogMapping> writable() {
    Map<String, CatalogMapping> all = new LinkedHashMap<>();
    catalog.writableStores().forEach(store -> all.put(store, forStore(store)));
    return all;
  }
}
