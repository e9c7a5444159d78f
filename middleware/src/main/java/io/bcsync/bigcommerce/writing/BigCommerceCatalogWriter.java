package io.bcsync.bigcommerce.writing;

import io.bcsync.bigcommerce.client.BigCommerceApiException;
import io.bcsync.bigcommerce.client.BigCommerceClient;
import io.bcsync.bigcommerce.client.CatalogApi;
import io.bcsync.bigcommerce.client.CatalogDtos;
import io.bcsync.bigcommerce.client.PriceRecordUpsert;
import io.bcsync.bigcommerce.client.PricingApi;
import io.bcsync.bigcommerce.client.ProductDetailsUpdate;
import io.bcsync.bigcommerce.client.VariantUpdate;
import io.bcsync.bigcommerce.stores.ConnectedStore;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.pipeline.PermanentFailureException;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The {@link CatalogWriter} port over the V3 catalog API. Prices go in batches of fifty variants
 * ({@code PUT /v3/catalog/variants}); stock levels are {@link BigCommerceInventoryWriter}'s. The
 * batch endpoints refuse a whole batch (422) for one bad record; such a batch is split in halves
 * until the refused records stand alone, so every other record is still written and each gets its
 * own answer.
 */
@Singleton
public class BigCommerceCatalogWriter implements CatalogWriter {
  static final int VARIANTS_PER_CALL = 50;
  static final int RECORDS_PER_CALL = 1000;
  private static final Set<Integer> RECORD_REFUSALS = Set.of(404, 409, 422);
  static final int PRODUCTS_PER_CALL = 10;

  private final BigCommerceClient client;
  private final ConnectedStores stores;

  public BigCommerceCatalogWriter(BigCommerceClient client, ConnectedStores stores) {
    this.client = client;
    this.stores = stores;
  }

  @Override
  public List<String> writableStores() {
    return stores.withApiAccess().stream().map(ConnectedStore::storeHash).toList();
  }

  /**
   * Products by their own SKU first ({@code sku:in}, fifty per call: a product without options has
   * its SKU on the product and its base variant); the remaining SKUs one call each, as the
   * store-wide variants endpoint filters by a single {@code sku} only.
   */
  @Override
  public Map<String, VariantRef> variantsBySku(String storeHash, Collection<String> skus) {
    CatalogApi catalog = client.forStore(storeHash).catalog();
    Set<String> wanted = new HashSet<>(skus);
    Map<String, VariantRef> found = new LinkedHashMap<>();
    for (CatalogDtos.Product product : catalog.readBySkus(wanted)) {
      for (CatalogDtos.Variant variant : product.variants()) {
        if (wanted.contains(variant.sku())) {
          found.putIfAbsent(variant.sku(), new VariantRef(product.id(), variant.id()));
        }
      }
    }
    for (String sku : wanted) {
      if (!found.containsKey(sku)) {
        catalog.variantsBySku(sku).stream()
            .filter(v -> sku.equals(v.sku()))
            .findFirst()
            .ifPresent(v -> found.put(sku, new VariantRef(v.productId(), v.id())));
      }
    }
    return found;
  }

  /**
   * One {@code POST /v3/catalog/products} per product, with price 0 and weight 0 (both required;
   * the price flow sets the price, and a merchant the weight). A 409 (a product with this SKU or
   * name exists) is retryable, never permanent: after a lost answer the retry finds the product by
   * its SKU and updates it instead; a name another product holds stays a retry until it is renamed
   * or the item is dead-lettered after its attempts.
   */
  @Override
  public Map<String, WriteFailure> createProducts(String storeHash, List<NewProduct> products) {
    Map<String, WriteFailure> failed = new LinkedHashMap<>();
    CatalogApi catalog;
    try {
      catalog = client.forStore(storeHash).catalog();
    } catch (PermanentFailureException e) {
      products.forEach(p -> failed.put(p.sku(), new WriteFailure(e.getMessage(), false)));
      return failed;
    }
    for (NewProduct p : products) {
      try {
        catalog.createProduct(p.sku(), p.name(), p.description(), p.visible(), BigDecimal.ZERO);
      } catch (PermanentFailureException e) {
        boolean exists = e instanceof BigCommerceApiException api && api.status() == 409;
        failed.put(p.sku(), new WriteFailure(e.getMessage(), exists));
      } catch (RuntimeException e) {
        failed.put(p.sku(), new WriteFailure(e.getMessage(), true));
      }
    }
    return failed;
  }

