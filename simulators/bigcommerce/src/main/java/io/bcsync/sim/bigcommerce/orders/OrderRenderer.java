package io.bcsync.sim.bigcommerce.orders;

import static io.bcsync.sim.bigcommerce.http.Formats.v2Date;
import static io.bcsync.sim.bigcommerce.http.Formats.v2Money;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.sim.bigcommerce.store.Order;
import io.bcsync.sim.bigcommerce.store.OrderCoupon;
import io.bcsync.sim.bigcommerce.store.OrderLine;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Supplier;

/**
 * Renders orders and their sub-resources in the V2 shape: money as 4-decimal strings, RFC 2822
 * dates.
 */
public final class OrderRenderer {
  private final Supplier<String> apiBase;

  /**
   * @param apiBase the simulator's API base (e.g. http://localhost:8081), used in {url, resource}
   *     links
   */
  public OrderRenderer(Supplier<String> apiBase) {
    this.apiBase = apiBase;
  }

  public ObjectNode order(
      String storeHash, Order o, boolean consignmentsInline, boolean withLineItems) {
    ObjectNode n = Json.object();
    BigDecimal subtotal = o.subtotal();
    BigDecimal subtotalTax = o.subtotalTax();
    n.put("id", o.id);
    n.put("customer_id", o.customerId);
    n.put("date_created", v2Date(o.dateCreated));
    n.put("date_modified", v2Date(o.dateModified));
    n.put("date_shipped", v2Date(o.dateShipped));
    n.put("status_id", o.statusId);
    n.put("status", OrderStatuses.name(o.statusId));
    n.put("subtotal_ex_tax", v2Money(subtotal));
    n.put("subtotal_inc_tax", v2Money(subtotal.add(subtotalTax)));
    n.put("subtotal_tax", v2Money(subtotalTax));
    n.put("base_shipping_cost", v2Money(o.shippingCost));
    n.put("shipping_cost_ex_tax", v2Money(o.shippingCost));
    n.put("shipping_cost_inc_tax", v2Money(o.shippingCost.add(o.shippingCostTax)));
    n.put("shipping_cost_tax", v2Money(o.shippingCostTax));
    n.put("shipping_cost_tax_class_id", 2);
    n.put("base_handling_cost", v2Money(BigDecimal.ZERO));
    n.put("handling_cost_ex_tax", v2Money(BigDecimal.ZERO));
    n.put("handling_cost_inc_tax", v2Money(BigDecimal.ZERO));
    n.put("handling_cost_tax", v2Money(BigDecimal.ZERO));
    n.put("handling_cost_tax_class_id", 2);
    n.put("base_wrapping_cost", v2Money(BigDecimal.ZERO));
    n.put("wrapping_cost_ex_tax", v2Money(BigDecimal.ZERO));
    n.put("wrapping_cost_inc_tax", v2Money(BigDecimal.ZERO));
    n.put("wrapping_cost_tax", v2Money(BigDecimal.ZERO));
    n.put("wrapping_cost_tax_class_id", 3);
    n.put("total_ex_tax", v2Money(o.totalExTax()));
    n.put("total_inc_tax", v2Money(o.total()));
    n.put("total_tax", v2Money(o.totalTax()));
    n.put("items_total", o.itemsTotal());
    n.put("items_shipped", o.itemsShipped());
    n.put("payment_method", o.paymentMethod);
    n.put("payment_provider_id", "");
    n.put("payment_status", o.paymentStatus);
    n.put("refunded_amount", v2Money(o.refundedAmount));
    n.put("order_is_digital", false);
    n.put("store_credit_amount", v2Money(BigDecimal.ZERO));
    n.put("gift_certificate_amount", v2Money(BigDecimal.ZERO));
    n.put("ip_address", o.ipAddress);
    n.put("ip_address_v6", "");
    n.put("geoip_country", o.billing.country);
    n.put("geoip_country_iso2", o.billing.countryIso2);
    n.put("currency_id", 1);
    n.put("currency_code", o.currencyCode);
    n.put("currency_exchange_rate", "1.0000000000");
    n.put("default_currency_id", 1);
    n.put("default_currency_code", o.currencyCode);
    n.put("store_default_currency_code", o.currencyCode);
    n.put("store_default_to_transactional_exchange_rate", "1.0000000000");
    n.put("staff_notes", o.staffNotes);
    n.put("customer_message", o.customerMessage);
    n.put("discount_amount", v2Money(o.manualDiscount));
    n.put("coupon_discount", v2Money(o.couponDiscount()));
    n.put("shipping_address_count", o.shippingAddresses.size());
    n.put("is_deleted", o.deleted);
    n.put("ebay_order_id", "0");
    n.put("cart_id", o.cartId);
    n.set("billing_address", billingAddress(o.billing));
    n.put("is_email_opt_in", false);
    n.putNull("credit_card_type");
    n.put("order_source", o.orderSource);
    n.put("channel_id", o.channelId);
    n.put("external_source", o.externalSource);
    n.put("external_id", "");
    n.put("external_merchant_id", "");
    n.put("tax_provider_id", "BasicTaxProvider");
    n.put("customer_locale", "en");
    n.put("external_order_id", o.externalOrderId);
    n.put("is_tax_inclusive_pricing", false);
    n.set("products", link(storeHash, "/orders/" + o.id + "/products"));
    n.set("shipping_addresses", link(storeHash, "/orders/" + o.id + "/shipping_addresses"));
    n.set("coupons", link(storeHash, "/orders/" + o.id + "/coupons"));
    if (consignmentsInline) {
      n.set("consignments", consignments(storeHash, o, withLineItems));
    } else {
      n.set("consignments", link(storeHash, "/orders/" + o.id + "/consignments"));
    }
    return n;
  }

