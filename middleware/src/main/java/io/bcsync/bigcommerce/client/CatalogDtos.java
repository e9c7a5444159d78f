package io.bcsync.bigcommerce.client;

import static io.bcsync.bigcommerce.client.Fields.bool;
import static io.bcsync.bigcommerce.client.Fields.date;
import static io.bcsync.bigcommerce.client.Fields.elements;
import static io.bcsync.bigcommerce.client.Fields.intValue;
import static io.bcsync.bigcommerce.client.Fields.longValue;
import static io.bcsync.bigcommerce.client.Fields.money;
import static io.bcsync.bigcommerce.client.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The catalog and pricing resources bcsync reads: products, variants, price lists. */
public final class CatalogDtos {
  private CatalogDtos() {}

  public record Product(
      long id,
      String name,
      String sku,
      String type,
      BigDecimal price,
      BigDecimal costPrice,
      BigDecimal retailPrice,
      BigDecimal salePrice,
      BigDecimal calculatedPrice,
      int inventoryLevel,
      String inventoryTracking,
      boolean visible,
      Instant dateModified,
      List<Variant> variants,
      List<Long> categories) {
    static Product from(JsonNode n) {
      return new Product(
          longValue(n, "id"),
          text(n, "name"),
          text(n, "sku"),
          text(n, "type"),
          money(n, "price"),
          money(n, "cost_price"),
          money(n, "retail_price"),
          money(n, "sale_price"),
          money(n, "calculated_price"),
          intValue(n, "inventory_level"),
          text(n, "inventory_tracking"),
          bool(n, "is_visible"),
          date(n, "date_modified"),
          elements(n.get("variants")).stream().map(Variant::from).toList(),
          elements(n.get("categories")).stream().map(JsonNode::asLong).toList());
    }
  }

  public record Variant(
      long id,
      long productId,
      String sku,
      BigDecimal price,
      BigDecimal salePrice,
      BigDecimal calculatedPrice,
      int inventoryLevel) {
    static Variant from(JsonNode n) {
      return new Variant(
          longValue(n, "id"),
          longValue(n, "product_id"),
          text(n, "sku"),
          money(n, "price"),
          money(n, "sale_price"),
          money(n, "calculated_price"),
          intValue(n, "inventory_level"));
    }
  }

  public record PriceList(long id, String name, boolean active, Instant dateModified) {
    static PriceList from(JsonNode n) {
      return new PriceList(
          longValue(n, "id"), text(n, "name"), bool(n, "active"), date(n, "date_modified"));
    }
  }

  public record PriceRecord(
      long priceListId,
      long variantId,
      String sku,
      String currency,
      BigDecimal price,
      BigDecimal salePrice,
      BigDecimal retailPrice) {
    static PriceRecord from(JsonNode n) {
      return new PriceRecord(
          longValue(n, "price_list_id"),
          longValue(n, "variant_id"),
          text(n, "sku"),
          text(n, "currency"),
          money(n, "price"),
          money(n, "sale_price"),
          money(n, "retail_price"));
    }
  }

  public record PriceListAssignment(
      long id, long priceListId, long customerGroupId, long channelId) {
    static PriceListAssignment from(JsonNode n) {
      return new PriceListAssignment(
          longValue(n, "id"),
          longValue(n, "price_list_id"),
          longValue(n, "customer_group_id"),
          longValue(n, "channel_id"));
    }
  }
}
