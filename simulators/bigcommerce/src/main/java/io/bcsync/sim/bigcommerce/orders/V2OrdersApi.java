package io.bcsync.sim.bigcommerce.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.sim.bigcommerce.store.Order;
import io.bcsync.sim.bigcommerce.store.OrderLine;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** V2 orders, order sub-resources and order statuses. Empty V2 lists answer 204 with no body. */
public final class V2OrdersApi {
  private static final int DEFAULT_LIMIT = 50;
  private final OrderRenderer renderer;

  public V2OrdersApi(OrderRenderer renderer) {
    this.renderer = renderer;
  }

  public void register(Router r) {
    r.add("GET", "/v2/orders", this::list);
    r.add("GET", "/v2/orders/count", this::count);
    r.add("POST", "/v2/orders", this::create);
    r.add("GET", "/v2/orders/{id}", this::get);
    r.add("PUT", "/v2/orders/{id}", this::update);
    r.add("DELETE", "/v2/orders/{id}", this::archive);
    r.add("GET", "/v2/orders/{id}/products", this::products);
    r.add("GET", "/v2/orders/{id}/products/{line}", this::product);
    r.add("GET", "/v2/orders/{id}/shipping_addresses", this::shippingAddresses);
    r.add("GET", "/v2/orders/{id}/shipping_addresses/{address}", this::shippingAddress);
    r.add("GET", "/v2/orders/{id}/coupons", this::coupons);
    r.add("GET", "/v2/orders/{id}/consignments", this::consignments);
    r.add("GET", "/v2/order_statuses", this::statuses);
    r.add("GET", "/v2/order_statuses/{id}", this::status);
  }

  private ApiResponse list(ApiRequest req) {
    Paging.Page page = Paging.of(req, DEFAULT_LIMIT);
    List<Order> matching = filtered(req);
    List<Order> slice = page.slice(matching);
    if (slice.isEmpty()) {
      return ApiResponse.noContent();
    }
    boolean inline = inlineConsignments(req);
    boolean withLines = req.query("include").orElse("").contains("consignments.line_items");
    ArrayNode body = Json.array();
    slice.forEach(o -> body.add(renderer.order(req.store().hash(), o, inline, withLines)));
    return ApiResponse.ok(body);
  }

  private ApiResponse count(ApiRequest req) {
    List<Order> all = filtered(req);
    ObjectNode body = Json.object();
    ArrayNode statuses = body.putArray("statuses");
    for (OrderStatuses.Status s : OrderStatuses.ALL) {
      long n = all.stream().filter(o -> o.statusId == s.id()).count();
      statuses
          .addObject()
          .put("id", s.id())
          .put("name", s.name())
          .put("system_label", s.name())
          .put("custom_label", s.name())
          .put("system_description", s.description())
          .put("count", n)
          .put("sort_order", s.order());
    }
    body.put("count", all.size());
    return ApiResponse.ok(body);
  }

  private List<Order> filtered(ApiRequest req) {
    Predicate<Order> p =
        o -> !o.deleted || req.query("is_deleted").map(Boolean::parseBoolean).orElse(false);
    Optional<Long> minId = req.queryLong("min_id");
    Optional<Long> maxId = req.queryLong("max_id");
    Optional<Long> customerId = req.queryLong("customer_id");
    Optional<Long> statusId = req.queryLong("status_id");
    Optional<Instant> minModified = req.queryDate("min_date_modified");
    Optional<Instant> maxModified = req.queryDate("max_date_modified");
    Optional<Instant> minCreated = req.queryDate("min_date_created");
    Optional<Instant> maxCreated = req.queryDate("max_date_created");
    Optional<String> email = req.query("email");
    if (minId.isPresent()) p = p.and(o -> o.id >= minId.get());
    if (maxId.isPresent()) p = p.and(o -> o.id <= maxId.get());
    if (customerId.isPresent()) p = p.and(o -> o.customerId == customerId.get());
    if (statusId.isPresent()) p = p.and(o -> o.statusId == statusId.get());
    // Whole seconds: V2 dates carry no fractions, so a client passing back a date it read must
    // match it.
    if (minModified.isPresent())
      p = p.and(o -> !seconds(o.dateModified).isBefore(minModified.get()));
    if (maxModified.isPresent())
      p = p.and(o -> !seconds(o.dateModified).isAfter(maxModified.get()));
    if (minCreated.isPresent()) p = p.and(o -> !seconds(o.dateCreated).isBefore(minCreated.get()));
    if (maxCreated.isPresent()) p = p.and(o -> !seconds(o.dateCreated).isAfter(maxCreated.get()));
    if (email.isPresent()) p = p.and(o -> o.billing.email.equalsIgnoreCase(email.get()));
    return req.store().orders.values().stream().filter(p).sorted(sort(req)).toList();
  }

