package io.bcsync.sync.catalog;

import io.bcsync.pipeline.WorkItem;
import io.bcsync.sync.catalog.CatalogTargets.Target;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CatalogWriter.ProductDetails;
import io.bcsync.sync.port.CatalogWriter.ProductState;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the descriptive fields of {@link ProductFlow}'s items: name, description, visibility and
 * each store's mapped weight and custom fields belong to the BigCommerce <em>product</em>, so they
 * are written there, ten products per call, never to a variant. A product with several variants has
 * several Product2s (one per variant, as the forward sync creates them); only the one linked to the
 * product's first variant as the store lists them (or one whose SKU is the product's own) speaks
 * for the product, so the Product2s of its variants do not take turns renaming it. The others write
 * their variant's price and stock only.
 *
 * <p>Before sending, the state the product will hold is recorded ({@link ProductEchoText}), so the
 * {@code store/product/updated} our write fires is recognised as an echo ({@link CatalogEchoes}).
 */
@Singleton
public class ProductDetailsWrites {
  private final CatalogWriter catalog;
  private final CatalogMappings mappings;
  private final WrittenValues written;

  public ProductDetailsWrites(
      CatalogWriter catalog, CatalogMappings mappings, WrittenValues written) {
    this.catalog = catalog;
    this.mappings = mappings;
    this.written = written;
  }

  /** Writes what the items describe, adding each refused target's failure to {@code failed}. */
  void write(
      Map<WorkItem, ProductChange> wanted,
      Map<WorkItem, List<Target>> found,
      Map<Target, WriteFailure> failed) {
    Map<String, Map<Target, ProductChange>> byStore = new LinkedHashMap<>();
    wanted.forEach(
        (item, change) -> {
          if (change.details() != null && found.containsKey(item)) {
            found
                .get(item)
                .forEach(
                    t ->
                        byStore
                            .computeIfAbsent(t.storeHash(), s -> new LinkedHashMap<>())
                            .put(t, change));
          }
        });
    byStore.forEach((store, changes) -> writeStore(store, changes, failed));
  }

  private void writeStore(
      String store, Map<Target, ProductChange> changes, Map<Target, WriteFailure> failed) {
    Set<Long> productIds = new LinkedHashSet<>();
    changes.keySet().forEach(t -> productIds.add(t.variant().productId()));
    Map<Long, ProductState> states = catalog.products(store, productIds);
    Map<Long, ProductDetails> writes = new LinkedHashMap<>();
    Map<VariantRef, String> expected = new LinkedHashMap<>();
    changes.forEach(
        (target, change) -> {
          long productId = target.variant().productId();
          ProductState state = states.get(productId);
          if (state != null
              && !writes.containsKey(productId)
              && speaksForProduct(state, target, change.keys().skuIn(store))) {
            ProductDetails details = change.detailsFor(mappings.forStore(store));
            if (details == null) {
              return; // BigCommerce owns every descriptive field here (ownership.catalog_fields)
            }
            writes.put(productId, details);
            expected.put(
                new VariantRef(productId, productId), ProductEchoText.after(state, details));
          }
        });
    if (writes.isEmpty()) {
      return;
    }
    written.record(store, ProductEchoText.FIELD, expected);
    Map<Long, WriteFailure> refused = catalog.updateProducts(store, writes);
    changes
        .keySet()
        .forEach(
            target -> {
              WriteFailure failure = refused.get(target.variant().productId());
              if (failure != null) {
                failed.putIfAbsent(target, failure);
              }
            });
  }

  /**
   * Whether the Product2 that names this variant describes its product: a product of one variant, a
   * SKU that is the product's own, or else the product's first variant.
   */
  static boolean speaksForProduct(ProductState state, Target target, String sku) {
    if (state.variants().size() <= 1) {
      return true;
    }
    return (!state.sku().isBlank() && state.sku().equals(sku))
        || state.variants().get(0).variantId() == target.variant().variantId();
  }
}
