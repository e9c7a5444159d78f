package io.bcsync.sim.bigcommerce.orders;

import static io.bcsync.sim.bigcommerce.http.Formats.v3Date;
import static io.bcsync.sim.bigcommerce.http.Formats.v3Money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Paging;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.store.Metafield;
import io.bcsync.sim.bigcommerce.store.Order;
import io.bcsync.sim.bigcommerce.store.OrderLine;
import io.bcsync.sim.bigcommerce.store.Refund;
import io.bcsync.sim.bigcommerce.store.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** V3 order transactions, refunds (quotes, create, list) and order metafields. */
public final class V3OrdersApi {
  public void register(Router r) {
    r.add("GET", "/v3/orders/{id}/transactions", this::transactions);
    r.add("POST", "/v3/orders/{id}/payment_actions/refund_quotes", this::refundQuote);
    r.add("POST", "/v3/orders/{id}/payment_actions/refunds", this::createRefund);
    r.add("GET", "/v3/orders/{id}/payment_actions/refunds", this::orderRefunds);
    r.add("GET", "/v3/orders/payment_actions/refunds", this::allRefunds);
    r.add("GET", "/v3/orders/payment_actions/refunds/{refund}", this::refund);
    r.add("GET", "/v3/orders/metafields", this::allMetafields);
    r.add("GET", "/v3/orders/{id}/metafields", this::metafields);
    r.add("POST", "/v3/orders/{id}/metafields", this::createMetafield);
    r.add("GET", "/v3/orders/{id}/metafields/{mf}", this::metafield);
    r.add("PUT", "/v3/orders/{id}/metafields/{mf}", this::updateMetafield);
    r.add("DELETE", "/v3/orders/{id}/metafields/{mf}", this::deleteMetafield);
  }

  private ApiResponse transactions(ApiRequest req) {
    Order o = order(req);
    List<Transaction> list =
        req.store().transactions.values().stream().filter(t -> t.orderId == o.id).toList();
    if (list.isEmpty()) {
      return ApiResponse.noContent();
    }
    ArrayNode data = Json.array();
    list.forEach(t -> data.add(transaction(t)));
    return ApiResponse.ok(
        Paging.v3Collection(data, list.size(), new Paging.Page(1, Math.max(50, list.size()))));
  }

  private ApiResponse refundQuote(ApiRequest req) {
    Order o = order(req);
    BigDecimal amount = requestedAmount(o, req.json());
    ObjectNode quote = Json.object();
    quote.put("order_id", o.id);
    quote.put("total_refund_amount", v3Money(amount));
    quote.put("total_refund_tax_amount", 0);
    quote.put("rounding", 0);
    quote.put("adjustment", 0);
    quote.put("tax_inclusive", false);
    ArrayNode methods = quote.putArray("refund_methods");
    methods
        .addArray()
        .addObject()
        .put("provider_id", "storecredit")
        .put("provider_description", "Store Credit")
        .put("amount", v3Money(amount))
        .put("offline", true)
        .put("offline_provider", true)
        .put("offline_reason", "This is an offline payment method.");
    return ApiResponse.created(Paging.v3Single(quote));
  }

  private ApiResponse createRefund(ApiRequest req) {
    Order o = order(req);
    JsonNode body = req.json();
    BigDecimal requested = requestedAmount(o, body);
    BigDecimal paid = BigDecimal.ZERO;
    for (JsonNode p : body.path("payments")) {
      paid = paid.add(new BigDecimal(p.path("amount").asText("0")));
    }
    if (paid.compareTo(requested) != 0) {
      throw ApiException.unprocessable(
          "payments", "The total of payments must equal the refund amount " + requested + ".");
    }
    Map<Long, Integer> quantities = new LinkedHashMap<>();
    BigDecimal orderAmount = BigDecimal.ZERO;
    for (JsonNode item : body.path("items")) {
      if ("PRODUCT".equals(item.path("item_type").asText())) {
        quantities.merge(
            item.path("item_id").asLong(), item.path("quantity").asInt(1), Integer::sum);
      } else {
        orderAmount = orderAmount.add(new BigDecimal(item.path("amount").asText("0")));
      }
    }
    Refund r =
        OrderOperations.refund(
            req.store(),
            o,
            quantities,
            orderAmount.signum() > 0 ? orderAmount : null,
            Json.text(body, "reason", ""));
    return ApiResponse.created(Paging.v3Single(refund(r)));
  }

