package io.bcsync.sim.bigcommerce.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.app.AppInstalls;
import io.bcsync.sim.bigcommerce.app.AppRegistration;
import io.bcsync.sim.bigcommerce.app.SignedPayloads;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.http.ApiException;
import io.bcsync.sim.bigcommerce.http.ApiRequest;
import io.bcsync.sim.bigcommerce.http.ApiResponse;
import io.bcsync.sim.bigcommerce.http.Json;
import io.bcsync.sim.bigcommerce.http.Router;
import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryAttempt;
import io.bcsync.sim.bigcommerce.webhooks.DeliveryChaos;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Routes of the HTTP control API, each a thin wrapper over {@link SimulatedStore} or the simulator.
 */
final class ControlApi {
  private final BigCommerceSimulator sim;

  ControlApi(BigCommerceSimulator sim) {
    this.sim = sim;
  }

  void register(Router r) {
    r.add("POST", "/stores", this::createStore);
    r.add("GET", "/stores/{hash}", this::summary);
    r.add("POST", "/stores/{hash}/customers", this::createCustomer);
    r.add("POST", "/stores/{hash}/products", this::createProduct);
    r.add("PUT", "/stores/{hash}/products/{id}/stock", this::setStock);
    r.add("POST", "/stores/{hash}/coupons", this::createCoupon);
    r.add("POST", "/stores/{hash}/orders", this::createOrder);
    r.add("POST", "/stores/{hash}/orders/burst", this::burst);
    r.add("PUT", "/stores/{hash}/orders/{id}/status", this::changeStatus);
    r.add("POST", "/stores/{hash}/orders/{id}/refunds", this::refund);
    r.add("POST", "/stores/{hash}/orders/{id}/declined-payments", this::declinePayment);
    r.add("POST", "/stores/{hash}/orders/{id}/returns", this::markReturned);
    r.add("POST", "/stores/{hash}/faults", this::addFault);
    r.add("DELETE", "/stores/{hash}/faults", this::clearFaults);
    r.add("POST", "/stores/{hash}/rate-limit/exhaust", this::exhaust);
    r.add("PUT", "/stores/{hash}/webhook-chaos", this::chaos);
    r.add("GET", "/stores/{hash}/webhook-deliveries", this::deliveries);
    r.add("GET", "/stores/{hash}/requests", this::requests);
    r.add("GET", "/stores/{hash}/call-counts", this::callCounts);
    r.add("POST", "/clock/advance", this::advanceClock);
    r.add("POST", "/apps", this::registerApp);
    r.add("POST", "/stores/{hash}/apps/{clientId}/install", this::install);
    r.add("POST", "/stores/{hash}/apps/{clientId}/load", this::load);
    r.add("POST", "/stores/{hash}/apps/{clientId}/uninstall", this::uninstall);
    r.add("POST", "/stores/{hash}/apps/{clientId}/remove-user", this::removeUser);
  }

  private ApiResponse createStore(ApiRequest req) {
    JsonNode b = req.json();
    BigCommerceSimulator.StoreSpec spec = BigCommerceSimulator.StoreSpec.named(required(b, "hash"));
    if (b.hasNonNull("name")) spec.name(b.get("name").asText());
    if (b.hasNonNull("access_token")) spec.accessToken(b.get("access_token").asText());
    if (b.hasNonNull("client_id")) spec.clientId(b.get("client_id").asText());
    if (b.hasNonNull("client_secret")) spec.clientSecret(b.get("client_secret").asText());
    if (b.hasNonNull("rate_limit_quota")) spec.rateLimitQuota(b.get("rate_limit_quota").asInt());
    SimulatedStore s = sim.createStore(spec);
    return ApiResponse.created(
        Json.object()
            .put("hash", s.hash())
            .put("store_id", s.storeId())
            .put("access_token", s.accessToken())
            .put("client_id", s.clientId())
            .put("api_base", sim.baseUrl()));
  }

  private ApiResponse summary(ApiRequest req) {
    SimulatedStore s = store(req);
    ObjectNode n =
        Json.object()
            .put("hash", s.hash())
            .put("store_id", s.storeId())
            .put("api_base", sim.baseUrl());
    s.read(
        st ->
            n.put("orders", st.orders.size())
                .put("customers", st.customers.size())
                .put("products", st.products.size())
                .put("hooks", st.hooks.size())
                .put("refunds", st.refunds.size()));
    return ApiResponse.ok(n);
  }

  private ApiResponse createCustomer(ApiRequest req) {
    SimulatedStore s = store(req);
    JsonNode b = req.json();
    long id =
        Json.bool(b, "allow_duplicate_email", false)
            ? s.createCustomerAllowingDuplicateEmail(
                required(b, "email"), required(b, "first_name"), required(b, "last_name"))
            : s.createCustomer(b);
    return ApiResponse.created(Json.object().put("id", id));
  }