  @Override
  public Map<Long, WriteFailure> updateProducts(
      String storeHash, Map<Long, ProductDetails> details) {
    Map<Long, WriteFailure> failed = new LinkedHashMap<>();
    CatalogApi catalog;
    List<ProductDetailsUpdate> updates;
    Map<Long, List<Long>> deletions;
    try {
      catalog = client.forStore(storeHash).catalog();
      ProductUpdates.Plan plan = ProductUpdates.of(catalog, details);
      updates = plan.updates();
      deletions = plan.deletions();
    } catch (PermanentFailureException e) {
      details.keySet().forEach(id -> failed.put(id, new WriteFailure(e.getMessage(), false)));
      return failed;
    } catch (RuntimeException e) {
      details.keySet().forEach(id -> failed.put(id, new WriteFailure(e.getMessage(), true)));
      return failed;
    }
    for (int from = 0; from < updates.size(); from += PRODUCTS_PER_CALL) {
      write(
          updates.subList(from, Math.min(updates.size(), from + PRODUCTS_PER_CALL)),
          part -> ProductUpdates.partial(catalog.updateProductBatch(part), part, failed),
          ProductDetailsUpdate::id,
          failed);
    }
    deleteCustomFields(catalog, deletions, failed);
    return failed;
  }

  /**
   * Deletes the cleared custom fields of the products whose update went through, one call per field
   * (the endpoint deletes one). A 404 is success; a failure fails its product's item, whose retry
   * reads the fields again and deletes what is left.
   */
  private static void deleteCustomFields(
      CatalogApi catalog, Map<Long, List<Long>> deletions, Map<Long, WriteFailure> failed) {
    deletions.forEach(
        (productId, fieldIds) -> {
          if (failed.containsKey(productId)) {
            return;
          }
          try {
            fieldIds.forEach(fieldId -> catalog.deleteCustomField(productId, fieldId));
          } catch (PermanentFailureException e) {
            failed.put(productId, new WriteFailure(e.getMessage(), false));
          } catch (RuntimeException e) {
            failed.put(productId, new WriteFailure(e.getMessage(), true));
          }
        });
  }

  /** Products with their variants and custom fields, 250 ids per call. */
  @Override
  public Map<Long, ProductState> products(String storeHash, Collection<Long> productIds) {
    Map<Long, ProductState> found = new LinkedHashMap<>();
    client
        .forStore(storeHash)
        .catalog()
        .readWithCustomFields(productIds)
        .forEach((id, product) -> found.put(id, ProductUpdates.state(product)));
    return found;
  }

  /** Products with their variants, 100 ids per call. */
  @Override
  public Map<Long, List<VariantState>> variants(String storeHash, Collection<Long> productIds) {
    Map<Long, List<VariantState>> found = new LinkedHashMap<>();
    client
        .forStore(storeHash)
        .catalog()
        .readByIds(productIds)
        .forEach(
            (id, product) ->
                found.put(
                    id,
                    product.variants().stream()
                        .map(v -> new VariantState(v.id(), v.price(), v.inventoryLevel()))
                        .toList()));
    return found;
  }

  @Override
  public Map<VariantRef, WriteFailure> setPrices(
      String storeHash, Map<VariantRef, BigDecimal> prices) {
    Map<VariantRef, WriteFailure> failed = new LinkedHashMap<>();
    Map<Long, VariantRef> byId = new LinkedHashMap<>();
    prices.keySet().forEach(ref -> byId.put(ref.variantId(), ref));
    List<VariantUpdate> updates = new ArrayList<>();
    prices.forEach((ref, price) -> updates.add(VariantUpdate.of(ref.variantId()).withPrice(price)));
    CatalogApi catalog;
    try {
      catalog = client.forStore(storeHash).catalog();
    } catch (PermanentFailureException e) {
      prices.keySet().forEach(ref -> failed.put(ref, new WriteFailure(e.getMessage(), false)));
      return failed;
    }
    for (int from = 0; from < updates.size(); from += VARIANTS_PER_CALL) {
      List<VariantUpdate> chunk =
          updates.subList(from, Math.min(updates.size(), from + VARIANTS_PER_CALL));
      write(
          chunk,
          part -> partial(catalog.updateVariantBatch(part), part, byId, failed),
          update -> byId.get(update.id()),
          failed);
    }
    return failed;
  }

