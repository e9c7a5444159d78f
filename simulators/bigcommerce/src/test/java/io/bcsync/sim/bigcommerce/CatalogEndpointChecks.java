package io.bcsync.sim.bigcommerce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** Catalog: V3 products and variants, price lists with their records and assignments, inventory. */
final class CatalogEndpointChecks {
  private static final String PRODUCTS_SPEC = "catalog/products_catalog.v3.yml";
  private static final String VARIANTS_SPEC = "catalog/product-variants_catalog.v3.yml";
  private static final String PRICE_LISTS_SPEC = "price_lists.v3.yml";
  private static final String INVENTORY_SPEC = "inventory.v3.yml";

  private CatalogEndpointChecks() {}

  /** {@code groupId}: a customer group a price list can be assigned to. */
  static void run(SpecResponseChecker checker, long productId, long groupId) {
    long variantId = productsAndVariants(checker, productId);
    priceLists(checker, variantId, groupId);
    inventory(checker, variantId);
  }

  /** deleteProductCustomField: 204, then 404 once the field is gone. */
  private static void customFieldDelete(SpecResponseChecker checker, long productId) {
    JsonNode updated =
        checker.check(
            PRODUCTS_SPEC,
            "PUT",
            "/v3",
            "/catalog/products",
            List.of(
                Map.of(
                    "id",
                    productId,
                    "custom_fields",
                    List.of(Map.of("name", "Spec field", "value", "x")))),
            200);
    JsonNode read =
        checker.check(
            PRODUCTS_SPEC,
            "GET",
            "/v3",
            "/catalog/products?include=custom_fields&id:in=" + productId,
            null,
            200);
    long fieldId = -1;
    for (JsonNode field : read.path("data").path(0).path("custom_fields")) {
      if ("Spec field".equals(field.path("name").asText())) {
        fieldId = field.path("id").asLong();
      }
    }
    if (updated == null || fieldId < 0) {
      throw new AssertionError("the custom field was not added: " + read);
    }
    String path = "/catalog/products/" + productId + "/custom-fields/" + fieldId;
    checker.check(PRODUCTS_SPEC, "DELETE", "/v3", path, null, 204);
    checker.check(PRODUCTS_SPEC, "DELETE", "/v3", path, null, 404);
  }

  /** Answers the id of a variant it created. */
  private static long productsAndVariants(SpecResponseChecker checker, long productId) {
    checker.check(
        PRODUCTS_SPEC,
        "GET",
        "/v3",
        "/catalog/products?include=variants&sku:in=SPEC-MUG",
        null,
        200);
    checker.check(PRODUCTS_SPEC, "GET", "/v3", "/catalog/products/" + productId, null, 200);
    JsonNode newProduct =
        checker.check(
            PRODUCTS_SPEC,
            "POST",
            "/v3",
            "/catalog/products",
            Map.of(
                "name",
                "Spec kettle",
                "type",
                "physical",
                "sku",
                "SPEC-KET",
                "price",
                20,
                "weight",
                1),
            200);
    checker.check(
        PRODUCTS_SPEC,
        "PUT",
        "/v3",
        "/catalog/products",
        List.of(Map.of("id", productId, "price", 11)),
        200);
    checker.check(
        PRODUCTS_SPEC, "PUT", "/v3", "/catalog/products/" + productId, Map.of("price", 12), 200);
    customFieldDelete(checker, productId);
    long kettleId = newProduct.path("data").path("id").asLong();
    JsonNode variant =
        checker.check(
            VARIANTS_SPEC,
            "POST",
            "/v3",
            "/catalog/products/" + kettleId + "/variants",
            Map.of("sku", "SPEC-KET-RED", "price", 22),
            200);
    long variantId = variant.path("data").path("id").asLong();
    checker.check(
        VARIANTS_SPEC, "GET", "/v3", "/catalog/products/" + kettleId + "/variants", null, 200);
    checker.check(
        VARIANTS_SPEC,
        "GET",
        "/v3",
        "/catalog/products/" + kettleId + "/variants/" + variantId,
        null,
        200);
    checker.check(
        VARIANTS_SPEC,
        "PUT",
        "/v3",
        "/catalog/products/" + kettleId + "/variants/" + variantId,
        Map.of("price", 23),
        200);
    checker.check(VARIANTS_SPEC, "GET", "/v3", "/catalog/variants?sku=SPEC-KET-RED", null, 200);
    checker.check(
        VARIANTS_SPEC,
        "PUT",
        "/v3",
        "/catalog/variants",
        List.of(Map.of("id", variantId, "price", 24)),
        200);
    return variantId;
  }

  private static void priceLists(SpecResponseChecker checker, long variantId, long groupId) {
    JsonNode list =
        checker.check(
            PRICE_LISTS_SPEC,
            "POST",
            "/v3",
            "/pricelists",
            Map.of("name", "Spec list", "active", true),
            200);
    long listId = list.path("data").path("id").asLong();
    checker.check(PRICE_LISTS_SPEC, "GET", "/v3", "/pricelists", null, 200);
    checker.check(PRICE_LISTS_SPEC, "GET", "/v3", "/pricelists/" + listId, null, 200);
    checker.check(
        PRICE_LISTS_SPEC,
        "PUT",
        "/v3",
        "/pricelists/" + listId,
        Map.of("name", "Spec list 2"),
        200);
    checker.check(
        PRICE_LISTS_SPEC,
        "PUT",
        "/v3",
        "/pricelists/" + listId + "/records",
        List.of(Map.of("variant_id", variantId, "currency", "usd", "price", 19.5)),
        200);
    checker.check(PRICE_LISTS_SPEC, "GET", "/v3", "/pricelists/" + listId + "/records", null, 200);
    checker.check(
        PRICE_LISTS_SPEC,
        "POST",
        "/v3",
        "/pricelists/assignments",
        List.of(Map.of("price_list_id", listId, "customer_group_id", groupId, "channel_id", 1)),
        200);
    checker.check(PRICE_LISTS_SPEC, "GET", "/v3", "/pricelists/assignments", null, 200);
  }

  private static void inventory(SpecResponseChecker checker, long variantId) {
    checker.check(
        INVENTORY_SPEC,
        "PUT",
        "/v3",
        "/inventory/adjustments/absolute",
        Map.of(
            "reason",
            "spec",
            "items",
            List.of(Map.of("location_id", 1, "variant_id", variantId, "quantity", 5))),
        200);
  }
}
