package io.bcsync.sync.port;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Port: what the Salesforce → BigCommerce flows change in a store's catalog. Adapter: {@code
 * io.bcsync.bigcommerce.writing.BigCommerceCatalogWriter}. Every write sets an absolute value, so
 * repeating it (after a lost response or a crash before the item was marked done) leaves the store
 * as one successful call would. Each write answers the variants whose write failed; a variant
 * absent from the answer was written.
 */
public interface CatalogWriter {

  /** The stores whose catalog can be written (connected with an API token). */
  List<String> writableStores();

  /**
   * The variants of the store that carry these SKUs (exactly, as BigCommerce stores them), by SKU;
   * a SKU no variant carries is absent.
   */
  Map<String, VariantRef> variantsBySku(String storeHash, Collection<String> skus);

  /** Sets each variant's price, in the endpoint's batch size, one result per variant. */
  Map<VariantRef, StoreWriter.WriteFailure> setPrices(
      String storeHash, Map<VariantRef, BigDecimal> prices);

  /**
   * Sets each variant's record in a price list, in one currency (an upsert by variant and currency:
   * the price is set absolutely), up to 1,000 records per call; answers the variants whose record
   * failed.
   */
  Map<VariantRef, StoreWriter.WriteFailure> setPriceListRecords(
      String storeHash, long priceListId, String currency, Map<VariantRef, BigDecimal> prices);

  /**
   * Creates products that exist in Salesforce but not in the store, one call each (BigCommerce
   * creates one product per {@code POST}); answers the SKUs whose creation failed. A product
   * created before a lost answer is found by its SKU on the retry, so it is never created twice.
   */
  Map<String, StoreWriter.WriteFailure> createProducts(String storeHash, List<NewProduct> products);

  /** A product to create: its SKU, name, description and storefront visibility. */
  record NewProduct(String sku, String name, String description, boolean visible) {}

  /**
   * Sets each product's descriptive fields (a null field keeps its value), ten products per call,
   * one result per product id. Custom fields are set by name: a field the product has is updated,
   * another added, so repeating the call leaves one field of each name; a cleared one is deleted
   * (every field of that name; one already gone counts as deleted).
   */
  Map<Long, StoreWriter.WriteFailure> updateProducts(
      String storeHash, Map<Long, ProductDetails> details);

  /**
   * A product's name, description, storefront visibility, weight and custom fields (name → value);
   * null: not changed (an empty map: no custom field changed). {@code clearedCustomFields}: names
   * of custom fields to delete (their Salesforce value was emptied; BigCommerce refuses an empty
   * value).
   */
  record ProductDetails(
      String name,
      String description,
      Boolean visible,
      BigDecimal weight,
      Map<String, String> customFields,
      java.util.Set<String> clearedCustomFields) {
    public ProductDetails {
      customFields = customFields == null ? Map.of() : Map.copyOf(customFields);
      clearedCustomFields =
          clearedCustomFields == null
              ? java.util.Set.of()
              : java.util.Set.copyOf(clearedCustomFields);
    }

    public ProductDetails(
        String name,
        String description,
        Boolean visible,
        BigDecimal weight,
        Map<String, String> customFields) {
      this(name, description, visible, weight, customFields, java.util.Set.of());
    }

    public ProductDetails(String name, String description, Boolean visible) {
      this(name, description, visible, null, Map.of());
    }

    /** Whether writing this would change nothing at all. */
    public boolean changesNothing() {
      return name == null
          && description == null
          && visible == null
          && weight == null
          && customFields.isEmpty()
          && clearedCustomFields.isEmpty();
    }
  }

  /**
   * These products as the store holds them now: their descriptive fields, categories and variants
   * (which product a Salesforce product may describe, and what the echo check compares with what
   * was written); products that no longer exist are absent.
   */
  Map<Long, ProductState> products(String storeHash, Collection<Long> productIds);

  /**
   * A product as the store holds it.
   *
   * @param sku the product's own SKU (its base variant's when it has no options)
   * @param categories its category ids, in the store's order
   * @param customFields custom field name → value (the first of each name)
   * @param variants its variants, in the store's order
   */
  record ProductState(
      long id,
      String sku,
      String name,
      String description,
      boolean visible,
      BigDecimal weight,
      List<Long> categories,
      Map<String, String> customFields,
      List<VariantState> variants) {
    public ProductState {
      categories = List.copyOf(categories);
      customFields = Map.copyOf(customFields);
      variants = List.copyOf(variants);
    }
  }

  /**
   * The variants of these products as the store holds them now (what the echo check compares with
   * what was written); products that no longer exist are absent.
   */
  Map<Long, List<VariantState>> variants(String storeHash, Collection<Long> productIds);

  /**
   * @param price the variant's own price; null when it inherits the product's
   * @param stock the variant's stock level as the catalog reports it: at the default location (1)
   *     only (products_catalog.v3.yml: "The Catalog API returns the inventory for only the default
   *     location")
   */
  record VariantState(long variantId, BigDecimal price, int stock) {}

  /** A variant of a product; a product without options has one, its base variant. */
  record VariantRef(long productId, long variantId) {
    @Override
    public String toString() {
      return productId + ":" + variantId;
    }
  }
}