  /** The variants a 207 left out of its {@code data} failed, for the reason its errors give. */
  private static void partial(
      CatalogApi.VariantBatch answer,
      List<VariantUpdate> sent,
      Map<Long, VariantRef> byId,
      Map<VariantRef, WriteFailure> failed) {
    if (answer.errors() == null) {
      return;
    }
    Set<Long> written = new HashSet<>();
    answer.written().forEach(v -> written.add(v.id()));
    for (VariantUpdate update : sent) {
      if (!written.contains(update.id())) {
        failed.put(
            byId.get(update.id()),
            new WriteFailure("BigCommerce did not write the price: " + answer.errors(), false));
      }
    }
  }

  /**
   * {@code PUT /v3/pricelists/{id}/records}, 1,000 records per call (the endpoint's limit). The
   * client sends no {@code X-Strict-Mode}, so BigCommerce writes the valid records of a batch and
   * answers 422 with {@code batch_errors} naming the refused ones: exactly those fail. A 422 whose
   * body does not name them is split in halves like the other batches until each refused record
   * stands alone (the valid ones are sent again, to the same absolute values), so every record gets
   * its own outcome either way.
   */
  @Override
  public Map<VariantRef, WriteFailure> setPriceListRecords(
      String storeHash, long priceListId, String currency, Map<VariantRef, BigDecimal> prices) {
    Map<VariantRef, WriteFailure> failed = new LinkedHashMap<>();
    Map<Long, VariantRef> byId = new LinkedHashMap<>();
    List<PriceRecordUpsert> records = new ArrayList<>();
    prices.forEach(
        (ref, price) -> {
          byId.put(ref.variantId(), ref);
          records.add(PriceRecordUpsert.forVariant(ref.variantId(), currency, price));
        });
    PricingApi pricing;
    try {
      pricing = client.forStore(storeHash).pricing();
    } catch (PermanentFailureException e) {
      prices.keySet().forEach(ref -> failed.put(ref, new WriteFailure(e.getMessage(), false)));
      return failed;
    }
    for (int from = 0; from < records.size(); from += RECORDS_PER_CALL) {
      write(
          records.subList(from, Math.min(records.size(), from + RECORDS_PER_CALL)),
          part -> upsertRecords(pricing, priceListId, part, byId, failed),
          record -> byId.get(record.variantId()),
          failed);
    }
    return failed;
  }

  /**
   * One records call. A 422 whose {@code batch_errors} name the refused records fails exactly those
   * (the others were written: no {@code X-Strict-Mode}); a 422 that does not is thrown, and {@link
   * #write} halves the batch to find them.
   */
  private static void upsertRecords(
      PricingApi pricing,
      long priceListId,
      List<PriceRecordUpsert> part,
      Map<Long, VariantRef> byId,
      Map<VariantRef, WriteFailure> failed) {
    try {
      pricing.upsertRecords(priceListId, part);
    } catch (PermanentFailureException e) {
      Map<Long, String> refused =
          BatchAnswers.refusedPriceRecords(
                  e, part.stream().map(PriceRecordUpsert::variantId).toList())
              .orElseThrow(() -> e);
      refused.forEach(
          (variantId, reason) -> failed.put(byId.get(variantId), new WriteFailure(reason, false)));
    }
  }

  /**
   * Sends one batch. A refusal of one record (404, 409, 422) of a batch of several is split in
   * halves so the refused records end alone (about two calls per halving for one bad record in
   * fifty); any other failure (a timeout, a 5xx, a lost answer) fails the whole batch for a retry,
   * which sets the same values. Shared with {@link BigCommerceCustomerWriter}.
   */
  static <T, K> void write(
      List<T> batch, Consumer<List<T>> call, Function<T, K> ref, Map<K, WriteFailure> failed) {
    try {
      call.accept(batch);
    } catch (PermanentFailureException e) {
      if (batch.size() == 1 || !isInvalidData(e)) {
        batch.forEach(item -> failed.put(ref.apply(item), new WriteFailure(e.getMessage(), false)));
        return;
      }
      int half = batch.size() / 2;
      write(batch.subList(0, half), call, ref, failed);
      write(batch.subList(half, batch.size()), call, ref, failed);
    } catch (RuntimeException e) {
      batch.forEach(item -> failed.put(ref.apply(item), new WriteFailure(e.getMessage(), true)));
    }
  }

  /**
   * 404 (a record not found), 409 (a record in conflict, such as a duplicate name) or 422 (a record
   * refused): one record of the batch; other refusals (scope, store gone) are for all.
   */
  private static boolean isInvalidData(RuntimeException e) {
    return e instanceof BigCommerceApiException api && RECORD_REFUSALS.contains(api.status());
  }
}
