package io.bcsync.bigcommerce.client;

import static io.bcsync.bigcommerce.client.Fields.bool;
import static io.bcsync.bigcommerce.client.Fields.date;
import static io.bcsync.bigcommerce.client.Fields.intValue;
import static io.bcsync.bigcommerce.client.Fields.longValue;
import static io.bcsync.bigcommerce.client.Fields.money;
import static io.bcsync.bigcommerce.client.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The BigCommerce resources bcsync reads, with the fields the sync needs, parsed from the wire
 * formats.
 */
public final class Dtos {
  private Dtos() {}

  /** A V2 order. {@code lines} is null unless the order was read with its line items. */
  public record Order(
      long id,
      long customerId,
      int statusId,
      String status,
      Instant dateCreated,
      Instant dateModified,
      BigDecimal subtotalExTax,
      BigDecimal totalExTax,
      BigDecimal totalIncTax,
      BigDecimal totalTax,
      BigDecimal discountAmount,
      BigDecimal couponDiscount,
      BigDecimal refundedAmount,
      String currencyCode,
      String paymentStatus,
      String paymentMethod,
      int itemsTotal,
      boolean deleted,
      long channelId,
      String externalOrderId,
      String staffNotes,
      Address billingAddress,
      List<OrderLine> lines) {

    /** Guest orders have customer id 0 and carry the e-mail only in the billing address. */
    public boolean isGuest() {
      return customerId == 0;
    }

    /** Status 0: abandoned at payment; BigCommerce still fires store/order/created for it. */
    public boolean isIncomplete() {
      return statusId == 0;
    }

    public Order withLines(List<OrderLine> newLines) {
      return new Order(
          id,
          customerId,
          statusId,
          status,
          dateCreated,
          dateModified,
          subtotalExTax,
          totalExTax,
          totalIncTax,
          totalTax,
          discountAmount,
          couponDiscount,
          refundedAmount,
          currencyCode,
          paymentStatus,
          paymentMethod,
          itemsTotal,
          deleted,
          channelId,
          externalOrderId,
          staffNotes,
          billingAddress,
          List.copyOf(newLines));
    }

    static Order from(JsonNode n, List<OrderLine> lines) {
      return new Order(
          longValue(n, "id"),
          longValue(n, "customer_id"),
          intValue(n, "status_id"),
          text(n, "status"),
          date(n, "date_created"),
          date(n, "date_modified"),
          money(n, "subtotal_ex_tax"),
          money(n, "total_ex_tax"),
          money(n, "total_inc_tax"),
          money(n, "total_tax"),
          money(n, "discount_amount"),
          money(n, "coupon_discount"),
          money(n, "refunded_amount"),
          text(n, "currency_code"),
          text(n, "payment_status"),
          text(n, "payment_method"),
          intValue(n, "items_total"),
          bool(n, "is_deleted"),
          longValue(n, "channel_id"),
          text(n, "external_order_id"),
          text(n, "staff_notes"),
          Address.from(n.path("billing_address")),
          lines == null ? null : List.copyOf(lines));
    }
  }

  /** A line of an order (V2 order product, also inlined in consignments). */
  public record OrderLine(
      long id,
      long orderId,
      long productId,
      long variantId,
      String name,
      String sku,
      int quantity,
      BigDecimal basePrice,
      BigDecimal priceExTax,
      BigDecimal priceIncTax,
      BigDecimal totalExTax,
      BigDecimal totalIncTax) {
    static OrderLine from(JsonNode n) {
      return new OrderLine(
          longValue(n, "id"),
          longValue(n, "order_id"),
          longValue(n, "product_id"),
          longValue(n, "variant_id"),
          text(n, "name"),
          text(n, "sku"),
          intValue(n, "quantity"),
          money(n, "base_price"),
          money(n, "price_ex_tax"),
          money(n, "price_inc_tax"),
          money(n, "total_ex_tax"),
          money(n, "total_inc_tax"));
    }
  }

  public record Address(
      String firstName,
      String lastName,
      String company,
      String street1,
      String street2,
      String city,
      String state,
      String zip,
      String country,
      String countryIso2,
      String phone,
      String email) {
    static Address from(JsonNode n) {
      if (n == null || !n.isObject()) {
        return null;
      }
      return new Address(
          text(n, "first_name"),
          text(n, "last_name"),
          text(n, "company"),
          text(n, "street_1"),
          text(n, "street_2"),
          text(n, "city"),
          text(n, "state"),
          text(n, "zip"),
          text(n, "country"),
          text(n, "country_iso2"),
          text(n, "phone"),
          text(n, "email"));
    }
  }

