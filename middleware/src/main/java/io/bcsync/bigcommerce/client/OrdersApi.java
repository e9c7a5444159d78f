package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** V2 orders and their sub-resources; V3 refunds, transactions and order metafields. */
public final class OrdersApi {
  private final StoreClient store;

  OrdersApi(StoreClient store) {
    this.store = store;
  }

  /**
   * Reads many orders with their line items in as few calls as the API allows: ids are grouped into
   * ranges one 250-order page covers ({@code min_id}/{@code max_id}) and each page inlines line
   * items through {@code include=consignments.line_items}. A burst of 1,000 consecutive orders
   * costs 4 calls. Orders that do not come back (deleted, archived) are absent from the result.
   */
  public Map<Long, Dtos.Order> readWithLines(Collection<Long> ids) {
    Map<Long, Dtos.Order> found = new LinkedHashMap<>();
    readDocuments(ids).forEach((id, document) -> found.put(id, document.order()));
    return found;
  }

  /**
   * An order as typed fields and as the JSON document the sync mapping reads: the V2 order with
   * {@code products} (its lines), {@code shipping_addresses} (from the inlined consignments) and
   * {@code coupons} as arrays instead of {@code {url, resource}} stubs.
   */
  public record OrderDocument(Dtos.Order order, ObjectNode json) {}

  /**
   * Like {@link #readWithLines} and at the same cost, plus the raw documents. Lines and shipping
   * addresses come from the inlined consignments; coupons cost one extra call, made only for orders
   * with a coupon discount.
   */
  public Map<Long, OrderDocument> readDocuments(Collection<Long> ids) {
    Map<Long, OrderDocument> found = new LinkedHashMap<>();
    for (long[] range : Batches.idRanges(ids, StoreClient.MAX_PAGE)) {
      ApiRequest request =
          withLineItems(ApiRequest.get("/v2/orders"))
              .with("min_id", range[0])
              .with("max_id", range[1])
              .with("sort", "id:asc");
      for (JsonNode order : store.v2All(request)) {
        long id = Fields.longValue(order, "id");
        if (ids.contains(id)) {
          found.put(id, document(order));
        }
      }
    }
    return found;
  }

  /**
   * Orders created in {@code [from, to)} with their documents (as {@link #readDocuments}), by
   * ascending id: one call per 250 orders (lines inlined) plus the coupon call of each order with a
   * coupon discount. V2 date filters are inclusive and whole seconds, hence {@code to} minus one
   * second.
   */
  public List<OrderDocument> createdBetween(Instant from, Instant to) {
    ApiRequest request =
        withLineItems(ApiRequest.get("/v2/orders"))
            .with("min_date_created", from.toString())
            .with("max_date_created", to.minusSeconds(1).toString())
            .with("sort", "id:asc");
    return store.v2All(request).stream().map(this::document).toList();
  }

  /** Refunds created in {@code [from, to)} across all orders: one call per 250 refunds. */
  public List<Dtos.Refund> refundsCreatedBetween(Instant from, Instant to) {
    return store
        .v3All(
            ApiRequest.get("/v3/orders/payment_actions/refunds")
                .with("created:min", from.toString())
                .with("created:max", to.minusSeconds(1).toString()))
        .stream()
        .map(Dtos.Refund::from)
        .filter(r -> r.created() == null || r.created().isBefore(to))
        .toList();
  }

  /** The refunds of the given orders: one call per 50 order ids (and per 250 refunds). */
  public List<Dtos.Refund> refundsOfOrders(Collection<Long> orderIds) {
    List<Long> ids = new ArrayList<>(orderIds);
    List<Dtos.Refund> out = new ArrayList<>();
    for (int i = 0; i < ids.size(); i += 50) {
      String in =
          String.join(
              ",",
              ids.subList(i, Math.min(ids.size(), i + 50)).stream().map(String::valueOf).toList());
      store
          .v3All(ApiRequest.get("/v3/orders/payment_actions/refunds").with("order_id:in", in))
          .forEach(n -> out.add(Dtos.Refund.from(n)));
    }
    return out;
  }