  public ObjectNode billingAddress(Address a) {
    ObjectNode n = addressFields(a);
    n.putArray("form_fields");
    return n;
  }

  public ObjectNode line(String storeHash, OrderLine l) {
    ObjectNode n = Json.object();
    BigDecimal total = l.total();
    BigDecimal totalIncTax = total.add(l.totalTax());
    n.put("id", l.id);
    n.put("order_id", l.orderId);
    n.put("product_id", l.productId);
    n.put("variant_id", l.variantId);
    n.put("order_pickup_method_id", 0);
    n.put("order_address_id", l.orderAddressId);
    n.put("name", l.name);
    n.put("name_customer", l.name);
    n.put("name_merchant", l.name);
    n.put("sku", l.sku);
    n.put("upc", "");
    n.put("type", "physical");
    n.put("base_price", v2Money(l.price));
    n.put("price_ex_tax", v2Money(l.price));
    n.put("price_inc_tax", v2Money(l.price.add(l.priceTax)));
    n.put("price_tax", v2Money(l.priceTax));
    n.put("base_total", v2Money(total));
    n.put("total_ex_tax", v2Money(total));
    n.put("total_inc_tax", v2Money(totalIncTax));
    n.put("total_tax", v2Money(l.totalTax()));
    n.put("weight", "1.0000");
    n.put("width", "0.0000");
    n.put("height", "0.0000");
    n.put("depth", "0.0000");
    n.put("quantity", l.quantity);
    n.put("base_cost_price", v2Money(BigDecimal.ZERO));
    n.put("cost_price_inc_tax", v2Money(BigDecimal.ZERO));
    n.put("cost_price_ex_tax", v2Money(BigDecimal.ZERO));
    n.put("cost_price_tax", v2Money(BigDecimal.ZERO));
    n.put("is_refunded", l.quantityRefunded > 0 && l.quantityRefunded >= l.quantity);
    n.put("quantity_refunded", l.quantityRefunded);
    n.put("refund_amount", v2Money(BigDecimal.ZERO));
    n.put("return_id", l.returnId);
    n.put("wrapping_id", 0);
    n.put("wrapping_name", "");
    n.put("base_wrapping_cost", v2Money(BigDecimal.ZERO));
    n.put("wrapping_cost_ex_tax", v2Money(BigDecimal.ZERO));
    n.put("wrapping_cost_inc_tax", v2Money(BigDecimal.ZERO));
    n.put("wrapping_cost_tax", v2Money(BigDecimal.ZERO));
    n.put("wrapping_message", "");
    n.put("quantity_shipped", l.quantityShipped);
    n.put("event_name", "");
    n.put("fixed_shipping_cost", v2Money(BigDecimal.ZERO));
    n.put("ebay_item_id", "");
    n.put("ebay_transaction_id", "");
    n.put("option_set_id", 0);
    n.put("parent_order_product_id", 0);
    n.put("is_bundled_product", false);
    n.put("bin_picking_number", "");
    n.put("external_id", "");
    n.put("brand", "");
    ArrayNode discounts = n.putArray("applied_discounts");
    if (l.couponDiscount.signum() > 0) {
      discounts
          .addObject()
          .put("id", "total-coupon")
          .put("amount", v2Money(l.couponDiscount))
          .put("name", "Coupon")
          .put("code", "")
          .put("target", "order");
    }
    if (l.manualDiscount.signum() > 0) {
      // As in the spec's example: id "manual-discount", code null.
      discounts
          .addObject()
          .put("id", "manual-discount")
          .put("amount", v2Money(l.manualDiscount))
          .put("name", "Manual Discount")
          .putNull("code")
          .put("target", "order");
    }
    n.putArray("product_options");
    n.putArray("configurable_fields");
    n.put("gift_certificate_id", 0);
    n.put("discounted_total_inc_tax", v2Money(totalIncTax.subtract(l.discount())));
    return n;
  }

