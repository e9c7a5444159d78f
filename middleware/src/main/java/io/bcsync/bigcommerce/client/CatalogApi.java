package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** V3 catalog: products and variants, read in batches and updated in the platform's batch sizes. */
public final class CatalogApi {
  static final int IDS_PER_CALL = 100;
  static final int PRODUCT_UPDATES_PER_CALL = 10;
  static final int VARIANT_UPDATES_PER_CALL = 50;

  private final StoreClient store;

  CatalogApi(StoreClient store) {
    this.store = store;
  }

  /**
   * Deletes one custom field of a product (deleteProductCustomField: 204). A 404 (the field, or the
   * product, is gone) is success: a delete repeated after a lost answer converges.
   */
  public void deleteCustomField(long productId, long customFieldId) {
    store.call(
        ApiRequest.write(
            "DELETE",
            "/v3/catalog/products/" + productId + "/custom-fields/" + customFieldId,
            null));
  }

  /** Products with their variants. */
  public Map<Long, CatalogDtos.Product> readByIds(Collection<Long> ids) {
    Map<Long, CatalogDtos.Product> found = new LinkedHashMap<>();
    for (List<Long> chunk :
        Batches.chunks(ids.stream().distinct().sorted().toList(), IDS_PER_CALL)) {
      store
          .v3All(
              ApiRequest.get("/v3/catalog/products")
                  .with("id:in", Batches.joined(chunk))
                  .with("include", "variants"))
          .stream()
          .map(CatalogDtos.Product::from)
          .forEach(product -> found.put(product.id(), product));
    }
    return found;
  }

  /**
   * The category ids of each product ({@code include_fields=categories}, 100 ids per call).
   * Products that no longer exist are absent from the answer.
   */
  public Map<Long, List<Long>> categoriesOf(Collection<Long> productIds) {
    Map<Long, List<Long>> found = new LinkedHashMap<>();
    for (List<Long> chunk :
        Batches.chunks(productIds.stream().distinct().sorted().toList(), IDS_PER_CALL)) {
      store
          .v3All(
              ApiRequest.get("/v3/catalog/products")
                  .with("id:in", Batches.joined(chunk))
                  .with("include_fields", "categories"))
          .forEach(
              product ->
                  found.put(
                      product.path("id").asLong(),
                      Fields.elements(product.get("categories")).stream()
                          .map(c -> c.asLong())
                          .toList()));
    }
    return found;
  }

  /**
   * Category names by id, through the category-trees API ({@code category_id:in}, 100 ids per
   * call). Categories that no longer exist are absent.
   */
  public Map<Long, String> categoryNames(Collection<Long> categoryIds) {
    Map<Long, String> found = new LinkedHashMap<>();
    for (List<Long> chunk :
        Batches.chunks(categoryIds.stream().distinct().sorted().toList(), IDS_PER_CALL)) {
      store
          .v3All(
              ApiRequest.get("/v3/catalog/trees/categories")
                  .with("category_id:in", Batches.joined(chunk)))
          .forEach(
              category ->
                  found.put(
                      category.path("category_id").asLong(), category.path("name").asText("")));
    }
    return found;
  }

  /** Products by their own SKU ({@code sku:in} matches product SKUs only, not variant SKUs). */
  public List<CatalogDtos.Product> readBySkus(Collection<String> skus) {
    return Batches.chunks(skus.stream().distinct().toList(), 50).stream()
        .flatMap(
            chunk ->
                store
                    .v3All(
                        ApiRequest.get("/v3/catalog/products")
                            .with("sku:in", String.join(",", chunk))
                            .with("include", "variants"))
                    .stream())
        .map(CatalogDtos.Product::from)
        .toList();
  }

  /** A variant by its SKU (the store-wide variants endpoint has no {@code sku:in}). */
  public List<CatalogDtos.Variant> variantsBySku(String sku) {
    return store.v3All(ApiRequest.get("/v3/catalog/variants").with("sku", sku)).stream()
        .map(CatalogDtos.Variant::from)
        .toList();
  }

  /**
   * Products modified at or after {@code since}, handed to {@code each} page by page (one page held
   * at a time).
   */
  public void modifiedSince(Instant since, Consumer<CatalogDtos.Product> each) {
    store.v3Each(
        ApiRequest.get("/v3/catalog/products").with("date_modified:min", since.toString()),
        product -> each.accept(CatalogDtos.Product.from(product)));
  }

  /**
   * Creates one product ({@code POST /v3/catalog/products}: one product per call); answers its id.
   * A physical product needs a name, a type, a price and a weight (catalog.v3.yml, createProduct).
   */
  public long createProduct(
      String sku, String name, String description, boolean visible, java.math.BigDecimal price) {
    com.fasterxml.jackson.databind.node.ObjectNode body =
        store
            .mapper()
            .createObjectNode()
            .put("name", name)
            .put("type", "physical")
            .put("sku", sku)
            .put("price", price)
            .put("weight", 0)
            .put("description", description == null ? "" : description)
            .put("is_visible", visible);
    return store
        .require(ApiRequest.write("POST", "/v3/catalog/products", body))
        .body()
        .path("data")
        .path("id")
        .asLong();
  }