  /**
   * Every order's metafield {@code namespace}/{@code key} created in {@code [from, to)}, through
   * the batch endpoint {@code GET /v3/orders/metafields} (one call per 250 metafields): those the
   * token's client may read (its own and those whose permission set opens them).
   */
  public List<Dtos.Metafield> metafieldsCreatedBetween(
      String namespace, String key, Instant from, Instant to) {
    return store
        .v3All(
            ApiRequest.get("/v3/orders/metafields")
                .with("namespace", namespace)
                .with("key", key)
                .with("date_created:min", from.toString())
                .with("date_created:max", to.minusSeconds(1).toString()))
        .stream()
        .map(Dtos.Metafield::from)
        .toList();
  }

  public Optional<Dtos.Order> read(long orderId) {
    return store
        .one(withLineItems(ApiRequest.get("/v2/orders/" + orderId)))
        .map(this::document)
        .map(OrderDocument::order);
  }

  /**
   * Orders modified at or after {@code since}, oldest change first (the catch-up poll's query),
   * handed to {@code each} page by page: a poll over a 100,000-order burst holds one page of orders
   * at a time, not all of them.
   */
  public void modifiedSince(Instant since, Consumer<Dtos.Order> each) {
    store.v2Each(
        ApiRequest.get("/v2/orders")
            .with("min_date_modified", since.toString())
            .with("sort", "date_modified:asc"),
        order -> each.accept(Dtos.Order.from(order, null)));
  }

  /**
   * One page (up to 250) of the orders modified in {@code [since, until]} ({@code until} may be
   * null) whose id is above {@code afterId}, by ascending id: a keyset walk that new or edited
   * orders cannot shift. An order's {@code date_modified} is never before its creation, so this
   * also covers orders created since. Raw JSON, so callers can build matching profiles from the
   * billing address.
   */
  public List<JsonNode> modifiedPageAfter(Instant since, Instant until, long afterId) {
    ApiRequest request =
        ApiRequest.get("/v2/orders")
            .with("min_date_modified", since.toString())
            .with("min_id", afterId + 1)
            .with("sort", "id:asc")
            .with("limit", StoreClient.MAX_PAGE)
            .with("page", 1);
    if (until != null) {
      request = request.with("max_date_modified", until.toString());
    }
    ApiResponse response = store.call(request);
    if (response.status() == 404 || response.isEmpty() || !response.body().isArray()) {
      return List.of();
    }
    return Fields.elements(response.body());
  }

  /**
   * The highest id among orders modified since {@code since}: the end of a keyset walk, for
   * progress estimates.
   */
  public Optional<Long> highestIdModifiedSince(Instant since) {
    ApiResponse response =
        store.call(
            ApiRequest.get("/v2/orders")
                .with("min_date_modified", since.toString())
                .with("sort", "id:desc")
                .with("limit", 1)
                .with("page", 1));
    if (response.status() == 404
        || response.isEmpty()
        || !response.body().isArray()
        || response.body().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Fields.longValue(response.body().get(0), "id"));
  }

  /** All lines of an order, page by page (orders can have more than 250 lines). */
  public List<Dtos.OrderLine> lines(long orderId) {
    return rawLines(orderId).stream().map(Dtos.OrderLine::from).toList();
  }

  private List<JsonNode> rawLines(long orderId) {
    return store.v2All(ApiRequest.get("/v2/orders/" + orderId + "/products"));
  }

  public List<Dtos.ShippingAddress> shippingAddresses(long orderId) {
    return store.v2All(ApiRequest.get("/v2/orders/" + orderId + "/shipping_addresses")).stream()
        .map(Dtos.ShippingAddress::from)
        .toList();
  }

  public List<Dtos.OrderCoupon> coupons(long orderId) {
    return store.v2All(ApiRequest.get("/v2/orders/" + orderId + "/coupons")).stream()
        .map(Dtos.OrderCoupon::from)
        .toList();
  }

  public List<Dtos.OrderStatus> statuses() {
    ApiResponse response = store.require(ApiRequest.get("/v2/order_statuses"));
    return Fields.elements(response.body()).stream().map(Dtos.OrderStatus::from).toList();
  }

  public List<Dtos.Transaction> transactions(long orderId) {
    return store.v3Unpaged(ApiRequest.get("/v3/orders/" + orderId + "/transactions")).stream()
        .map(Dtos.Transaction::from)
        .toList();
  }

