package io.bcsync.sync.catalog;

import io.bcsync.config.ReverseSyncConfig;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.catalog.CatalogTargets.Target;
import io.bcsync.sync.mapping.InventoryMapping.StockLocation;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.InventoryWriter;
import io.bcsync.sync.port.InventoryWriter.StockAt;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * <b>Stock per location</b> for {@link ProductFlow}: each store's {@code inventory:} section names
 * the BigCommerce locations whose stock Salesforce sets, each from its own numeric Product2 field;
 * a store without one takes the process-wide default ({@code bcsync.sync.reverse.inventory-field}
 * at {@code location-id}). A Product2 item sets, in each store it is found in, the locations whose
 * field is news (a changed field sets its locations only), all of them in the same absolute
 * adjustments call for the store. Before anything of an item is sent, every location it would set
 * must exist in the store (location 1, the default, always does; others are read once per process
 * and again when one is missing): an item that names a location the store lacks is dead-lettered
 * with the reason and nothing of it is written.
 */
@Singleton
public class StockLevels {
  private final BeanProvider<SyncConfigs> configs;
  private final ReverseSyncConfig config;
  private final InventoryWriter inventory;
  private final WrittenValues written;
  private final Map<String, Set<Long>> knownLocations = new ConcurrentHashMap<>();

  public StockLevels(
      BeanProvider<SyncConfigs> configs,
      ReverseSyncConfig config,
      InventoryWriter inventory,
      WrittenValues written) {
    this.configs = configs;
    this.config = config;
    this.inventory = inventory;
    this.written = written;
  }

  /** The locations a store's products set the stock of, each with its Product2 field. */
  public List<StockLocation> of(String storeHash) {
    List<StockLocation> mapped =
        configs.isPresent()
            ? configs.get().forStore(storeHash).config().reverse().inventory().locations()
            : List.of();
    return mapped.isEmpty()
        ? List.of(new StockLocation(config.locationId(), config.inventoryField()))
        : mapped;
  }

  /** Every Product2 field these stores set stock from: the batch's re-read asks for all of them. */
  public Set<String> fields(Collection<String> stores) {
    Set<String> fields = new LinkedHashSet<>();
    if (stores.isEmpty()) {
      fields.add(config.inventoryField());
    }
    stores.forEach(store -> of(store).forEach(l -> fields.add(l.field())));
    return fields;
  }

  /**
   * Ends, before anything is sent, the items whose stock names a location one of their stores lacks
   * (dead-lettered with the reason), and removes them from {@code wanted}; a failed read of the
   * store's locations retries its items.
   */
  Map<Long, Outcome> refuseUnknownLocations(
      Map<WorkItem, ProductChange> wanted, Map<WorkItem, List<Target>> found) {
    Map<Long, Outcome> refused = new HashMap<>();
    Iterator<Map.Entry<WorkItem, ProductChange>> entries = wanted.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<WorkItem, ProductChange> entry = entries.next();
      Outcome outcome = locationCheck(entry.getValue(), found.get(entry.getKey()));
      if (outcome != null) {
        refused.put(entry.getKey().id(), outcome);
        entries.remove();
      }
    }
    return refused;
  }

  private Outcome locationCheck(ProductChange change, List<Target> targets) {
    if (targets == null || change.levels().isEmpty()) {
      return null;
    }
    for (String store : targets.stream().map(Target::storeHash).distinct().toList()) {
      Set<Long> wantedHere = new TreeSet<>();
      of(store).stream()
          .filter(l -> change.levels().containsKey(l.field()))
          .forEach(l -> wantedHere.add(l.locationId()));
      // Location 1 is every store's default shipping origin and cannot be deleted
      // (locations.v3.yml, DELETE /inventory/locations).
      wantedHere.remove(1L);
      if (wantedHere.isEmpty()) {
        continue;
      }
      Set<Long> known;
      try {
        known = locations(store, wantedHere);
      } catch (RuntimeException e) {
        return Outcome.retry(
            "could not read the inventory locations of store " + store + ": " + e.getMessage());
      }
      Set<Long> missing = new TreeSet<>(wantedHere);
      missing.removeAll(known);
      if (!missing.isEmpty()) {
        return Outcome.permanent(
            "store "
                + store
                + " has no inventory location "
                + missing
                + " (its locations: "
                + new TreeSet<>(known)
                + "); fix the store's inventory.locations mapping or create the location");
      }
    }
    return null;
  }

  /** The store's locations: read again when one of those wanted is not among them. */
  private Set<Long> locations(String store, Set<Long> wanted) {
    Set<Long> known = knownLocations.get(store);
    if (known == null || !known.containsAll(wanted)) {
      known = Set.copyOf(inventory.locations(store));
      knownLocations.put(store, known);
    }
    return known;
  }

  /**
   * Writes the items' stock, one absolute adjustments call per store (up to 2,000 levels each)
   * carrying every location; records each value first ({@code stock@<location>}) so the webhook the
   * write fires is recognised as an echo. A failed level fails its target.
   */
  void write(
      Map<WorkItem, ProductChange> wanted,
      Map<WorkItem, List<Target>> found,
      Map<Target, WriteFailure> failed) {
    Map<String, Map<StockAt, Integer>> byStore = new LinkedHashMap<>();
    wanted.forEach(
        (item, change) -> {
          if (change.levels().isEmpty() || !found.containsKey(item)) {
            return;
          }
          for (Target t : found.get(item)) {
            for (StockLocation l : of(t.storeHash())) {
              Integer level = change.levels().get(l.field());
              if (level != null) {
                byStore
                    .computeIfAbsent(t.storeHash(), s -> new LinkedHashMap<>())
                    .put(new StockAt(t.variant(), l.locationId()), level);
              }
            }
          }
        });
    byStore.forEach(
        (store, levels) -> {
          Map<Long, Map<VariantRef, String>> values = new LinkedHashMap<>();
          levels.forEach(
              (at, level) ->
                  values
                      .computeIfAbsent(at.locationId(), l -> new LinkedHashMap<>())
                      .put(at.variant(), Integer.toString(level)));
          values.forEach(
              (location, byVariant) ->
                  written.record(store, WrittenValues.stock(location), byVariant));
          inventory
              .setStock(store, levels)
              .forEach(
                  (at, failure) -> failed.putIfAbsent(new Target(store, at.variant()), failure));
        });
  }
}