  private ApiResponse createProduct(ApiRequest req) {
    return ApiResponse.created(Json.object().put("id", store(req).createProduct(req.json())));
  }

  private ApiResponse setStock(ApiRequest req) {
    store(req).setStock(req.pathId("id"), (int) Json.longValue(req.json(), "level", 0));
    return ApiResponse.noContent();
  }

  private ApiResponse createCoupon(ApiRequest req) {
    JsonNode b = req.json();
    long id =
        store(req)
            .createCoupon(
                required(b, "code"),
                (int) Json.longValue(b, "type", 2),
                new BigDecimal(required(b, "amount")));
    return ApiResponse.created(Json.object().put("id", id));
  }

  /**
   * Body: customer_id (0 or absent = guest, then guest_email), product_ids [...], or line_count for
   * many custom lines; optional status_id, coupon_code, discount_amount, shipping_cost (excluding
   * tax), tax_rate (percent, on line prices and shipping).
   */
  private ApiResponse createOrder(ApiRequest req) {
    SimulatedStore s = store(req);
    JsonNode b = req.json();
    long customerId = Json.longValue(b, "customer_id", 0);
    int lineCount = (int) Json.longValue(b, "line_count", 0);
    OrderDraft draft = new OrderDraft();
    draft.customerId = customerId;
    if (customerId == 0) {
      draft.billing.firstName = "Guest";
      draft.billing.lastName = "Shopper";
      draft.billing.email = Json.text(b, "guest_email", "guest@example.com");
    } else {
      s.read(
          st -> {
            var c = st.customers.get(customerId);
            if (c == null) throw ApiException.unprocessable("customer_id", "no such customer");
            draft.billing.firstName = c.firstName;
            draft.billing.lastName = c.lastName;
            draft.billing.email = c.email;
            return null;
          });
    }
    for (JsonNode p : b.path("product_ids")) {
      draft.addLine(OrderDraft.Line.of(p.asLong(), 1));
    }
    for (int i = 1; i <= lineCount; i++) {
      draft.addLine(
          OrderDraft.Line.custom("Line item " + i, "LINE-" + i, new BigDecimal("1.25"), 1));
    }
    draft.statusId = (int) Json.longValue(b, "status_id", draft.statusId);
    draft.couponCode = Json.text(b, "coupon_code", null);
    if (b.hasNonNull("discount_amount"))
      draft.discount = new BigDecimal(b.get("discount_amount").asText());
    if (b.hasNonNull("shipping_cost"))
      draft.shippingCost = new BigDecimal(b.get("shipping_cost").asText());
    if (b.hasNonNull("tax_rate")) draft.taxRate = new BigDecimal(b.get("tax_rate").asText());
    return ApiResponse.created(Json.object().put("id", s.createOrder(draft)));
  }

  private ApiResponse burst(ApiRequest req) {
    List<Long> ids = store(req).burstOrders((int) Json.longValue(req.json(), "count", 10));
    ArrayNode arr = Json.array();
    ids.forEach(arr::add);
    return ApiResponse.created(Json.object().set("ids", arr));
  }

  private ApiResponse changeStatus(ApiRequest req) {
    store(req)
        .changeOrderStatus(req.pathId("id"), (int) Json.longValue(req.json(), "status_id", -1));
    return ApiResponse.noContent();
  }

  private ApiResponse refund(ApiRequest req) {
    long id = store(req).refund(req.pathId("id"), new BigDecimal(required(req.json(), "amount")));
    return ApiResponse.created(Json.object().put("id", id));
  }

  /** Body: optional message (the gateway's). A declined payment attempt on the order. */
  private ApiResponse declinePayment(ApiRequest req) {
    JsonNode b = req.json();
    String message = b != null && b.hasNonNull("message") ? b.get("message").asText() : null;
    return ApiResponse.created(
        Json.object().put("id", store(req).declinePayment(req.pathId("id"), message)));
  }

  /** Body: sku. A shopper's return of the order's line with that SKU. */
  private ApiResponse markReturned(ApiRequest req) {
    long id = store(req).markReturned(req.pathId("id"), required(req.json(), "sku"));
    return ApiResponse.created(Json.object().put("return_id", id));
  }

  /**
   * Body: kind STATUS|RATE_LIMIT|LATENCY|TIMEOUT, status, delay_ms, times (-1 = until cleared),
   * method, path_contains.
   */
  private ApiResponse addFault(ApiRequest req) {
    store(req).injectFault(Fault.fromJson(req.json()));
    return ApiResponse.noContent();
  }

  private ApiResponse clearFaults(ApiRequest req) {
    store(req).clearFaults();
    return ApiResponse.noContent();
  }