  public record ShippingAddress(
      long id,
      long orderId,
      Address address,
      String shippingMethod,
      BigDecimal costIncTax,
      int itemsTotal) {
    static ShippingAddress from(JsonNode n) {
      return new ShippingAddress(
          longValue(n, "id"),
          longValue(n, "order_id"),
          Address.from(n),
          text(n, "shipping_method"),
          money(n, "cost_inc_tax"),
          intValue(n, "items_total"));
    }
  }

  public record OrderCoupon(
      long id, long couponId, String code, BigDecimal amount, int type, BigDecimal discount) {
    static OrderCoupon from(JsonNode n) {
      return new OrderCoupon(
          longValue(n, "id"),
          longValue(n, "coupon_id"),
          text(n, "code"),
          money(n, "amount"),
          intValue(n, "type"),
          money(n, "discount"));
    }
  }

  /** Map by id: merchants can rename statuses ({@code customLabel}). */
  public record OrderStatus(int id, String name, String systemLabel, String customLabel) {
    static OrderStatus from(JsonNode n) {
      return new OrderStatus(
          intValue(n, "id"), text(n, "name"), text(n, "system_label"), text(n, "custom_label"));
    }
  }

  public record Customer(
      long id,
      String email,
      String firstName,
      String lastName,
      String company,
      String phone,
      long customerGroupId,
      Instant dateCreated,
      Instant dateModified,
      String notes,
      String taxExemptCategory) {
    static Customer from(JsonNode n) {
      return new Customer(
          longValue(n, "id"),
          text(n, "email"),
          text(n, "first_name"),
          text(n, "last_name"),
          text(n, "company"),
          text(n, "phone"),
          longValue(n, "customer_group_id"),
          date(n, "date_created"),
          date(n, "date_modified"),
          text(n, "notes"),
          text(n, "tax_exempt_category"));
    }
  }

  public record CustomerGroup(
      long id, String name, boolean isDefault, Instant dateCreated, Instant dateModified) {
    static CustomerGroup from(JsonNode n) {
      return new CustomerGroup(
          longValue(n, "id"),
          text(n, "name"),
          bool(n, "is_default"),
          date(n, "date_created"),
          date(n, "date_modified"));
    }
  }

  public record Refund(
      long id, long orderId, Instant created, BigDecimal totalAmount, String reason) {
    static Refund from(JsonNode n) {
      return new Refund(
          longValue(n, "id"),
          longValue(n, "order_id"),
          date(n, "created"),
          money(n, "total_amount"),
          text(n, "reason"));
    }
  }

  public record Transaction(
      long id,
      long orderId,
      String event,
      String method,
      BigDecimal amount,
      String currency,
      String gateway,
      String status,
      Instant dateCreated) {
    static Transaction from(JsonNode n) {
      return new Transaction(
          longValue(n, "id"),
          longValue(n, "order_id"),
          text(n, "event"),
          text(n, "method"),
          money(n, "amount"),
          text(n, "currency"),
          text(n, "gateway"),
          text(n, "status"),
          date(n, "date_created"));
    }
  }

  public record Metafield(
      long id, String namespace, String key, String value, String permissionSet, long resourceId) {
    static Metafield from(JsonNode n) {
      return new Metafield(
          longValue(n, "id"),
          text(n, "namespace"),
          text(n, "key"),
          text(n, "value"),
          text(n, "permission_set"),
          longValue(n, "resource_id"));
    }
  }

  /** A V3 webhook subscription; only the token's own client id's hooks are ever visible. */
  public record Hook(
      long id, String scope, String destination, boolean active, Map<String, String> headers) {
    static Hook from(JsonNode n) {
      Map<String, String> headers = new LinkedHashMap<>();
      n.path("headers")
          .fields()
          .forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
      return new Hook(
          longValue(n, "id"),
          text(n, "scope"),
          text(n, "destination"),
          bool(n, "is_active"),
          Map.copyOf(headers));
    }
  }

  /** {@code /v2/store}: {@code id} is the hash; {@code storeId} the numeric id webhooks carry. */
  public record StoreInfo(
      String hash, String storeId, String name, String domain, String currency) {
    static StoreInfo from(JsonNode n) {
      return new StoreInfo(
          text(n, "id"),
          text(n, "store_id"),
          text(n, "name"),
          text(n, "domain"),
          text(n, "currency"));
    }
  }
}
