package io.bcsync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.EntityRef;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a callback to the entity whose state must be re-read. Sub-resources roll up to their owner
 * (a transaction, shipment or metafield of an order to the order, an address to its customer, a SKU
 * to its product) so that all changes of one owner are processed in order and a burst collapses
 * into one sync. Callbacks without a resource (store information, batch price-list records) key on
 * their scope.
 *
 * <p>An identifier the mapping uses must be a BigCommerce id ({@link BigCommerceIds}), and a
 * callback of a documented scope of the resources bcsync subscribes to ({@link DocumentedScopes})
 * must name the entity its scope is about (an order for {@code store/order/created}); anything else
 * is refused with a 422 (docs/pipeline.md, "Input rules").
 */
@Singleton
public class EntityResolver {
  /** The entity types a documented scope must resolve to, by the resource it is about. */
  private static final Map<String, Set<String>> TYPES_BY_RESOURCE =
      Map.of(
          "order", Set.of("order"),
          "customer", Set.of("customer"),
          "product", Set.of("product"),
          "sku", Set.of("product", "sku"),
          "hook", Set.of("webhook"));

  private static final Set<String> INTEGER_TYPES =
      Set.of("order", "customer", "product", "sku", "webhook");

  private static final Map<String, String> WHAT_RESOURCE_NEEDS =
      Map.of(
          "order",
          "data.id with type order, data.order_id or (metafields) data.resource_id",
          "customer",
          "data.id with type customer, data.customer_id or (addresses) data.address.customer_id",
          "product",
          "data.id with type product or data.product_id",
          "sku",
          "data.sku.product_id, or data.id with type sku",
          "hook",
          "data.id with type webhook");

  public EntityRef resolve(CallbackBody body) {
    EntityRef entity = map(body);
    Optional<String> resource = DocumentedScopes.resourceOf(body.scope());
    if (resource.isPresent() && !TYPES_BY_RESOURCE.get(resource.get()).contains(entity.type())) {
      throw WebhookRejection.invalid(
          body.scope()
              + " must name its "
              + resource.get()
              + " in "
              + WHAT_RESOURCE_NEEDS.get(resource.get()));
    }
    return entity;
  }

  private static EntityRef map(CallbackBody body) {
    String store = body.storeHash();
    JsonNode data = body.data();
    if (data.isObject()) {
      String type = text(data, "type");
      if ("order".equals(type) && present(data, "id")) {
        return new EntityRef(store, "order", integer(data, "id", "data.id"));
      }
      if (present(data, "order_id")) {
        return new EntityRef(store, "order", integer(data, "order_id", "data.order_id"));
      }
      if (present(data, "orderId")) {
        return new EntityRef(store, "order", integer(data, "orderId", "data.orderId"));
      }
      if (body.scope().startsWith("store/order/metafield/") && present(data, "resource_id")) {
        return new EntityRef(store, "order", integer(data, "resource_id", "data.resource_id"));
      }
      JsonNode address = data.get("address");
      if (address != null && present(address, "customer_id")) {
        return new EntityRef(
            store, "customer", integer(address, "customer_id", "data.address.customer_id"));
      }
      if (body.scope().startsWith("store/customer/address/")) {
        throw WebhookRejection.invalid("customer address callbacks need data.address.customer_id");
      }
      JsonNode sku = data.get("sku");
      if (sku != null && present(sku, "product_id")) {
        return new EntityRef(store, "product", integer(sku, "product_id", "data.sku.product_id"));
      }
      if (present(data, "product_id")) {
        return new EntityRef(store, "product", integer(data, "product_id", "data.product_id"));
      }
      if (present(data, "price_list_id")) {
        return new EntityRef(
            store, "price_list", integer(data, "price_list_id", "data.price_list_id"));
      }
      if (present(data, "customer_id")) {
        return new EntityRef(store, "customer", integer(data, "customer_id", "data.customer_id"));
      }
      if (isTypeName(type) && present(data, "id")) {
        return new EntityRef(store, type, typedId(type, data.get("id")));
      }
      String resourceType = text(data, "resource_type");
      if (isTypeName(resourceType) && present(data, "resource_id")) {
        return new EntityRef(store, resourceType, integer(data, "resource_id", "data.resource_id"));
      }
    }
    return new EntityRef(store, "scope", body.scope());
  }

  /**
   * The resources bcsync syncs have integer ids; carts, cart line items (and any resource bcsync
   * does not know) may also have a UUID.
   */
  private static String typedId(String type, JsonNode id) {
    Optional<String> integer = BigCommerceIds.integer(id);
    if (INTEGER_TYPES.contains(type)) {
      return integer.orElseThrow(() -> notAnId("data.id"));
    }
    return integer
        .or(() -> BigCommerceIds.uuid(id))
        .orElseThrow(
            () ->
                WebhookRejection.invalid(
                    "data.id must be a BigCommerce id (a whole number from 1 to "
                        + BigCommerceIds.MAX_ID
                        + ") or, for carts, a UUID"));
  }

  private static String integer(JsonNode node, String field, String path) {
    return BigCommerceIds.integer(node.get(field)).orElseThrow(() -> notAnId(path));
  }

  private static WebhookRejection notAnId(String path) {
    return WebhookRejection.invalid(
        path + " must be a BigCommerce id: a whole number from 1 to " + BigCommerceIds.MAX_ID);
  }

  private static boolean isTypeName(String value) {
    return value != null && value.matches("[A-Za-z_]{1," + EntityRef.MAX_TYPE_LENGTH + "}");
  }

  private static boolean present(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && !value.isNull();
  }

  private static String text(JsonNode node, String field) {
    return Optional.ofNullable(node.get(field))
        .filter(JsonNode::isTextual)
        .map(JsonNode::textValue)
        .orElse(null);
  }
}