  private static BigDecimal requestedAmount(Order o, JsonNode body) {
    JsonNode items = body.path("items");
    if (!items.isArray() || items.isEmpty()) {
      throw ApiException.unprocessable("items", "At least one item is required.");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (JsonNode item : items) {
      String type = item.path("item_type").asText();
      if ("PRODUCT".equals(type)) {
        long id = item.path("item_id").asLong();
        OrderLine line =
            o.lines.stream()
                .filter(l -> l.id == id)
                .findFirst()
                .orElseThrow(
                    () ->
                        ApiException.unprocessable(
                            "items.item_id", "Item " + id + " is not on the order."));
        total = total.add(line.price.multiply(BigDecimal.valueOf(item.path("quantity").asInt(1))));
      } else if (Set.of("ORDER", "SHIPPING", "HANDLING", "GIFT_WRAPPING", "FEE").contains(type)) {
        total = total.add(new BigDecimal(item.path("amount").asText("0")));
      } else {
        throw ApiException.unprocessable("items.item_type", "Unknown item_type " + type + ".");
      }
    }
    return total.setScale(2, java.math.RoundingMode.HALF_UP);
  }

  private ApiResponse orderRefunds(ApiRequest req) {
    Order o = order(req);
    return refundList(
        req, req.store().refunds.values().stream().filter(r -> r.orderId == o.id).toList());
  }

  private ApiResponse allRefunds(ApiRequest req) {
    Optional<Set<Long>> orderIds = ids(req, "order_id:in");
    Optional<Set<Long>> refundIds = ids(req, "id:in");
    Optional<Instant> createdMin = req.queryDate("created:min");
    Optional<Instant> createdMax = req.queryDate("created:max");
    List<Refund> list =
        req.store().refunds.values().stream()
            .filter(r -> orderIds.map(s -> s.contains(r.orderId)).orElse(true))
            .filter(r -> refundIds.map(s -> s.contains(r.id)).orElse(true))
            .filter(r -> createdMin.map(m -> !r.created.isBefore(m)).orElse(true))
            .filter(r -> createdMax.map(m -> !r.created.isAfter(m)).orElse(true))
            .toList();
    return refundList(req, list);
  }

  private ApiResponse refundList(ApiRequest req, List<Refund> all) {
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(all).forEach(r -> data.add(refund(r)));
    return ApiResponse.ok(Paging.v3Collection(data, all.size(), page));
  }

  private ApiResponse refund(ApiRequest req) {
    Refund r = req.store().refunds.get(req.pathId("refund"));
    if (r == null) {
      throw ApiException.notFound();
    }
    return ApiResponse.ok(Paging.v3Single(refund(r)));
  }

  private ApiResponse metafields(ApiRequest req) {
    Order o = order(req);
    List<Metafield> list = visibleMetafields(req, o.id);
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(list).forEach(m -> data.add(metafield(m)));
    return ApiResponse.ok(Paging.v3Collection(data, list.size(), page));
  }

  /**
   * {@code GET /v3/orders/metafields} (batch, "Get All Order Metafields", orders.v3.yml): every
   * order's metafields this client may see, filtered by {@code namespace}, {@code key} (also their
   * {@code :in} lists) and {@code date_created:min/max} / {@code date_modified:min/max}, by id.
   */
  private ApiResponse allMetafields(ApiRequest req) {
    Optional<Set<String>> namespaces = names(req, "namespace");
    Optional<Set<String>> keys = names(req, "key");
    Optional<Instant> createdMin = req.queryDate("date_created:min");
    Optional<Instant> createdMax = req.queryDate("date_created:max");
    Optional<Instant> modifiedMin = req.queryDate("date_modified:min");
    Optional<Instant> modifiedMax = req.queryDate("date_modified:max");
    List<Metafield> list =
        req.store().metafields.values().stream()
            .filter(m -> "order".equals(m.resourceType))
            .filter(
                m -> m.ownerClientId.equals(req.clientId()) || !"app_only".equals(m.permissionSet))
            .filter(m -> namespaces.map(n -> n.contains(m.namespace)).orElse(true))
            .filter(m -> keys.map(k -> k.contains(m.key)).orElse(true))
            .filter(m -> createdMin.map(t -> !m.dateCreated.isBefore(t)).orElse(true))
            .filter(m -> createdMax.map(t -> !m.dateCreated.isAfter(t)).orElse(true))
            .filter(m -> modifiedMin.map(t -> !m.dateModified.isBefore(t)).orElse(true))
            .filter(m -> modifiedMax.map(t -> !m.dateModified.isAfter(t)).orElse(true))
            .sorted(java.util.Comparator.comparingLong(m -> m.id))
            .toList();
    Paging.Page page = Paging.of(req, 50);
    ArrayNode data = Json.array();
    page.slice(list).forEach(m -> data.add(metafield(m)));
    return ApiResponse.ok(Paging.v3Collection(data, list.size(), page));
  }

  /** A filter given as {@code name=value} or {@code name:in=a,b}. */
  private static Optional<Set<String>> names(ApiRequest req, String name) {
    Optional<List<String>> in = req.queryList(name + ":in");
    if (in.isPresent()) {
      return Optional.of(Set.copyOf(in.get()));
    }
    return req.query(name).map(Set::of);
  }

  private ApiResponse createMetafield(ApiRequest req) {
    Order o = order(req);
    JsonNode body = req.json();
    for (String field : List.of("permission_set", "namespace", "key", "value")) {
      if (!body.hasNonNull(field)) {
        throw ApiException.unprocessable(field, "The field '" + field + "' is required.");
      }
    }
    String namespace = body.get("namespace").asText();
    String key = body.get("key").asText();
    boolean duplicate =
        visibleMetafields(req, o.id).stream()
            .anyMatch(m -> m.namespace.equals(namespace) && m.key.equals(key));
    if (duplicate) {
      throw new ApiException(
          409, "A metafield with this namespace and key already exists for this resource.");
    }
    Metafield m = new Metafield();
    m.id = req.store().nextId();
    m.resourceType = "order";
    m.resourceId = o.id;
    m.namespace = namespace;
    m.key = key;
    m.value = body.get("value").asText();
    m.permissionSet = body.get("permission_set").asText();
    m.description = Json.text(body, "description", "");
    m.ownerClientId = req.clientId();
    m.dateCreated = req.now();
    m.dateModified = req.now();
    req.store().metafields.put(m.id, m);
    return ApiResponse.ok(Paging.v3Single(metafield(m)));
  }

  private ApiResponse metafield(ApiRequest req) {
    return ApiResponse.ok(Paging.v3Single(metafield(findMetafield(req))));
  }

  private ApiResponse updateMetafield(ApiRequest req) {
    Metafield m = findMetafield(req);
    JsonNode body = req.json();
    m.value = Json.text(body, "value", m.value);
    m.description = Json.text(body, "description", m.description);
    m.permissionSet = Json.text(body, "permission_set", m.permissionSet);
    m.dateModified = req.now();
    return ApiResponse.ok(Paging.v3Single(metafield(m)));
  }

  private ApiResponse deleteMetafield(ApiRequest req) {
    Metafield m = findMetafield(req);
    req.store().metafields.remove(m.id);
    return ApiResponse.noContent();
  }

  private static Metafield findMetafield(ApiRequest req) {
    Order o = order(req);
    long id = req.pathId("mf");
    return visibleMetafields(req, o.id).stream()
        .filter(m -> m.id == id)
        .findFirst()
        .orElseThrow(ApiException::notFound);
  }

  /** Metafields are private to the creating client unless their permission set opens them. */
  private static List<Metafield> visibleMetafields(ApiRequest req, long orderId) {
    return req.store().metafields.values().stream()
        .filter(m -> "order".equals(m.resourceType) && m.resourceId == orderId)
        .filter(m -> m.ownerClientId.equals(req.clientId()) || !"app_only".equals(m.permissionSet))
        .toList();
  }

  private static Optional<Set<Long>> ids(ApiRequest req, String name) {
    return req.queryList(name)
        .map(l -> l.stream().map(Long::parseLong).collect(Collectors.toSet()));
  }

  private static Order order(ApiRequest req) {
    Order o = req.store().order(req.pathId("id"));
    if (o == null) {
      throw ApiException.notFound();
    }
    return o;
  }

  static ObjectNode transaction(Transaction t) {
    ObjectNode n = Json.object();
    n.put("id", t.id);
    n.put("order_id", String.valueOf(t.orderId));
    n.put("event", t.event);
    n.put("method", t.method);
    n.put("amount", v3Money(t.amount));
    n.put("currency", t.currency);
    n.put("gateway", t.gateway);
    n.put("gateway_transaction_id", t.gatewayTransactionId);
    n.put("date_created", v3Date(t.dateCreated));
    n.put("test", true);
    n.put("status", t.status);
    n.put("fraud_review", false);
    n.putNull("offline");
    n.putNull("custom");
    n.put("payment_method_id", "testgateway.card");
    return n;
  }

  static ObjectNode refund(Refund r) {
    ObjectNode n = Json.object();
    n.put("id", r.id);
    n.put("order_id", r.orderId);
    n.put("user_id", r.userId);
    n.put("created", v3Date(r.created));
    n.put("reason", r.reason);
    n.put("total_amount", v3Money(r.totalAmount));
    n.put("total_tax", v3Money(r.totalTax));
    n.put("uses_merchant_override_values", false);
    ArrayNode items = n.putArray("items");
    for (Refund.Item i : r.items) {
      ObjectNode item = items.addObject();
      item.put("item_type", i.itemType);
      item.put("item_id", i.itemId);
      item.put("reason", i.reason);
      if (i.quantity != null) item.put("quantity", i.quantity);
      item.put("requested_amount", v3Money(i.amount));
    }
    n.putArray("payments")
        .addObject()
        .put("id", r.paymentId)
        .put("provider_id", r.providerId)
        .put("amount", v3Money(r.totalAmount))
        .put("offline", true)
        .put("is_declined", false)
        .put("declined_message", "")
        .put("transaction_id", String.valueOf(r.transactionId));
    return n;
  }

  static ObjectNode metafield(Metafield m) {
    ObjectNode n = Json.object();
    n.put("id", m.id);
    n.put("key", m.key);
    n.put("value", m.value);
    n.put("namespace", m.namespace);
    n.put("permission_set", m.permissionSet);
    n.put("resource_type", m.resourceType);
    n.put("resource_id", m.resourceId);
    n.put("description", m.description);
    n.put("date_created", v3Date(m.dateCreated));
    n.put("date_modified", v3Date(m.dateModified));
    n.put("owner_client_id", m.ownerClientId);
    return n;
  }
}
