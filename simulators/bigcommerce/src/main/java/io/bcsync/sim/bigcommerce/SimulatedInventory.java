package io.bcsync.sim.bigcommerce;

import io.bcsync.sim.bigcommerce.catalog.CatalogOperations;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.inventory.V3LocationsApi;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.Store;
import io.bcsync.sim.bigcommerce.store.Variant;

/**
 * A test's handle on a store's inventory locations and per-location stock: what a merchant sets up
 * in the control panel, and reading back what clients wrote. Every call holds the store's lock.
 */
public final class SimulatedInventory {
  private final Store store;

  SimulatedInventory(Store store) {
    this.store = store;
  }

  /**
   * Adds an enabled VIRTUAL location (no address needed) and fires {@code
   * store/inventory/location/created}; answers its id.
   */
  public long addLocation(String code, String label) {
    synchronized (store) {
      return V3LocationsApi.add(
          store,
          Json.object()
              .put("code", code)
              .put("label", label)
              .put("type_id", "VIRTUAL")
              .put("time_zone", "Etc/UTC"));
    }
  }

  /**
   * The stock of a variant (or, for a product not tracked by variant, of the product) at a
   * location.
   */
  public int stockAt(long productId, long variantId, long locationId) {
    synchronized (store) {
      Product p = product(productId);
      Variant item =
          "variant".equals(p.inventoryTracking) ? variant(p, variantId) : p.baseVariant();
      return CatalogOperations.stockAt(p, item, locationId);
    }
  }

  /** Sets stock at a location as a merchant would, firing the inventory hook. */
  public void setStockAt(long productId, long variantId, long locationId, int level) {
    synchronized (store) {
      Product p = product(productId);
      CatalogOperations.setStock(store, p, variant(p, variantId), locationId, level, "updated");
    }
  }

  private Product product(long productId) {
    Product p = store.products.get(productId);
    if (p == null) {
      throw new IllegalArgumentException("no product " + productId);
    }
    return p;
  }

  private static Variant variant(Product p, long variantId) {
    return p.variants.stream()
        .filter(v -> v.id == variantId)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no variant " + variantId));
  }
}
