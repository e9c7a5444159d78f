package io.bcsync.bigcommerce.writing;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.bigcommerce.client.CatalogApi;
import io.bcsync.bigcommerce.client.Fields;
import io.bcsync.bigcommerce.client.ProductDetailsUpdate;
import io.bcsync.bigcommerce.client.ProductDetailsUpdate.CustomField;
import io.bcsync.sync.port.CatalogWriter.ProductDetails;
import io.bcsync.sync.port.CatalogWriter.ProductState;
import io.bcsync.sync.port.CatalogWriter.VariantState;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The products batch of {@link BigCommerceCatalogWriter}: what is sent, and what a 207 says. */
final class ProductUpdates {
  private ProductUpdates() {}

  /**
   * What one products batch sends: the batch elements, and the custom fields to delete afterwards
   * (product id → field ids).
   */
  record Plan(List<ProductDetailsUpdate> updates, Map<Long, List<Long>> deletions) {}

  /**
   * The batch elements. When custom fields are set or cleared, the products' fields are read first
   * (one call per 100 products) and a field of the same name is updated by its id: a PUT without id
   * adds a field (productCustomField_Put: "id ... Required to update existing custom field"), so a
   * retry after a lost answer would otherwise add a second one. A cleared name deletes every field
   * of that name the product has; none left (a retry after a lost answer) deletes nothing.
   */
  static Plan of(CatalogApi catalog, Map<Long, ProductDetails> details) {
    Set<Long> withFields = new HashSet<>();
    details.forEach(
        (id, d) -> {
          if (!d.customFields().isEmpty() || !d.clearedCustomFields().isEmpty()) {
            withFields.add(id);
          }
        });
    Map<Long, List<JsonNode>> existing = new LinkedHashMap<>();
    if (!withFields.isEmpty()) {
      catalog
          .readWithCustomFields(withFields)
          .forEach(
              (id, product) -> existing.put(id, Fields.elements(product.get("custom_fields"))));
    }
    List<ProductDetailsUpdate> updates = new ArrayList<>();
    Map<Long, List<Long>> deletions = new LinkedHashMap<>();
    details.forEach(
        (id, d) -> {
          List<JsonNode> present = existing.getOrDefault(id, List.of());
          Map<String, Long> ids = new LinkedHashMap<>();
          present.forEach(f -> ids.putIfAbsent(f.path("name").asText(), f.path("id").asLong()));
          List<CustomField> fields = new ArrayList<>();
          d.customFields()
              .forEach((name, value) -> fields.add(new CustomField(ids.get(name), name, value)));
          updates.add(
              new ProductDetailsUpdate(
                  id, d.name(), d.description(), d.visible(), d.weight(), fields));
          List<Long> gone =
              present.stream()
                  .filter(f -> d.clearedCustomFields().contains(f.path("name").asText()))
                  .map(f -> f.path("id").asLong())
                  .toList();
          if (!gone.isEmpty()) {
            deletions.put(id, gone);
          }
        });
    return new Plan(updates, deletions);
  }

  /**
   * A 207 (products_catalog.v3.yml, {@code PUT /catalog/products}: "a partial failure ... saving
   * one of the attributes has failed") fails the products missing from its {@code data} and those
   * its {@code errors} name; when it names none, every product of the batch, since which one failed
   * cannot be told. Retryable: sending the same absolute values again converges, and BigCommerce
   * itself advises trying again.
   */
  static void partial(
      CatalogApi.ProductBatch answer,
      List<ProductDetailsUpdate> sent,
      Map<Long, WriteFailure> failed) {
    if (answer.errors() == null) {
      return;
    }
    List<Long> ids = sent.stream().map(ProductDetailsUpdate::id).toList();
    Set<Long> refused = new HashSet<>(BatchAnswers.productsNamed(answer.errorDetail(), ids));
    ids.stream().filter(id -> !answer.written().contains(id)).forEach(refused::add);
    if (refused.isEmpty()) {
      refused.addAll(ids);
    }
    String reason = "BigCommerce did not save all of the product (207): " + answer.errors();
    refused.forEach(id -> failed.put(id, new WriteFailure(reason, true)));
  }

  /** A product read with {@code include=variants,custom_fields}. */
  static ProductState state(JsonNode product) {
    Map<String, String> customFields = new LinkedHashMap<>();
    Fields.elements(product.get("custom_fields"))
        .forEach(f -> customFields.putIfAbsent(f.path("name").asText(), f.path("value").asText()));
    List<Long> categories = new ArrayList<>();
    Fields.elements(product.get("categories")).forEach(c -> categories.add(c.asLong()));
    List<VariantState> variants = new ArrayList<>();
    Fields.elements(product.get("variants"))
        .forEach(
            v ->
                variants.add(
                    new VariantState(
                        v.path("id").asLong(),
                        Fields.money(v, "price"),
                        v.path("inventory_level").asInt())));
    JsonNode weight = product.path("weight");
    return new ProductState(
        product.path("id").asLong(),
        product.path("sku").asText(""),
        product.path("name").asText(""),
        product.path("description").asText(""),
        product.path("is_visible").asBoolean(),
        weight.isNumber() ? weight.decimalValue() : null,
        categories,
        customFields,
        variants);
  }
}