  private ApiResponse exhaust(ApiRequest req) {
    store(req).exhaustRateLimit();
    return ApiResponse.noContent();
  }

  /**
   * Body: duplicate_probability (0..1), max_delay_ms (random hold per delivery, which reorders),
   * seed.
   */
  private ApiResponse chaos(ApiRequest req) {
    JsonNode b = req.json();
    store(req)
        .setWebhookChaos(
            new DeliveryChaos(
                b.path("duplicate_probability").asDouble(0),
                Duration.ofMillis(Json.longValue(b, "max_delay_ms", 0)),
                Json.longValue(b, "seed", 1)));
    return ApiResponse.noContent();
  }

  private ApiResponse deliveries(ApiRequest req) {
    ArrayNode arr = Json.array();
    for (DeliveryAttempt a : store(req).webhookAttempts()) {
      arr.addObject()
          .put("hook_id", a.hookId())
          .put("scope", a.scope())
          .put("message_id", a.messageId())
          .put("attempt", a.attempt())
          .put("at", a.at().toString())
          .put("status", a.status())
          .set("body", Json.parse(a.body()));
    }
    return ApiResponse.ok(arr);
  }

  private ApiResponse requests(ApiRequest req) {
    ArrayNode arr = Json.array();
    boolean writesOnly = req.query("writes_only").map(Boolean::parseBoolean).orElse(false);
    for (RequestLog.Entry e : store(req).requests()) {
      if (writesOnly && e.method().equals("GET")) continue;
      ObjectNode n =
          arr.addObject()
              .put("at", e.at().toString())
              .put("method", e.method())
              .put("path", e.path())
              .put("query", e.query())
              .put("route", e.route())
              .put("status", e.status())
              .put("client_id", e.clientId());
      n.set("body", e.body());
    }
    return ApiResponse.ok(arr);
  }

  private ApiResponse callCounts(ApiRequest req) {
    return ApiResponse.ok(Json.MAPPER.valueToTree(store(req).callCounts()));
  }

  private ApiResponse advanceClock(ApiRequest req) {
    if (!(sim.clock() instanceof MutableClock clock)) {
      throw new ApiException(
          409, "The simulator runs on the system clock; start it with --simulated-clock.");
    }
    clock.advance(
        Duration.ofMillis(
            Json.longValue(req.json(), "millis", Json.longValue(req.json(), "seconds", 0) * 1000)));
    return ApiResponse.ok(Json.object().put("now", clock.instant().toString()));
  }

  private ApiResponse registerApp(ApiRequest req) {
    JsonNode b = req.json();
    sim.registerApp(
        new AppRegistration(
            required(b, "client_id"),
            required(b, "client_secret"),
            Json.text(b, "auth_callback_url", null),
            Json.text(b, "load_callback_url", null),
            Json.text(b, "uninstall_callback_url", null),
            Json.text(b, "remove_user_callback_url", null),
            Json.text(b, "scope", "store_v2_orders store_v2_customers store_v2_products")));
    return ApiResponse.noContent();
  }

  private ApiResponse install(ApiRequest req) {
    AppInstalls.InstallResult result =
        sim.installApp(req.pathParam("hash"), req.pathParam("clientId"));
    return ApiResponse.ok(Json.object().put("callback_status", result.callbackStatus()));
  }

  private ApiResponse load(ApiRequest req) {
    return ApiResponse.ok(
        Json.object()
            .put(
                "callback_status",
                sim.loadApp(req.pathParam("hash"), req.pathParam("clientId"), user(req))));
  }

  private ApiResponse uninstall(ApiRequest req) {
    return ApiResponse.ok(
        Json.object()
            .put(
                "callback_status",
                sim.uninstallApp(req.pathParam("hash"), req.pathParam("clientId"))));
  }

  private ApiResponse removeUser(ApiRequest req) {
    return ApiResponse.ok(
        Json.object()
            .put(
                "callback_status",
                sim.removeUser(req.pathParam("hash"), req.pathParam("clientId"), user(req))));
  }

  private static SignedPayloads.StoreUser user(ApiRequest req) {
    JsonNode b = req.rawBody() == null || req.rawBody().length == 0 ? Json.object() : req.json();
    return new SignedPayloads.StoreUser(
        Json.longValue(b, "user_id", 1),
        Json.text(b, "email", "owner@" + req.pathParam("hash") + ".example"));
  }

  private SimulatedStore store(ApiRequest req) {
    return sim.store(req.pathParam("hash"))
        .orElseThrow(() -> new ApiException(404, "no store " + req.pathParam("hash")));
  }

  private static String required(JsonNode b, String field) {
    if (!b.hasNonNull(field)) {
      throw ApiException.badRequest("'" + field + "' is required");
    }
    return b.get(field).asText();
  }
}