  /**
   * Refunds created at or after {@code since} across all orders (RFC 3339 filter), handed to {@code
   * each} page by page.
   */
  public void refundsCreatedSince(Instant since, Consumer<Dtos.Refund> each) {
    store.v3Each(
        ApiRequest.get("/v3/orders/payment_actions/refunds").with("created:min", since.toString()),
        refund -> each.accept(Dtos.Refund.from(refund)));
  }

  public List<Dtos.Refund> refunds(long orderId) {
    return store
        .v3Unpaged(ApiRequest.get("/v3/orders/" + orderId + "/payment_actions/refunds"))
        .stream()
        .map(Dtos.Refund::from)
        .toList();
  }

  public List<Dtos.Metafield> metafields(long orderId) {
    return store.v3All(ApiRequest.get("/v3/orders/" + orderId + "/metafields")).stream()
        .map(Dtos.Metafield::from)
        .toList();
  }

  /** Creates an app-only metafield (for example the Salesforce record id of the order). */
  public Dtos.Metafield createMetafield(long orderId, String namespace, String key, String value) {
    ObjectNode body =
        store
            .mapper()
            .createObjectNode()
            .put("namespace", namespace)
            .put("key", key)
            .put("value", value)
            .put("permission_set", "app_only");
    ApiResponse response =
        store.require(ApiRequest.write("POST", "/v3/orders/" + orderId + "/metafields", body));
    return Dtos.Metafield.from(response.body().path("data"));
  }

  public Dtos.Metafield updateMetafield(long orderId, long metafieldId, String value) {
    ObjectNode body = store.mapper().createObjectNode().put("value", value);
    ApiResponse response =
        store.require(
            ApiRequest.write("PUT", "/v3/orders/" + orderId + "/metafields/" + metafieldId, body));
    return Dtos.Metafield.from(response.body().path("data"));
  }

  private static ApiRequest withLineItems(ApiRequest request) {
    // Both parameters are needed: include alone returns the old array structure without line items.
    return request
        .with("include", "consignments.line_items")
        .with("consignment_structure", "object");
  }

  /**
   * Takes the line items inlined in the consignments; if they do not add up to the order's item
   * count (digital lines, or an order beyond what one response inlines) reads the products
   * sub-resource page by page instead.
   */
  private OrderDocument document(JsonNode order) {
    List<JsonNode> rawLines = new ArrayList<>();
    collectLineItems(order.path("consignments"), rawLines);
    Dtos.Order parsed =
        Dtos.Order.from(order, rawLines.stream().map(Dtos.OrderLine::from).toList());
    int quantity = parsed.lines().stream().mapToInt(Dtos.OrderLine::quantity).sum();
    if (quantity < parsed.itemsTotal()) {
      rawLines = rawLines(parsed.id());
      parsed = parsed.withLines(rawLines.stream().map(Dtos.OrderLine::from).toList());
    }
    ObjectNode json = order.deepCopy();
    ArrayNode products = json.putArray("products");
    rawLines.forEach(products::add);
    ArrayNode shipping = json.putArray("shipping_addresses");
    order
        .path("consignments")
        .path("shipping")
        .forEach(
            consignment -> {
              ObjectNode address = consignment.deepCopy();
              address.remove(List.of("line_items", "form_fields", "shipping_quotes"));
              shipping.add(address);
            });
    ArrayNode coupons = json.putArray("coupons");
    if (parsed.couponDiscount() != null && parsed.couponDiscount().signum() != 0) {
      // The only per-order call: V2 has no way to inline coupons, and most orders have none.
      store.v2All(ApiRequest.get("/v2/orders/" + parsed.id() + "/coupons")).forEach(coupons::add);
    }
    json.remove("consignments");
    return new OrderDocument(parsed, json);
  }

  private static void collectLineItems(JsonNode node, List<JsonNode> out) {
    if (node.isArray()) {
      node.forEach(child -> collectLineItems(child, out));
    } else if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              field -> {
                if ("line_items".equals(field.getKey()) && field.getValue().isArray()) {
                  field
                      .getValue()
                      .forEach(
                          line -> {
                            if (line.has("id") && line.has("quantity")) {
                              out.add(line);
                            }
                          });
                } else {
                  collectLineItems(field.getValue(), out);
                }
              });
    }
  }
}
