package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.atlassian.oai.validator.report.LevelResolverFactory;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Validates the simulator's webhook bodies against the callback schemas of BigCommerce's
 * webhooks.v3.yml (../shared/specs/bigcommerce/bigcommerce-docs/reference) and the example payloads
 * of models/webhooks/data.
 */
class WebhookBodyContractTest extends ContractTestBase {

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

  private static OpenAPI parse(Path file) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    return new OpenAPIV3Parser().read(file.toUri().toString(), null, options);
  }
}
