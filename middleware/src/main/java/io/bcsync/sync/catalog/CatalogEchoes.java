package io.bcsync.sync.catalog;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.catalog.WrittenValues.Written;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.VariantState;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>No echo on the BigCommerce side.</b> A price or stock level the Salesforce flows write makes
 * BigCommerce fire {@code store/sku/updated} or an inventory hook, which comes back as a product
 * work item. An item made only of those scopes, whose variants re-read hold exactly the values last
 * written ({@link WrittenValues}), is our own write coming back: it ends SKIPPED and is counted in
 * {@code bcsync_sync_echoes_total}. An item that also carries another change ({@code
 * store/product/updated}), or whose values differ (someone changed them since), goes on as usual.
 */
@Singleton
public class CatalogEchoes {
  static final String PRODUCT = "product";
  static final Set<String> WRITE_SCOPES =
      Set.of("store/sku/updated", "store/sku/inventory/updated", "store/product/inventory/updated");

  private final WrittenValues written;
  private final CatalogWriter catalog;
  private final MeterRegistry registry;

  public CatalogEchoes(WrittenValues written, CatalogWriter catalog, MeterRegistry registry) {
    this.written = written;
    this.catalog = catalog;
    this.registry = registry;
  }

  /** Answers the echoes among the store's items, each SKIPPED with the reason. */
  public Map<Long, Outcome> echoes(String storeHash, List<WorkItem> items) {
    Map<Long, Outcome> echoes = new HashMap<>();
    Map<Long, WorkItem> candidates = new HashMap<>();
    for (WorkItem item : items) {
      if (PRODUCT.equals(item.entity().type())
          && !item.scopes().isEmpty()
          && WRITE_SCOPES.containsAll(item.scopes())
          && item.entity().id().matches("\\d{1,18}")) {
        candidates.put(Long.parseLong(item.entity().id()), item);
      }
    }
    if (candidates.isEmpty()) {
      return echoes;
    }
    Map<Long, List<Written>> ours = written.ofProducts(storeHash, candidates.keySet());
    if (ours.isEmpty()) {
      return echoes;
    }
    Map<Long, List<VariantState>> now = catalog.variants(storeHash, ours.keySet());
    ours.forEach(
        (productId, values) -> {
          if (holds(now.get(productId), values)) {
            echoes.put(
                candidates.get(productId).id(),
                Outcome.skipped(
                    "an echo of bcsync's own catalog write: the store holds what we wrote"));
            registry.counter("bcsync.sync.echoes", "side", "bigcommerce").increment();
          }
        });
    return echoes;
  }

  /** Whether every written value is what the variant holds now. */
  static boolean holds(List<VariantState> variants, List<Written> values) {
    if (variants == null) {
      return false;
    }
    Map<Long, VariantState> byId = new HashMap<>();
    variants.forEach(v -> byId.put(v.variantId(), v));
    List<Written> unmatched = new ArrayList<>();
    for (Written value : values) {
      VariantState state = byId.get(value.variantId());
      String current = state == null ? null : current(state, value.field());
      if (current == null || !WrittenValues.hash(current).equals(value.valueHash())) {
        unmatched.add(value);
      }
    }
    return unmatched.isEmpty();
  }

  private static String current(VariantState state, String field) {
    if (WrittenValues.PRICE.equals(field)) {
      return state.price() == null ? null : WrittenValues.price(state.price());
    }
    // The catalog reports one level per variant: the sum over locations, equal to the written
    // level in a single-location store (multi-location stores are not compared yet).
    return field.startsWith("stock@") ? Integer.toString(state.stock()) : null;
  }
}
