package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Validates the simulator's responses for every endpoint it serves against BigCommerce's published
 * OpenAPI specs (../shared/specs/bigcommerce/bigcommerce-docs/reference), and its webhook bodies
 * against the callback schemas of webhooks.v3.yml and the example payloads of models/webhooks/data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractTest {
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-06-01T10:00:00Z"));
  private final Map<String, OpenApiInteractionValidator> validators = new HashMap<>();
  private Path specs;
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;
  private CallbackReceiver receiver;

  @BeforeAll
  void start() throws Exception {
    try {
      specs = SpecsLocation.bigcommerceSpecs();
    } catch (org.opentest4j.TestAbortedException e) {
      return; // each test reports the skip itself, so it shows up as skipped with its reason
    }
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(clock)
                .rateLimit(100_000, Duration.ofSeconds(30))
                .allowLocalHttpHookDestinations(true));
    store =
        sim.createStore(BigCommerceSimulator.StoreSpec.named("con123").clientId("contract-client"));
    api = Http.forStore(sim, store);
    receiver = new CallbackReceiver();
  }

  @org.junit.jupiter.api.BeforeEach
  void requireSpecs() {
    SpecsLocation.bigcommerceSpecs();
  }

  @AfterAll
  void stop() {
    if (sim != null) {
      sim.close();
      receiver.close();
    }
  }

  @Test
  void everyServedEndpointMatchesTheOfficialSpecs() {
    long customerId =
        store.createCustomer(
            Http.JSON
                .createObjectNode()
                .put("email", "spec@example.com")
                .put("first_name", "S")
                .put("last_name", "P")
                .set(
                    "addresses",
                    Http.JSON.valueToTree(
                        List.of(
                            Map.of(
                                "first_name",
                                "S",
                                "last_name",
                                "P",
                                "address1",
                                "1 St",
                                "city",
                                "Austin",
                                "country_code",
                                "US",
                                "postal_code",
                                "78701",
                                "state_or_province",
                                "Texas")))));
    long productId = store.createProduct("Spec mug", "SPEC-MUG", new BigDecimal("10.00"));
    store.createCoupon("SPEC10", 3, new BigDecimal("10"));
    io.bcsync.sim.bigcommerce.orders.OrderDraft draft =
        new io.bcsync.sim.bigcommerce.orders.OrderDraft();
    draft.customerId = customerId;
    draft.billing.email = "spec@example.com";
    draft.couponCode = "SPEC10";
    draft.addLine(io.bcsync.sim.bigcommerce.orders.OrderDraft.Line.of(productId, 2));
    long orderId = store.createOrder(draft);
    long lineId = store.read(s -> s.orders.get(orderId).lines.get(0).id);
    long addressId = store.read(s -> s.orders.get(orderId).shippingAddresses.get(0).id);
    long refundId = store.refund(orderId, new BigDecimal("1.00"));

    List<String> failures = new ArrayList<>();
    String o = "orders.v2.oas2.yml";
    check(failures, o, "GET", "/v2", "/orders", null, 200);
    check(
        failures,
        o,
        "GET",
        "/v2",
        "/orders?min_id=1&sort=date_modified:desc&limit=250&include=consignments.line_items&consignment_structure=object",
        null,
        200);
    check(failures, o, "GET", "/v2", "/orders/" + orderId, null, 200);
    check(
        failures,
        o,
        "GET",
        "/v2",
        "/orders/" + orderId + "?include=consignments.line_items&consignment_structure=object",
        null,
        200);
    check(failures, o, "GET", "/v2", "/orders/" + orderId + "/products", null, 200);
    check(failures, o, "GET", "/v2", "/orders/" + orderId + "/products/" + lineId, null, 200);
    check(failures, o, "GET", "/v2", "/orders/" + orderId + "/shipping_addresses", null, 200);
    check(
        failures,
        o,
        "GET",
        "/v2",
        "/orders/" + orderId + "/shipping_addresses/" + addressId,
        null,
        200);
    check(failures, o, "GET", "/v2", "/orders/" + orderId + "/coupons", null, 200);
    check(failures, o, "GET", "/v2", "/orders/" + orderId + "/consignments", null, 200);
    check(failures, o, "GET", "/v2", "/orders/count", null, 200);
    check(failures, o, "GET", "/v2", "/order_statuses", null, 200);
    check(failures, o, "GET", "/v2", "/order_statuses/11", null, 200);
    check(failures, o, "PUT", "/v2", "/orders/" + orderId, Map.of("status_id", 9), 200);
    check(
        failures,
        o,
        "POST",
        "/v2",
        "/orders",
        Map.of(
            "billing_address",
            Map.of(
                "first_name",
                "A",
                "last_name",
                "B",
                "street_1",
                "1 St",
                "city",
                "Austin",
                "state",
                "Texas",
                "zip",
                "78701",
                "country",
                "United States",
                "country_iso2",
                "US",
                "email",
                "a@example.com"),
            "products",
            List.of(Map.of("product_id", productId, "quantity", 1))),
        200);

    String o3 = "orders.v3.yml";
    check(failures, o3, "GET", "/v3", "/orders/" + orderId + "/transactions", null, 200);
    check(
        failures,
        o3,
        "POST",
        "/v3",
        "/orders/" + orderId + "/payment_actions/refund_quotes",
        Map.of("items", List.of(Map.of("item_type", "ORDER", "item_id", orderId, "amount", 1.0))),
        201);
    check(
        failures,
        o3,
        "POST",
        "/v3",
        "/orders/" + orderId + "/payment_actions/refunds",
        Map.of(
            "items",
            List.of(Map.of("item_type", "ORDER", "item_id", orderId, "amount", 1.0)),
            "payments",
            List.of(Map.of("provider_id", "storecredit", "amount", 1.0, "offline", true))),
        201);
    check(failures, o3, "GET", "/v3", "/orders/" + orderId + "/payment_actions/refunds", null, 200);
    check(
        failures,
        o3,
        "GET",
        "/v3",
        "/orders/payment_actions/refunds?order_id:in=" + orderId,
        null,
        200);
    check(failures, o3, "GET", "/v3", "/orders/payment_actions/refunds/" + refundId, null, 200);
    JsonNode mf =
        check(
            failures,
            o3,
            "POST",
            "/v3",
            "/orders/" + orderId + "/metafields",
            Map.of(
                "namespace",
                "bcsync",
                "key",
                "sf_id",
                "value",
                "801",
                "permission_set",
                "app_only"),
            200);
    long mfId = mf.path("data").path("id").asLong();
    check(failures, o3, "GET", "/v3", "/orders/" + orderId + "/metafields", null, 200);
    check(failures, o3, "GET", "/v3", "/orders/" + orderId + "/metafields/" + mfId, null, 200);
    check(
        failures,
        o3,
        "PUT",
        "/v3",
        "/orders/" + orderId + "/metafields/" + mfId,
        Map.of("value", "802"),
        200);
    check(failures, o3, "DELETE", "/v3", "/orders/" + orderId + "/metafields/" + mfId, null, 204);

    String c3 = "customers.v3.yml";
    check(
        failures, c3, "GET", "/v3", "/customers?include=addresses&id:in=" + customerId, null, 200);
    check(
        failures,
        c3,
        "GET",
        "/v3",
        "/customers?email:in=spec@example.com&date_modified:min=2020-01-01",
        null,
        200);
    check(
        failures,
        c3,
        "POST",
        "/v3",
        "/customers",
        List.of(Map.of("email", "new@example.com", "first_name", "N", "last_name", "W")),
        200);
    check(
        failures,
        c3,
        "PUT",
        "/v3",
        "/customers",
        List.of(Map.of("id", customerId, "notes", "vip")),
        200);
    check(
        failures,
        c3,
        "POST",
        "/v3",
        "/customers",
        java.util.Collections.nCopies(
            11, Map.of("email", "x@example.com", "first_name", "X", "last_name", "Y")),
        413);
    check(failures, c3, "GET", "/v3", "/customers/addresses", null, 200);

    String c2 = "customers.v2.yml";
    JsonNode group =
        check(failures, c2, "POST", "/v2", "/customer_groups", Map.of("name", "Spec group"), 200);
    long groupId = group.path("id").asLong();
    check(failures, c2, "GET", "/v2", "/customer_groups", null, 200);
    check(failures, c2, "GET", "/v2", "/customer_groups/" + groupId, null, 200);
    check(
        failures,
        c2,
        "PUT",
        "/v2",
        "/customer_groups/" + groupId,
        Map.of("name", "Spec group 2"),
        200);
    check(failures, c2, "GET", "/v2", "/customer_groups/count", null, 200);

    String p = "catalog/products_catalog.v3.yml";
    check(
        failures, p, "GET", "/v3", "/catalog/products?include=variants&sku:in=SPEC-MUG", null, 200);
    check(failures, p, "GET", "/v3", "/catalog/products/" + productId, null, 200);
    JsonNode newProduct =
        check(
            failures,
            p,
            "POST",
            "/v3",
            "/catalog/products",
            Map.of(
                "name",
                "Spec kettle",
                "type",
                "physical",
                "sku",
                "SPEC-KET",
                "price",
                20,
                "weight",
                1),
            200);
    check(
        failures,
        p,
        "PUT",
        "/v3",
        "/catalog/products",
        List.of(Map.of("id", productId, "price", 11)),
        200);
    check(failures, p, "PUT", "/v3", "/catalog/products/" + productId, Map.of("price", 12), 200);
    String v = "catalog/product-variants_catalog.v3.yml";
    long kettleId = newProduct.path("data").path("id").asLong();
    JsonNode variant =
        check(
            failures,
            v,
            "POST",
            "/v3",
            "/catalog/products/" + kettleId + "/variants",
            Map.of("sku", "SPEC-KET-RED", "price", 22),
            200);
    long variantId = variant.path("data").path("id").asLong();
    check(failures, v, "GET", "/v3", "/catalog/products/" + kettleId + "/variants", null, 200);
    check(
        failures,
        v,
        "GET",
        "/v3",
        "/catalog/products/" + kettleId + "/variants/" + variantId,
        null,
        200);
    check(
        failures,
        v,
        "PUT",
        "/v3",
        "/catalog/products/" + kettleId + "/variants/" + variantId,
        Map.of("price", 23),
        200);
    check(failures, v, "GET", "/v3", "/catalog/variants?sku=SPEC-KET-RED", null, 200);
    check(
        failures,
        v,
        "PUT",
        "/v3",
        "/catalog/variants",
        List.of(Map.of("id", variantId, "price", 24)),
        200);

    String pl = "price_lists.v3.yml";
    JsonNode list =
        check(
            failures,
            pl,
            "POST",
            "/v3",
            "/pricelists",
            Map.of("name", "Spec list", "active", true),
            200);
    long listId = list.path("data").path("id").asLong();
    check(failures, pl, "GET", "/v3", "/pricelists", null, 200);
    check(failures, pl, "GET", "/v3", "/pricelists/" + listId, null, 200);
    check(failures, pl, "PUT", "/v3", "/pricelists/" + listId, Map.of("name", "Spec list 2"), 200);
    check(
        failures,
        pl,
        "PUT",
        "/v3",
        "/pricelists/" + listId + "/records",
        List.of(Map.of("variant_id", variantId, "currency", "usd", "price", 19.5)),
        200);
    check(failures, pl, "GET", "/v3", "/pricelists/" + listId + "/records", null, 200);
    check(
        failures,
        pl,
        "POST",
        "/v3",
        "/pricelists/assignments",
        List.of(Map.of("price_list_id", listId, "customer_group_id", groupId, "channel_id", 1)),
        200);
    check(failures, pl, "GET", "/v3", "/pricelists/assignments", null, 200);

    check(
        failures,
        "inventory.v3.yml",
        "PUT",
        "/v3",
        "/inventory/adjustments/absolute",
        Map.of(
            "reason",
            "spec",
            "items",
            List.of(Map.of("location_id", 1, "variant_id", variantId, "quantity", 5))),
        200);

    String w = "webhooks.v3.yml";
    JsonNode hook =
        check(
            failures,
            w,
            "POST",
            "/v3",
            "/hooks",
            Map.of(
                "scope",
                "store/order/*",
                "destination",
                receiver.url("/h"),
                "is_active",
                true,
                "headers",
                Map.of("X-S", "1")),
            200);
    long hookId = hook.path("data").path("id").asLong();
    check(failures, w, "GET", "/v3", "/hooks", null, 200);
    check(failures, w, "GET", "/v3", "/hooks/" + hookId, null, 200);
    check(failures, w, "PUT", "/v3", "/hooks/" + hookId, Map.of("is_active", true), 200);
    check(failures, w, "GET", "/v3", "/hooks/admin", null, 200);
    check(
        failures,
        w,
        "PUT",
        "/v3",
        "/hooks/admin",
        Map.of("emails", List.of("ops@example.com")),
        204);
    check(failures, w, "POST", "/v3", "/hooks", Map.of("destination", receiver.url("/h")), 422);

    check(failures, "store_information.v2.yml", "GET", "/v2", "/store", null, 200);
    check(failures, "store_information.v2.yml", "GET", "/v2", "/time", null, 200);
    check(failures, w, "DELETE", "/v3", "/hooks/" + hookId, null, 200);

    assertThat(failures).as("responses that do not match the BigCommerce specs").isEmpty();
  }

  @Test
  void webhookBodiesMatchTheCallbackSchemasAndExamples() throws Exception {
    SimulatedStore hooks = sim.createStore(BigCommerceSimulator.StoreSpec.named("conhk1"));
    Http hooksApi = Http.forStore(sim, hooks);
    CallbackReceiver sink = new CallbackReceiver();
    try {
      for (String scope :
          List.of("store/order/*", "store/customer/*", "store/product/*", "store/sku/*")) {
        assertThat(
                hooksApi
                    .post("/v3/hooks", Map.of("scope", scope, "destination", sink.url("/h")))
                    .status())
            .isEqualTo(200);
      }
      long tracked =
          hooks.createProduct(
              Http.JSON
                  .createObjectNode()
                  .put("name", "Jar")
                  .put("type", "physical")
                  .put("sku", "JAR")
                  .put("price", 5)
                  .put("weight", 1)
                  .put("inventory_tracking", "product")
                  .put("inventory_level", 10));
      long customerId = hooks.createCustomer("hook@example.com", "H", "K");
      long orderId = hooks.placeOrder(customerId, tracked);
      hooks.changeOrderStatus(orderId, 2);
      hooks.refund(orderId, new BigDecimal("1"));
      hooks.setStock(tracked, 3);
      hooks.updateProduct(tracked, Http.JSON.createObjectNode().put("price", 6));
      hooksApi.post("/v3/catalog/products/" + tracked + "/variants", Map.of("sku", "JAR-BLUE"));
      hooks.updateCustomer(customerId, Http.JSON.createObjectNode().put("notes", "x"));
      hooksApi.delete("/v3/catalog/products/" + tracked);

      List<String> scopes =
          List.of(
              "store/order/created",
              "store/order/updated",
              "store/order/statusUpdated",
              "store/order/refund/created",
              "store/customer/created",
              "store/customer/updated",
              "store/product/created",
              "store/product/updated",
              "store/product/deleted",
              "store/product/inventory/updated",
              "store/product/inventory/order/updated",
              "store/sku/created");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> scopes.stream().allMatch(s -> !sink.forScope(s).isEmpty()));

      OpenAPI webhookSpec = parse(specs.resolve("bigcommerce-docs/reference/webhooks.v3.yml"));
      SchemaValidator validator =
          new SchemaValidator(
              webhookSpec,
              new MessageResolver(LevelResolverFactory.withAdditionalPropertiesIgnored()));
      List<String> failures = new ArrayList<>();
      for (String scope : scopes) {
        String body = sink.forScope(scope).get(0).body();
        String name = scope.replace('/', '_');
        var schema = webhookSpec.getComponents().getSchemas().get(name);
        assertThat(schema).as("schema for " + scope).isNotNull();
        ValidationReport report = validator.validate(body, schema, "webhook");
        report.getMessages().stream()
            .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
            .forEach(m -> failures.add(scope + ": " + m.getMessage()));
        Path example = specs.resolve("models/webhooks/data/" + name + ".json");
        if (Files.exists(example)) {
          compareShape(scope, Http.json(Files.readString(example)), Http.json(body), "", failures);
        }
      }
      assertThat(failures)
          .as("webhook bodies that differ from BigCommerce's schemas/examples")
          .isEmpty();
    } finally {
      sink.close();
    }
  }

  /** Same field names and JSON types as BigCommerce's example payload, recursively. */
  private static void compareShape(
      String scope, JsonNode expected, JsonNode actual, String at, List<String> failures) {
    if (expected.isObject()) {
      if (!actual.isObject()) {
        failures.add(scope + ": " + at + " should be an object");
        return;
      }
      Iterator<String> names = expected.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!actual.has(n)) {
          failures.add(scope + ": missing " + at + "/" + n);
        } else {
          compareShape(scope, expected.get(n), actual.get(n), at + "/" + n, failures);
        }
      }
      actual
          .fieldNames()
          .forEachRemaining(
              n -> {
                if (!expected.has(n)) failures.add(scope + ": unexpected " + at + "/" + n);
              });
    } else if (expected.getNodeType() != actual.getNodeType()) {
      failures.add(
          scope
              + ": "
              + at
              + " is "
              + actual.getNodeType()
              + " but the example has "
              + expected.getNodeType());
    }
  }

  private JsonNode check(
      List<String> failures,
      String spec,
      String method,
      String version,
      String path,
      Object body,
      int expectedStatus) {
    Http.Response r = api.send(method, version + path, body);
    if (r.status() != expectedStatus) {
      failures.add(
          method
              + " "
              + version
              + path
              + ": status "
              + r.status()
              + " expected "
              + expectedStatus
              + " body "
              + r.body());
      return Http.JSON.createObjectNode();
    }
    SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status());
    if (r.body() != null && !r.body().isEmpty()) {
      response.withContentType("application/json").withBody(r.body());
    }
    String specPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    ValidationReport report =
        validator(spec)
            .validateResponse(specPath, Request.Method.valueOf(method), response.build());
    report.getMessages().stream()
        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
        .filter(m -> !specAmbiguity(m))
        .filter(m -> !knownSpecInconsistency(specPath, m))
        .filter(
            m -> !(r.status() >= 400 && m.getKey().equals("validation.response.body.unexpected")))
        .forEach(
            m ->
                failures.add(
                    method + " " + version + specPath + " [" + spec + "]: " + describe(m)));
    return r.body() == null || r.body().isEmpty() ? Http.JSON.createObjectNode() : r.json();
  }

  /**
   * Some spec schemas cannot tell their oneOf alternatives apart (e.g. order `consignments` is a
   * {url, resource} link or the consignment object, neither with required fields), so any value
   * matches all of them. Such "matched N out of N" failures are defects of the spec, not of the
   * simulator; every other failure is kept.
   */
  private static boolean specAmbiguity(ValidationReport.Message m) {
    java.util.regex.Matcher matched =
        java.util.regex.Pattern.compile("matched (\\d+) out of (\\d+)").matcher(m.getMessage());
    if (m.getKey().endsWith(".oneOf") && matched.find()) {
      return matched.group(1).equals(matched.group(2));
    }
    return m.getKey().endsWith(".allOf")
        && !m.getNestedMessages().isEmpty()
        && m.getNestedMessages().stream().allMatch(ContractTest::specAmbiguity);
  }

  /**
   * orders.v3.yml types a refund item's requested_amount as a number in refund lists but as
   * string|null in GET /orders/payment_actions/refunds/{id}. The simulator answers a number in both
   * (one refund, one shape).
   */
  private static boolean knownSpecInconsistency(String path, ValidationReport.Message m) {
    return path.matches("/orders/payment_actions/refunds/\\d+")
        && m.getMessage().contains("requested_amount");
  }

  /**
   * The message plus the nested reasons of allOf/oneOf failures, which otherwise say only "matched
   * 0 of 2".
   */
  private static String describe(ValidationReport.Message m) {
    StringBuilder text = new StringBuilder(m.getKey() + " " + m.getMessage());
    m.getNestedMessages().forEach(n -> text.append(" {").append(describe(n)).append("}"));
    return text.toString();
  }

  private OpenApiInteractionValidator validator(String spec) {
    return validators.computeIfAbsent(
        spec,
        s ->
            OpenApiInteractionValidator.createForSpecificationUrl(
                    specs.resolve("bigcommerce-docs/reference/" + s).toUri().toString())
                .withBasePathOverride("/")
                // The specs never declare additionalProperties: false; the validator's strict
                // default would reject every
                // allOf composition, so undeclared fields are tolerated (BigCommerce adds fields
                // over time too).
                .withLevelResolver(LevelResolverFactory.withAdditionalPropertiesIgnored())
                .build());
  }

  private static OpenAPI parse(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().read(file.toUri().toString(), null, options);
  }
}
