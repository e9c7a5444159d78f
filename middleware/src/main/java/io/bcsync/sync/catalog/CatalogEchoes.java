package io.bcsync.sync.catalog;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.catalog.WrittenValues.Written;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.ProductState;
import io.bcsync.sync.port.CatalogWriter.VariantState;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * <b>No echo on the BigCommerce side.</b> A price, stock level or product field the Salesforce
 * flows write makes BigCommerce fire {@code store/sku/updated}, an inventory hook or {@code
 * store/product/updated}, which comes back as a product work item. An item made only of those
 * scopes, whose product re-read holds exactly the values last written ({@link WrittenValues}: each
 * variant's price and stock, and the product's name, description, visibility, weight, categories
 * and custom fields, {@link ProductEchoText}), is our own write coming back: it ends SKIPPED and is
 * counted in {@code bcsync_sync_echoes_total}. An item with {@code store/product/updated} for a
 * product whose fields we never wrote, or whose values differ (someone changed them since), goes on
 * as usual.
 */
@Singleton
public class CatalogEchoes {
  static final String PRODUCT = "product";
  static final String PRODUCT_UPDATED = "store/product/updated";
  static final Set<String> WRITE_SCOPES =
      Set.of(
          "store/sku/updated",
          "store/sku/inventory/updated",
          "store/product/inventory/updated",
          PRODUCT_UPDATED);

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
    Map<Long, ProductState> now = catalog.products(storeHash, ours.keySet());
    ours.forEach(
        (productId, values) -> {
          boolean fieldsAnnounced = candidates.get(productId).scopes().contains(PRODUCT_UPDATED);
          boolean fieldsWritten =
              values.stream().anyMatch(v -> ProductEchoText.FIELD.equals(v.field()));
          if ((!fieldsAnnounced || fieldsWritten) && holds(now.get(productId), values)) {
            echoes.put(
                candidates.get(productId).id(),
                Outcome.skipped(
                    "an echo of bcsync's own catalog write: the store holds what we wrote"));
            registry.counter("bcsync.sync.echoes", "side", "bigcommerce").increment();
          }
        });
    return echoes;
  }

  /** Whether every written value is what the product and its variants hold now. */
  static boolean holds(ProductState product, List<Written> values) {
    if (product == null) {
      return false;
    }
    Map<Long, VariantState> byId = new HashMap<>();
    product.variants().forEach(v -> byId.put(v.variantId(), v));
    List<Written> unmatched = new ArrayList<>();
    for (Written value : values) {
      if (ProductEchoText.FIELD.equals(value.field())) {
        if (!WrittenValues.hash(ProductEchoText.now(product)).equals(value.valueHash())) {
          unmatched.add(value);
        }
        continue;
      }
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
