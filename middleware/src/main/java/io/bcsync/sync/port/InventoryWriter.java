package io.bcsync.sync.port;

import io.bcsync.sync.port.CatalogWriter.VariantRef;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * Port: a store's inventory locations and the stock of its variants at each. Adapter: {@code
 * io.bcsync.bigcommerce.writing.BigCommerceInventoryWriter}. Levels are set absolutely, so
 * repeating a write (after a lost answer, or a crash before the item was marked done) leaves the
 * store as one successful call would.
 */
public interface InventoryWriter {

  /** The ids of the store's inventory locations. */
  Set<Long> locations(String storeHash);

  /**
   * Sets each variant's stock at each location, every location in the same absolute adjustments (up
   * to 2,000 items per call); answers the levels whose write failed, a level absent from the answer
   * was written.
   */
  Map<StockAt, StoreWriter.WriteFailure> setStock(String storeHash, Map<StockAt, Integer> levels);

  /**
   * These variants' stock at every location of the store as it holds it now: variant id → location
   * id → count on hand (what the echo check compares with what was written).
   */
  Map<Long, Map<Long, Integer>> stockByLocation(String storeHash, Collection<Long> variantIds);

  /** One variant's stock at one location. */
  record StockAt(VariantRef variant, long locationId) {}
}