  private static Instant seconds(Instant t) {
    return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
  }

  private static Comparator<Order> sort(ApiRequest req) {
    String spec = req.query("sort").orElse("id:asc");
    String[] parts = spec.split(":");
    Comparator<Order> c =
        switch (parts[0]) {
          case "id" -> Comparator.comparingLong(o -> o.id);
          case "customer_id" -> Comparator.comparingLong(o -> o.customerId);
          case "date_created" -> Comparator.comparing(o -> o.dateCreated);
          case "date_modified" -> Comparator.comparing(o -> o.dateModified);
          case "status_id" -> Comparator.comparingInt(o -> o.statusId);
          case "channel_id" -> Comparator.comparingLong(o -> o.channelId);
          case "external_id" -> Comparator.comparing(o -> o.externalOrderId);
          default -> throw ApiException.badRequest("Invalid sort field: " + parts[0]);
        };
    c = c.thenComparingLong(o -> o.id);
    boolean desc = parts.length > 1 && parts[1].toLowerCase(Locale.ROOT).equals("desc");
    return desc ? c.reversed() : c;
  }

  private static boolean inlineConsignments(ApiRequest req) {
    return req.query("include").orElse("").contains("consignments")
        && "object".equals(req.query("consignment_structure").orElse(""));
  }

  private ApiResponse get(ApiRequest req) {
    Order o = order(req);
    boolean withLines = req.query("include").orElse("").contains("consignments.line_items");
    return ApiResponse.ok(
        renderer.order(req.store().hash(), o, inlineConsignments(req), withLines));
  }

  private ApiResponse create(ApiRequest req) {
    JsonNode body = req.json();
    OrderDraft draft = new OrderDraft();
    if (!body.hasNonNull("billing_address")) {
      throw ApiException.badRequest("The field 'billing_address' is required.");
    }
    if (!body.has("products") || !body.get("products").isArray()) {
      throw ApiException.badRequest("The field 'products' is required.");
    }
    draft.customerId = Json.longValue(body, "customer_id", 0);
    draft.billing = address(body.get("billing_address"));
    JsonNode shipping = body.path("shipping_addresses").path(0);
    draft.shipping = shipping.isMissingNode() ? null : address(shipping);
    draft.statusId = (int) Json.longValue(body, "status_id", OrderStatuses.PENDING);
    draft.orderSource = "external";
    draft.externalSource = Json.text(body, "external_source", "");
    draft.externalOrderId = Json.text(body, "external_order_id", "");
    draft.staffNotes = Json.text(body, "staff_notes", "");
    draft.customerMessage = Json.text(body, "customer_message", "");
    // Tax is not computed on API orders: it is what the ex/inc pairs say (the difference), or none.
    draft.shippingCost =
        body.hasNonNull("shipping_cost_ex_tax")
            ? money(body, "shipping_cost_ex_tax")
            : money(body, "shipping_cost_inc_tax");
    draft.shippingTax = taxOfPair(body, "shipping_cost_ex_tax", "shipping_cost_inc_tax");
    draft.discount = money(body, "discount_amount");
    for (JsonNode p : body.get("products")) {
      OrderDraft.Line line = new OrderDraft.Line();
      line.productId = Json.longValue(p, "product_id", 0);
      line.quantity = (int) Json.longValue(p, "quantity", 1);
      line.name = Json.text(p, "name", null);
      line.sku = Json.text(p, "sku", null);
      if (p.hasNonNull("price_ex_tax")) line.price = new BigDecimal(p.get("price_ex_tax").asText());
      else if (p.hasNonNull("price_inc_tax"))
        line.price = new BigDecimal(p.get("price_inc_tax").asText());
      line.priceTax = taxOfPair(p, "price_ex_tax", "price_inc_tax");
      if (line.productId == 0 && line.name == null) {
        throw ApiException.badRequest("Custom products need a name.");
      }
      draft.lines.add(line);
    }
    Order o = OrderOperations.create(req.store(), draft);
    return ApiResponse.ok(renderer.order(req.store().hash(), o, false, false));
  }

  private ApiResponse update(ApiRequest req) {
    Order o = order(req);
    JsonNode body = req.json();
    boolean changed = false;
    if (body.has("staff_notes")) {
      o.staffNotes = body.get("staff_notes").asText();
      changed = true;
    }
    if (body.has("customer_message")) {
      o.customerMessage = body.get("customer_message").asText();
      changed = true;
    }
    if (body.has("external_order_id")) {
      o.externalOrderId = body.get("external_order_id").asText();
      changed = true;
    }
    if (body.has("status_id")) {
      OrderOperations.changeStatus(req.store(), o, body.get("status_id").asInt());
    } else if (changed) {
      OrderOperations.touch(req.store(), o);
    }
    return ApiResponse.ok(renderer.order(req.store().hash(), o, false, false));
  }

