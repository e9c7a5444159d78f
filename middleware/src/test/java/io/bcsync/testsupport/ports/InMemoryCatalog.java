package io.bcsync.testsupport.ports;

import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.InventoryWriter;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog of in-memory stores, as {@link CatalogWriter} sees it: variants with a SKU, a price
 * and a stock level per location (the catalog reports the default location's, as BigCommerce's
 * does; a store has location 1 and those {@link #location} adds). Records every write call, and can
 * fail or lose the answer of the next write (the write is applied, then the call throws, as a lost
 * response looks to the caller).
 */
public final class InMemoryCatalog implements CatalogWriter, InventoryWriter {
  /** One write call: what it sent. */
  public record Call(String storeHash, String what, Map<VariantRef, Object> values) {}

  private static final class Variant {
    String sku;
    BigDecimal price;
    final Map<Long, Integer> stock = new HashMap<>();
    final Map<String, BigDecimal> listPrices = new HashMap<>();
  }

  private final Map<String, Map<VariantRef, Variant>> stores = new LinkedHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Map<Long, ProductDetails>> products = new HashMap<>();
  private final Map<Long, WriteFailure> refused = new HashMap<>();
  private final Map<String, java.util.Set<Long>> locations = new HashMap<>();
  private int loseNext;
  private int locationReads;
  private long nextProductId = 900_000;

  public synchronized void variant(String storeHash, VariantRef ref, String sku, BigDecimal price) {
    Variant v = new Variant();
    v.sku = sku;
    v.price = price;
    stores.computeIfAbsent(storeHash, s -> new LinkedHashMap<>()).put(ref, v);
  }

  /** The store refuses every write to this variant (as a 422 for a deleted variant would). */
  public synchronized void refuse(long variantId, String message) {
    refused.put(variantId, new WriteFailure(message, false));
  }

  /** The next write is applied, but its answer is lost. */
  public synchronized void loseNextAnswer() {
    loseNext++;
  }

  public synchronized BigDecimal price(String storeHash, VariantRef ref) {
    return stores.get(storeHash).get(ref).price;
  }

  /** The variant's record in a price list and currency, null when it has none. */
  public synchronized BigDecimal listPrice(
      String storeHash, VariantRef ref, long priceListId, String currency) {
    return stores.get(storeHash).get(ref).listPrices.get(priceListId + "/" + currency);
  }

  @Override
  public synchronized Map<VariantRef, WriteFailure> setPriceListRecords(
      String storeHash, long priceListId, String currency, Map<VariantRef, BigDecimal> prices) {
    calls.add(
        new Call(
            storeHash, "pricelist:" + priceListId + "/" + currency, new LinkedHashMap<>(prices)));
    return apply(
        storeHash,
        prices,
        (v, price) -> v.listPrices.put(priceListId + "/" + currency, (BigDecimal) price));
  }

  public synchronized Integer stock(String storeHash, VariantRef ref, long locationId) {
    return stores.get(storeHash).get(ref).stock.get(locationId);
  }

  /** What was last written to a product's descriptive fields; null when nothing was. */
  public synchronized ProductDetails details(String storeHash, long productId) {
    return products.getOrDefault(storeHash, Map.of()).get(productId);
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  @Override
  public synchronized List<String> writableStores() {
    return List.copyOf(stores.keySet());
  }

  @Override
  public synchronized Map<String, VariantRef> variantsBySku(
      String storeHash, Collection<String> skus) {
    Map<String, VariantRef> found = new LinkedHashMap<>();
    stores
        .getOrDefault(storeHash, Map.of())
        .forEach(
            (ref, v) -> {
              if (skus.contains(v.sku)) {
                found.put(v.sku, ref);
              }
            });
    return found;
  }

  @Override
  public synchronized Map<String, WriteFailure> createProducts(
      String storeHash, List<NewProduct> created) {
    Map<VariantRef, Object> sent = new LinkedHashMap<>();
    Map<String, WriteFailure> failed = new LinkedHashMap<>();
    Map<VariantRef, Variant> store = stores.computeIfAbsent(storeHash, s -> new LinkedHashMap<>());
    for (NewProduct p : created) {
      if (store.values().stream().anyMatch(v -> p.sku().equals(v.sku))) {
        failed.put(p.sku(), new WriteFailure("a product with SKU " + p.sku() + " exists", true));
        continue;
      }
      long id = nextProductId++;
      VariantRef ref = new VariantRef(id, id);
      sent.put(ref, p);
      Variant v = new Variant();
      v.sku = p.sku();
      v.price = BigDecimal.ZERO;
      store.put(ref, v);
      products
          .computeIfAbsent(storeHash, s -> new HashMap<>())
          .put(id, new ProductDetails(p.name(), p.description(), p.visible()));
    }
    calls.add(new Call(storeHash, "create", sent));
    if (loseNext > 0) {
      loseNext--;
      throw new IllegalStateException("the answer of the write was lost (in-memory fault)");
    }
    return failed;
  }

  @Override
  public synchronized Map<Long, WriteFailure> updateProducts(
      String storeHash, Map<Long, ProductDetails> details) {
    Map<VariantRef, Object> sent = new LinkedHashMap<>();
    details.forEach((id, d) -> sent.put(new VariantRef(id, id), d));
    calls.add(new Call(storeHash, "products", sent));
    Map<Long, WriteFailure> failed = new LinkedHashMap<>();
    details.forEach(
        (id, d) -> {
          boolean exists =
              stores.getOrDefault(storeHash, Map.of()).keySet().stream()
                  .anyMatch(ref -> ref.productId() == id);
          if (exists) {
            products.computeIfAbsent(storeHash, s -> new HashMap<>()).put(id, d);
          } else {
            failed.put(id, new WriteFailure("product " + id + " not found", false));
          }
        });
    if (loseNext > 0) {
      loseNext--;
      throw new IllegalStateException("the answer of the write was lost (in-memory fault)");
    }
    return failed;
  }

  @Override
  public synchronized Map<Long, List<VariantState>> variants(
      String storeHash, Collection<Long> productIds) {
    Map<Long, List<VariantState>> found = new LinkedHashMap<>();
    stores
        .getOrDefault(storeHash, Map.of())
        .forEach(
            (ref, v) -> {
              if (productIds.contains(ref.productId())) {
                int stock = v.stock.getOrDefault(1L, 0);
                found
                    .computeIfAbsent(ref.productId(), p -> new ArrayList<>())
                    .add(new VariantState(ref.variantId(), v.price, stock));
              }
            });
    return found;
  }

  /**
   * The products as the store holds them: the last descriptive fields written (none: an unnamed,
   * visible product without weight), no categories, and their variants.
   */
  @Override
  public synchronized Map<Long, ProductState> products(
      String storeHash, Collection<Long> productIds) {
    Map<Long, ProductState> found = new LinkedHashMap<>();
    variants(storeHash, productIds)
        .forEach(
            (id, variants) -> {
              ProductDetails d = products.getOrDefault(storeHash, Map.of()).getOrDefault(id, null);
              found.put(
                  id,
                  new ProductState(
                      id,
                      "",
                      d == null || d.name() == null ? "" : d.name(),
                      d == null || d.description() == null ? "" : d.description(),
                      d == null || d.visible() == null || d.visible(),
                      d == null ? null : d.weight(),
                      List.of(),
                      d == null ? Map.of() : d.customFields(),
                      variants));
            });
    return found;
  }

  @Override
  public synchronized Map<VariantRef, WriteFailure> setPrices(
      String storeHash, Map<VariantRef, BigDecimal> prices) {
    calls.add(new Call(storeHash, "prices", new LinkedHashMap<>(prices)));
    return apply(storeHash, prices, (v, price) -> v.price = (BigDecimal) price);
  }

  /** How many times the stores' locations were read. */
  public synchronized int locationReads() {
    return locationReads;
  }

  /** Adds an inventory location to the store (location 1 it always has). */
  public synchronized void location(String storeHash, long locationId) {
    locations.computeIfAbsent(storeHash, s -> new java.util.TreeSet<>(List.of(1L))).add(locationId);
  }

  @Override
  public synchronized java.util.Set<Long> locations(String storeHash) {
    locationReads++;
    return new java.util.TreeSet<>(locations.getOrDefault(storeHash, java.util.Set.of(1L)));
  }

  /**
   * Records one call named {@code stock@<locations>} (the distinct locations, comma-separated) with
   * each variant's levels; a level at a location the store lacks fails its variant, as
   * BigCommerce's 422 for an unknown location would.
   */
  @Override
  public synchronized Map<StockAt, WriteFailure> setStock(
      String storeHash, Map<StockAt, Integer> levels) {
    java.util.Set<Long> at = new java.util.TreeSet<>();
    Map<VariantRef, Object> sent = new LinkedHashMap<>();
    levels.forEach(
        (stockAt, level) -> {
          at.add(stockAt.locationId());
          sent.merge(stockAt.variant(), level, (a, b) -> a + "," + b);
        });
    calls.add(
        new Call(
            storeHash,
            "stock@" + String.join(",", at.stream().map(String::valueOf).toList()),
            sent));
    java.util.Set<Long> known = locations.getOrDefault(storeHash, java.util.Set.of(1L));
    Map<StockAt, WriteFailure> failed = new LinkedHashMap<>();
    levels.forEach(
        (stockAt, level) -> {
          Variant v = stores.getOrDefault(storeHash, Map.of()).get(stockAt.variant());
          if (v == null) {
            failed.put(
                stockAt, new WriteFailure("variant " + stockAt.variant() + " not found", false));
          } else if (!known.contains(stockAt.locationId())) {
            failed.put(
                stockAt,
                new WriteFailure("location " + stockAt.locationId() + " not found", false));
          } else if (refused.containsKey(stockAt.variant().variantId())) {
            failed.put(stockAt, refused.get(stockAt.variant().variantId()));
          } else {
            v.stock.put(stockAt.locationId(), level);
          }
        });
    if (loseNext > 0) {
      loseNext--;
      throw new IllegalStateException("the answer of the write was lost (in-memory fault)");
    }
    return failed;
  }

  @Override
  public synchronized Map<Long, Map<Long, Integer>> stockByLocation(
      String storeHash, Collection<Long> variantIds) {
    Map<Long, Map<Long, Integer>> found = new HashMap<>();
    stores
        .getOrDefault(storeHash, Map.of())
        .forEach(
            (ref, v) -> {
              if (variantIds.contains(ref.variantId())) {
                found.put(ref.variantId(), new HashMap<>(v.stock));
              }
            });
    return found;
  }

  private Map<VariantRef, WriteFailure> apply(
      String storeHash,
      Map<VariantRef, ?> values,
      java.util.function.BiConsumer<Variant, Object> setter) {
    Map<VariantRef, WriteFailure> failed = new LinkedHashMap<>();
    values.forEach(
        (ref, value) -> {
          Variant v = stores.getOrDefault(storeHash, Map.of()).get(ref);
          if (v == null) {
            failed.put(ref, new WriteFailure("variant " + ref + " not found", false));
          } else if (refused.containsKey(ref.variantId())) {
            failed.put(ref, refused.get(ref.variantId()));
          } else {
            setter.accept(v, value);
          }
        });
    if (loseNext > 0) {
      loseNext--;
      throw new IllegalStateException("the answer of the write was lost (in-memory fault)");
    }
    return failed;
  }
}
