package io.bcsync.bigcommerce.writing;

import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.InventoryLevel;
import io.bcsync.bigcommerce.client.PricingApi;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.sync.port.InventoryWriter;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link InventoryWriter} port over BigCommerce's Inventory and Locations APIs. Levels go in
 * absolute adjustments of up to 2,000 items, every location of a variant in the same request. The
 * endpoint refuses a whole request (422) for one bad item; such a batch is split in halves, keeping
 * a variant's locations together, until the refused variant stands alone, so no variant is left
 * with some of its locations written and others not, and every other variant is still written.
 */
@Singleton
public class BigCommerceInventoryWriter implements InventoryWriter {
  static final int ITEMS_PER_CALL = 2000;
  static final String REASON = "Salesforce stock level (bcsync)";

  private final BigCommerceClient client;

  public BigCommerceInventoryWriter(BigCommerceClient client) {
    this.client = client;
  }

  @Override
  public Set<Long> locations(String storeHash) {
    return new LinkedHashSet<>(client.forStore(storeHash).pricing().locationIds());
  }

  @Override
  public Map<StockAt, WriteFailure> setStock(String storeHash, Map<StockAt, Integer> levels) {
    Map<StockAt, WriteFailure> failed = new LinkedHashMap<>();
    PricingApi pricing;
    try {
      pricing = client.forStore(storeHash).pricing();
    } catch (PermanentFailureException e) {
      levels.keySet().forEach(at -> failed.put(at, new WriteFailure(e.getMessage(), false)));
      return failed;
    }
    Map<Long, List<StockAt>> byVariant = new LinkedHashMap<>();
    levels
        .keySet()
        .forEach(
            at ->
                byVariant
                    .computeIfAbsent(at.variant().variantId(), v -> new ArrayList<>())
                    .add(at));
    List<List<StockAt>> groups = new ArrayList<>(byVariant.values());
    int from = 0;
    while (from < groups.size()) {
      int to = from;
      int items = 0;
      while (to < groups.size() && items + groups.get(to).size() <= ITEMS_PER_CALL) {
        items += groups.get(to++).size();
      }
      List<List<StockAt>> call = groups.subList(from, Math.max(to, from + 1));
      Map<List<StockAt>, WriteFailure> refused = new LinkedHashMap<>();
      BigCommerceCatalogWriter.write(
          call,
          part -> pricing.adjustInventoryAbsolute(REASON, items(part, levels)),
          group -> group,
          refused);
      refused.forEach((group, failure) -> group.forEach(at -> failed.put(at, failure)));
      from = Math.max(to, from + 1);
    }
    return failed;
  }

  private static List<InventoryLevel> items(
      List<List<StockAt>> groups, Map<StockAt, Integer> levels) {
    List<InventoryLevel> items = new ArrayList<>();
    groups.forEach(
        group ->
            group.forEach(
                at ->
                    items.add(
                        InventoryLevel.ofVariant(
                            at.locationId(), at.variant().variantId(), levels.get(at)))));
    return items;
  }

  @Override
  public Map<Long, Map<Long, Integer>> stockByLocation(
      String storeHash, Collection<Long> variantIds) {
    if (variantIds.isEmpty()) {
      return Map.of();
    }
    return client.forStore(storeHash).pricing().stockByLocation(variantIds);
  }
}