  private ApiResponse archive(ApiRequest req) {
    OrderOperations.archive(req.store(), order(req));
    return ApiResponse.noContent();
  }

  private ApiResponse products(ApiRequest req) {
    Order o = order(req);
    List<OrderLine> slice = Paging.of(req, DEFAULT_LIMIT).slice(o.lines);
    if (slice.isEmpty()) {
      return ApiResponse.noContent();
    }
    ArrayNode body = Json.array();
    slice.forEach(l -> body.add(renderer.line(req.store().hash(), l)));
    return ApiResponse.ok(body);
  }

  private ApiResponse product(ApiRequest req) {
    Order o = order(req);
    long lineId = req.pathId("line");
    OrderLine line =
        o.lines.stream()
            .filter(l -> l.id == lineId)
            .findFirst()
            .orElseThrow(ApiException::notFound);
    return ApiResponse.ok(renderer.line(req.store().hash(), line));
  }

  private ApiResponse shippingAddresses(ApiRequest req) {
    Order o = order(req);
    List<Address> slice = Paging.of(req, DEFAULT_LIMIT).slice(o.shippingAddresses);
    if (slice.isEmpty()) {
      return ApiResponse.noContent();
    }
    ArrayNode body = Json.array();
    slice.forEach(a -> body.add(renderer.shippingAddress(req.store().hash(), o, a)));
    return ApiResponse.ok(body);
  }

  private ApiResponse shippingAddress(ApiRequest req) {
    Order o = order(req);
    long id = req.pathId("address");
    Address a =
        o.shippingAddresses.stream()
            .filter(x -> x.id == id)
            .findFirst()
            .orElseThrow(ApiException::notFound);
    return ApiResponse.ok(renderer.shippingAddress(req.store().hash(), o, a));
  }

  private ApiResponse coupons(ApiRequest req) {
    Order o = order(req);
    if (o.coupons.isEmpty()) {
      return ApiResponse.noContent();
    }
    ArrayNode body = Json.array();
    o.coupons.forEach(c -> body.add(renderer.coupon(c)));
    return ApiResponse.ok(body);
  }

  private ApiResponse consignments(ApiRequest req) {
    Order o = order(req);
    boolean withLines = req.query("include").orElse("").contains("line_items");
    return ApiResponse.ok(renderer.consignments(req.store().hash(), o, withLines));
  }

  private ApiResponse statuses(ApiRequest req) {
    ArrayNode body = Json.array();
    OrderStatuses.ALL.forEach(s -> body.add(status(s)));
    return ApiResponse.ok(body);
  }

  private ApiResponse status(ApiRequest req) {
    OrderStatuses.Status s = OrderStatuses.byId((int) req.pathId("id"));
    if (s == null) {
      throw ApiException.notFound();
    }
    return ApiResponse.ok(status(s));
  }

  private static ObjectNode status(OrderStatuses.Status s) {
    return Json.object()
        .put("id", s.id())
        .put("name", s.name())
        .put("system_label", s.name())
        .put("custom_label", s.name())
        .put("system_description", s.description())
        .put("order", s.order());
  }

  private static Order order(ApiRequest req) {
    Order o = req.store().order(req.pathId("id"));
    if (o == null) {
      throw ApiException.notFound();
    }
    return o;
  }

  /**
   * The tax an ex/inc pair implies (inc minus ex); null when either is missing, so the draft's rate
   * applies.
   */
  private static BigDecimal taxOfPair(JsonNode node, String exTax, String incTax) {
    if (!node.hasNonNull(exTax) || !node.hasNonNull(incTax)) {
      return null;
    }
    BigDecimal tax = money(node, incTax).subtract(money(node, exTax));
    if (tax.signum() < 0) {
      throw ApiException.badRequest(
          "The field '" + incTax + "' must not be less than '" + exTax + "'.");
    }
    return tax;
  }

  private static BigDecimal money(JsonNode node, String field) {
    return node.hasNonNull(field) ? new BigDecimal(node.get(field).asText()) : BigDecimal.ZERO;
  }

  static Address address(JsonNode n) {
    Address a = new Address();
    a.firstName = Json.text(n, "first_name", "");
    a.lastName = Json.text(n, "last_name", "");
    a.company = Json.text(n, "company", "");
    a.street1 = Json.text(n, "street_1", "");
    a.street2 = Json.text(n, "street_2", "");
    a.city = Json.text(n, "city", "");
    a.state = Json.text(n, "state", "");
    a.zip = Json.text(n, "zip", "");
    a.country = Json.text(n, "country", "United States");
    a.countryIso2 = Json.text(n, "country_iso2", "US");
    a.phone = Json.text(n, "phone", "");
    a.email = Json.text(n, "email", "");
    return a;
  }
}