  public ObjectNode shippingAddress(String storeHash, Order o, Address a) {
    ObjectNode n = Json.object();
    n.put("id", a.id);
    n.put("order_id", o.id);
    addressFields(a).fields().forEachRemaining(e -> n.set(e.getKey(), e.getValue()));
    List<OrderLine> lines = linesOf(o, a);
    n.put("items_total", lines.stream().mapToInt(l -> l.quantity).sum());
    n.put("items_shipped", lines.stream().mapToInt(l -> l.quantityShipped).sum());
    n.put("shipping_method", "Flat Rate");
    n.put("base_cost", v2Money(o.shippingCost));
    n.put("cost_ex_tax", v2Money(o.shippingCost));
    n.put("cost_inc_tax", v2Money(o.shippingCost.add(o.shippingCostTax)));
    n.put("cost_tax", v2Money(o.shippingCostTax));
    n.put("cost_tax_class_id", 2);
    n.put("base_handling_cost", v2Money(BigDecimal.ZERO));
    n.put("handling_cost_ex_tax", v2Money(BigDecimal.ZERO));
    n.put("handling_cost_inc_tax", v2Money(BigDecimal.ZERO));
    n.put("handling_cost_tax", v2Money(BigDecimal.ZERO));
    n.put("handling_cost_tax_class_id", 2);
    n.put("shipping_zone_id", 1);
    n.put("shipping_zone_name", "United States");
    n.set(
        "shipping_quotes",
        link(storeHash, "/orders/" + o.id + "/shipping_addresses/" + a.id + "/shipping_quotes"));
    n.putArray("form_fields");
    return n;
  }

  public ObjectNode coupon(OrderCoupon c) {
    ObjectNode n = Json.object();
    n.put("id", c.id);
    n.put("coupon_id", c.couponId);
    n.put("order_id", c.orderId);
    n.put("code", c.code);
    n.put("amount", v2Money(c.amount));
    n.put("type", c.type);
    n.put("discount", c.discount.doubleValue());
    return n;
  }

  /**
   * consignment_structure=object: shipping consignments with costs as numbers (unlike the order
   * itself).
   */
  public ObjectNode consignments(String storeHash, Order o, boolean withLineItems) {
    ObjectNode n = Json.object();
    n.putArray("pickups");
    ArrayNode shipping = n.putArray("shipping");
    for (Address a : o.shippingAddresses) {
      ObjectNode c = shipping.addObject();
      c.put("id", a.id);
      addressFields(a).fields().forEachRemaining(e -> c.set(e.getKey(), e.getValue()));
      c.putArray("form_fields");
      ArrayNode items = c.putArray("line_items");
      for (OrderLine l : linesOf(o, a)) {
        items.add(
            withLineItems
                ? line(storeHash, l)
                : link(storeHash, "/orders/" + o.id + "/products/" + l.id));
      }
      List<OrderLine> lines = linesOf(o, a);
      c.put("items_total", lines.stream().mapToInt(l -> l.quantity).sum());
      c.put("items_shipped", lines.stream().mapToInt(l -> l.quantityShipped).sum());
      c.put("shipping_method", "Flat Rate");
      c.put("base_cost", o.shippingCost.doubleValue());
      c.put("cost_ex_tax", o.shippingCost.doubleValue());
      c.put("cost_inc_tax", o.shippingCost.add(o.shippingCostTax).doubleValue());
      c.put("cost_tax", o.shippingCostTax.doubleValue());
      c.put("cost_tax_class_id", 2);
      c.put("base_handling_cost", 0);
      c.put("handling_cost_ex_tax", 0);
      c.put("handling_cost_inc_tax", 0);
      c.put("handling_cost_tax", 0);
      c.put("handling_cost_tax_class_id", 2);
      c.put("shipping_zone_id", 1);
      c.put("shipping_zone_name", "United States");
      c.set(
          "shipping_quotes",
          link(
              storeHash,
              "/orders/" + o.id + "/consignments/shipping/" + a.id + "/shipping_quotes"));
    }
    n.putArray("downloads");
    n.putObject("email").putArray("gift_certificates");
    return n;
  }

  private static List<OrderLine> linesOf(Order o, Address a) {
    return o.lines.stream().filter(l -> l.orderAddressId == a.id).toList();
  }

  private static ObjectNode addressFields(Address a) {
    ObjectNode n = Json.object();
    n.put("first_name", a.firstName);
    n.put("last_name", a.lastName);
    n.put("company", a.company);
    n.put("street_1", a.street1);
    n.put("street_2", a.street2);
    n.put("city", a.city);
    n.put("state", a.state);
    n.put("zip", a.zip);
    n.put("country", a.country);
    n.put("country_iso2", a.countryIso2);
    n.put("phone", a.phone);
    n.put("email", a.email);
    return n;
  }

  private ObjectNode link(String storeHash, String resource) {
    ObjectNode n = Json.object();
    n.put("url", apiBase.get() + "/stores/" + storeHash + "/v2" + resource);
    n.put("resource", resource);
    return n;
  }
}
