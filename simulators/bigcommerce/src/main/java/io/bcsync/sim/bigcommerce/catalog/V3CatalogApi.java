package io.bcsync.sim.bigcommerce.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Batches;
import io.bcsync.sim.bigcommerce.http.FieldSelection;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Events;
import io.bcsync.sim.bigcommerce.store.Product;
import io.bcsync.sim.bigcommerce.store.Variant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** V3 catalog products and variants. */
public final class V3CatalogApi {
  private static final int PRODUCT_BATCH_MAX = 10;
  private static final int VARIANT_BATCH_MAX = 50;

  public void register(Router r) {
    r.add("GET", "/v3/catalog/products", this::listProducts);
    r.add("POST", "/v3/catalog/products", this::createProduct);
    r.add("PUT", "/v3/catalog/products", this::batchUpdateProducts);
    r.add("GET", "/v3/catalog/products/{id}", this::getProduct);
    r.add("PUT", "/v3/catalog/products/{id}", this::updateProduct);
    r.add("DELETE", "/v3/catalog/products/{id}", this::deleteProduct);
    r.add("DELETE", "/v3/catalog/products/{id}/custom-fields/{cfid}", this::deleteCustomField);
    r.add("GET", "/v3/catalog/products/{id}/variants", this::listProductVariants);
    r.add("POST", "/v3/catalog/products/{id}/variants", this::createVariant);
    r.add("GET", "/v3/catalog/products/{id}/variants/{vid}", this::getVariant);
    r.add("PUT", "/v3/catalog/products/{id}/variants/{vid}", this::updateVariant);
    r.add("GET", "/v3/catalog/variants", this::listVariants);
    r.add("PUT", "/v3/catalog/variants", this::batchUpdateVariants);
  }