  /** Updates products ten per call (BigCommerce's limit; 413 above it). */
  public List<CatalogDtos.Product> updateProducts(List<ProductUpdate> updates) {
    return Batches.chunks(updates, PRODUCT_UPDATES_PER_CALL).stream()
        .flatMap(
            chunk -> {
              ArrayNode body = store.mapper().valueToTree(chunk);
              return Fields.elements(
                  store
                      .require(ApiRequest.write("PUT", "/v3/catalog/products", body))
                      .body()
                      .path("data"))
                  .stream();
            })
        .map(CatalogDtos.Product::from)
        .toList();
  }

  /** Updates variants fifty per call (BigCommerce's limit; 413 above it). */
  public List<CatalogDtos.Variant> updateVariants(List<VariantUpdate> updates) {
    return Batches.chunks(updates, VARIANT_UPDATES_PER_CALL).stream()
        .flatMap(
            chunk -> {
              ArrayNode body = store.mapper().valueToTree(chunk);
              return Fields.elements(
                  store
                      .require(ApiRequest.write("PUT", "/v3/catalog/variants", body))
                      .body()
                      .path("data"))
                  .stream();
            })
        .map(CatalogDtos.Variant::from)
        .toList();
  }

  /**
   * One call of {@code PUT /v3/catalog/variants} (at most fifty). A 207 (partial success, as
   * BigCommerce answers batch writes some of whose records failed) lists the variants it wrote in
   * {@code data} and why the others failed in {@code errors}; a 422 refuses the whole batch and
   * throws.
   */
  public VariantBatch updateVariantBatch(List<VariantUpdate> chunk) {
    if (chunk.isEmpty() || chunk.size() > VARIANT_UPDATES_PER_CALL) {
      throw new IllegalArgumentException(
          "a variant batch holds 1 to " + VARIANT_UPDATES_PER_CALL + " updates");
    }
    ArrayNode body = store.mapper().valueToTree(chunk);
    ApiResponse response = store.require(ApiRequest.write("PUT", "/v3/catalog/variants", body));
    List<CatalogDtos.Variant> written =
        Fields.elements(response.body().path("data")).stream()
            .map(CatalogDtos.Variant::from)
            .toList();
    String errors =
        response.status() == MULTI_STATUS ? response.body().path("errors").toString() : null;
    return new VariantBatch(written, errors);
  }

  static final int MULTI_STATUS = 207;

  /**
   * @param errors what a 207 said about the records it did not write; null on a full success
   */
  public record VariantBatch(List<CatalogDtos.Variant> written, String errors) {}

  /**
   * One call of {@code PUT /v3/catalog/products} (at most ten) with descriptive fields. A 207 lists
   * the products it wrote in {@code data} and why the others failed in {@code errors}.
   */
  public ProductBatch updateProductBatch(List<ProductDetailsUpdate> chunk) {
    if (chunk.isEmpty() || chunk.size() > PRODUCT_UPDATES_PER_CALL) {
      throw new IllegalArgumentException(
          "a product batch holds 1 to " + PRODUCT_UPDATES_PER_CALL + " updates");
    }
    ArrayNode body = store.mapper().valueToTree(chunk);
    ApiResponse response = store.require(ApiRequest.write("PUT", "/v3/catalog/products", body));
    List<Long> written =
        Fields.elements(response.body().path("data")).stream()
            .map(product -> product.path("id").asLong())
            .toList();
    JsonNode detail = response.status() == MULTI_STATUS ? response.body().path("errors") : null;
    return new ProductBatch(written, detail == null ? null : detail.toString(), detail);
  }

  /**
   * @param errors what a 207 said about the products it did not write; null on a full success
   * @param errorDetail the same as JSON (to tell which products it names); null on a full success
   */
  public record ProductBatch(List<Long> written, String errors, JsonNode errorDetail) {}

  /**
   * Products with their variants and custom fields: what the Salesforce flows compare with what
   * they wrote. A full page of ids per call ({@link StoreClient#MAX_PAGE}: products_catalog's limit
   * is 250; neither include shrinks the page, unlike options and modifiers): the echo check of a
   * burst of our own writes reads every product back. 250 ids keep the URL under 3 KB.
   */
  public Map<Long, JsonNode> readWithCustomFields(Collection<Long> ids) {
    Map<Long, JsonNode> found = new LinkedHashMap<>();
    for (List<Long> chunk :
        Batches.chunks(ids.stream().distinct().sorted().toList(), StoreClient.MAX_PAGE)) {
      store
          .v3All(
              ApiRequest.get("/v3/catalog/products")
                  .with("id:in", Batches.joined(chunk))
                  .with("include", "variants,custom_fields"))
          .forEach(product -> found.put(product.path("id").asLong(), product));
    }
    return found;
  }
}
