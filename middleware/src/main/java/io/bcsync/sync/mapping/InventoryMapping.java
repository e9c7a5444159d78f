package io.bcsync.sync.mapping;

import java.util.List;

/**
 * What a store's {@code inventory:} section maps: the BigCommerce inventory locations whose stock
 * Salesforce sets, each from its own numeric Product2 field (docs/reverse-sync.md, "Inventory per
 * location"). Empty: the store takes the process-wide default ({@code
 * bcsync.sync.reverse.inventory-field} at {@code location-id}).
 *
 * @param locations the locations in the order the file lists them, each once
 */
public record InventoryMapping(List<StockLocation> locations) {
  public InventoryMapping {
    locations = List.copyOf(locations);
  }

  public static InventoryMapping none() {
    return new InventoryMapping(List.of());
  }

  /** One location and the Product2 field whose value is the stock there. */
  public record StockLocation(long locationId, String field) {}
}