  private ApiResponse listProducts(ApiRequest req) {
    Predicate<Product> p = x -> true;
    Optional<Long> id = req.queryLong("id");
    Optional<List<String>> ids = req.queryList("id:in");
    Optional<String> sku = req.query("sku");
    Optional<List<String>> skus = req.queryList("sku:in");
    Optional<String> name = req.query("name");
    Optional<Instant> modMin = req.queryDate("date_modified:min");
    Optional<Instant> modMax = req.queryDate("date_modified:max");
    Optional<String> visible = req.query("is_visible");
    if (id.isPresent()) p = p.and(x -> x.id == id.get());
    if (ids.isPresent()) p = p.and(x -> ids.get().contains(String.valueOf(x.id)));
    // sku filters match the product's own SKU only, not variant SKUs, as documented.
    if (sku.isPresent()) p = p.and(x -> x.sku.equals(sku.get()));
    if (skus.isPresent()) p = p.and(x -> skus.get().contains(x.sku));
    if (name.isPresent()) p = p.and(x -> x.name.equals(name.get()));
    if (modMin.isPresent()) p = p.and(x -> !x.dateModified.isBefore(modMin.get()));
    if (modMax.isPresent()) p = p.and(x -> !x.dateModified.isAfter(modMax.get()));
    if (visible.isPresent()) p = p.and(x -> x.isVisible == Boolean.parseBoolean(visible.get()));
    List<Product> all = req.store().products.values().stream().filter(p).toList();
    Paging.Page page = Paging.of(req, 50);
    boolean withVariants = includes(req, "variants");
    boolean withCustomFields = includes(req, "custom_fields");
    ArrayNode data = Json.array();
    FieldSelection fields = FieldSelection.of(req);
    page.slice(all)
        .forEach(
            x ->
                data.add(fields.apply(CatalogRenderer.product(x, withVariants, withCustomFields))));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  private ApiResponse createProduct(ApiRequest req) {
    Product p = CatalogOperations.create(req.store(), req.json());
    return ApiResponse.ok(Paging.v3Single(CatalogRenderer.product(p, true)));
  }

  /**
   * {@code PUT /v3/catalog/products}, up to ten products. Every product is checked before any is
   * written, so a bad one (an unknown id, a custom field name or value outside 1 to 250 characters,
   * an unknown custom field id, a negative weight) refuses the whole batch, as the spec's 4xx
   * answers do. A product listed in {@code Store.productAttributeFailures} is written without its
   * custom fields and the batch answered 207, its {@code errors} naming the product.
   */
  private ApiResponse batchUpdateProducts(ApiRequest req) {
    JsonNode body = Batches.array(req, PRODUCT_BATCH_MAX);
    for (JsonNode item : body) {
      if (!item.hasNonNull("id")) {
        throw ApiException.unprocessable("id", "Each product in a batch update needs an id.");
      }
      Product p = req.store().products.get(item.get("id").asLong());
      if (p == null) {
        throw new ApiException(404, "Product " + item.get("id").asLong() + " was not found.");
      }
      CatalogOperations.checkUpdate(p, item);
    }
    ArrayNode data = Json.array();
    ObjectNode errors = Json.object();
    for (JsonNode item : body) {
      Product p = req.store().products.get(item.get("id").asLong());
      String failure = req.store().productAttributeFailures.remove(p.id);
      JsonNode applied = item;
      if (failure != null) {
        applied = item.deepCopy();
        ((ObjectNode) applied).remove("custom_fields");
        errors.put(String.valueOf(p.id), failure);
      }
      CatalogOperations.update(req.store(), p, applied);
      data.add(CatalogRenderer.product(p, false));
    }
    if (!errors.isEmpty()) {
      ObjectNode answer = Paging.v3Batch(data);
      answer
          .putObject("errors")
          .put("status", 207)
          .put("title", "The product information was saved, but some attributes were not.")
          .put(
              "type", "https://developer.bigcommerce.com/api-docs/getting-started/api-status-codes")
          .set("errors", errors);
      return ApiResponse.of(207, answer);
    }
    return ApiResponse.ok(Paging.v3Batch(data));
  }

  private ApiResponse getProduct(ApiRequest req) {
    return ApiResponse.ok(
        Paging.v3Single(
            FieldSelection.of(req)
                .apply(CatalogRenderer.product(product(req), includes(req, "variants")))));
  }

  private ApiResponse updateProduct(ApiRequest req) {
    Product p = product(req);
    CatalogOperations.update(req.store(), p, req.json());
    return ApiResponse.ok(Paging.v3Single(CatalogRenderer.product(p, false)));
  }

  private ApiResponse deleteProduct(ApiRequest req) {
    Product p = product(req);
    req.store().products.remove(p.id);
    req.store().publish("store/product/deleted", Events.resource("product", p.id));
    return ApiResponse.noContent();
  }

  /**
   * deleteProductCustomField (products_catalog.v3.yml): 204 No Content; 404 when the product or the
   * field does not exist. A change to the product through the API, so it fires {@code
   * store/product/updated} like the other product writes here.
   */
  private ApiResponse deleteCustomField(ApiRequest req) {
    Product p = product(req);
    long fieldId = req.pathId("cfid");
    if (!p.customFields.removeIf(f -> f.id == fieldId)) {
      throw new ApiException(404, "The requested custom field was not found.");
    }
    p.dateModified = req.store().now();
    req.store().publish("store/product/updated", Events.resource("product", p.id));
    return ApiResponse.noContent();
  }

  private ApiResponse listProductVariants(ApiRequest req) {
    Product p = product(req);
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    FieldSelection fields = FieldSelection.of(req);
    page.slice(p.variants).forEach(v -> data.add(fields.apply(CatalogRenderer.variant(p, v))));
    return ApiResponse.ok(Paging.v3Collection(data, p.variants.size(), page));
  }

  private ApiResponse createVariant(ApiRequest req) {
    Product p = product(req);
    Variant v = CatalogOperations.addVariant(req.store(), p, req.json());
    return ApiResponse.ok(Paging.v3Single(CatalogRenderer.variant(p, v)));
  }

  private ApiResponse getVariant(ApiRequest req) {
    Product p = product(req);
    return ApiResponse.ok(
        Paging.v3Single(FieldSelection.of(req).apply(CatalogRenderer.variant(p, variant(req, p)))));
  }

  private ApiResponse updateVariant(ApiRequest req) {
    Product p = product(req);
    Variant v = variant(req, p);
    CatalogOperations.updateVariant(req.store(), p, v, req.json());
    return ApiResponse.ok(Paging.v3Single(CatalogRenderer.variant(p, v)));
  }

  private ApiResponse listVariants(ApiRequest req) {
    Optional<Long> id = req.queryLong("id");
    Optional<String> sku = req.query("sku");
    Optional<List<String>> productIds = req.queryList("product_id:in");
    List<Variant> all =
        req.store().products.values().stream()
            .filter(p -> productIds.map(l -> l.contains(String.valueOf(p.id))).orElse(true))
            .flatMap(p -> p.variants.stream())
            .filter(v -> id.map(i -> v.id == i).orElse(true))
            .filter(v -> sku.map(s -> s.equals(v.sku)).orElse(true))
            .toList();
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    FieldSelection fields = FieldSelection.of(req);
    page.slice(all)
        .forEach(
            v ->
                data.add(
                    fields.apply(
                        CatalogRenderer.variant(req.store().products.get(v.productId), v))));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  private ApiResponse batchUpdateVariants(ApiRequest req) {
    JsonNode body = Batches.array(req, VARIANT_BATCH_MAX);
    ArrayNode data = Json.array();
    // Every row is checked before any is applied: the spec answers a bad batch with one 422
    // ("Variants Batch Error Response"; PUT /catalog/variants documents only 200, 413 and 422 in
    // specs/bigcommerce/reference/catalog.v3.yml), so a refused batch writes nothing.
    List<Product> owners = new java.util.ArrayList<>();
    for (JsonNode item : body) {
      if (!item.hasNonNull("id")) {
        throw ApiException.unprocessable("id", "Each variant in a batch update needs an id.");
      }
      long vid = item.get("id").asLong();
      owners.add(
          req.store().products.values().stream()
              .filter(x -> x.variants.stream().anyMatch(v -> v.id == vid))
              .findFirst()
              .orElseThrow(
                  () -> ApiException.unprocessable("id", "Variant " + vid + " was not found.")));
      if (item.hasNonNull("price") && item.get("price").decimalValue().signum() < 0) {
        throw ApiException.unprocessable(
            "price", "Variant " + vid + ": price must not be negative.");
      }
    }
    for (int i = 0; i < body.size(); i++) {
      JsonNode item = body.get(i);
      Product p = owners.get(i);
      long vid = item.get("id").asLong();
      Variant v = p.variants.stream().filter(x -> x.id == vid).findFirst().orElseThrow();
      CatalogOperations.updateVariant(req.store(), p, v, item);
      data.add(CatalogRenderer.variant(p, v));
    }
    return ApiResponse.ok(Paging.v3Batch(data));
  }

  private static boolean includes(ApiRequest req, String what) {
    return req.queryList("include").map(l -> l.contains(what)).orElse(false);
  }

  private static Product product(ApiRequest req) {
    Product p = req.store().products.get(req.pathId("id"));
    if (p == null) {
      throw new ApiException(404, "The requested product was not found.");
    }
    return p;
  }

  private static Variant variant(ApiRequest req, Product p) {
    long vid = req.pathId("vid");
    return p.variants.stream()
        .filter(v -> v.id == vid)
        .findFirst()
        .orElseThrow(() -> new ApiException(404, "The requested variant was not found."));
  }
}
