package io.bcsync.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.EntityRef;
import jakarta.inject.Singleton;

/**
 * Maps a callback to the entity whose state must be re-read. Sub-resources roll up to their owner
 * (a transaction, shipment or metafield of an order to the order, an address to its customer, a SKU
 * to its product) so that all changes of one owner are processed in order and a burst collapses
 * into one sync. Callbacks without a resource (store information, batch price-list records) key on
 * their scope.
 */
@Singleton
public class EntityResolver {

  public EntityRef resolve(CallbackBody body) {
    String store = body.storeHash();
    JsonNode data = body.data();
    if (data.isObject()) {
      String type = text(data, "type");
      if ("order".equals(type) && has(data, "id")) {
        return new EntityRef(store, "order", text(data, "id"));
      }
      if (has(data, "order_id")) {
        return new EntityRef(store, "order", text(data, "order_id"));
      }
      if (has(data, "orderId")) {
        return new EntityRef(store, "order", text(data, "orderId"));
      }
      if (body.scope().startsWith("store/order/metafield/") && has(data, "resource_id")) {
        return new EntityRef(store, "order", text(data, "resource_id"));
      }
      JsonNode address = data.get("address");
      if (address != null && has(address, "customer_id")) {
        return new EntityRef(store, "customer", text(address, "customer_id"));
      }
      JsonNode sku = data.get("sku");
      if (sku != null && has(sku, "product_id")) {
        return new EntityRef(store, "product", text(sku, "product_id"));
      }
      if (has(data, "product_id")) {
        return new EntityRef(store, "product", text(data, "product_id"));
      }
      if (has(data, "price_list_id")) {
        return new EntityRef(store, "price_list", text(data, "price_list_id"));
      }
      if (has(data, "customer_id")) {
        return new EntityRef(store, "customer", text(data, "customer_id"));
      }
      if (isTypeName(type) && has(data, "id")) {
        return new EntityRef(store, type, text(data, "id"));
      }
      if (isTypeName(text(data, "resource_type")) && has(data, "resource_id")) {
        return new EntityRef(store, text(data, "resource_type"), text(data, "resource_id"));
      }
    }
    return new EntityRef(store, "scope", body.scope());
  }

  private static boolean isTypeName(String value) {
    return value != null && value.matches("[A-Za-z_]{1," + EntityRef.MAX_TYPE_LENGTH + "}");
  }

  private static boolean has(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null
        && (value.isTextual() || value.isIntegralNumber())
        && !value.asText().isBlank()
        && value.asText().length() <= EntityRef.MAX_ID_LENGTH;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
