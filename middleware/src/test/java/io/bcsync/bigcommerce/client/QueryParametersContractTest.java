package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every query parameter the BigCommerce client sends is one the OpenAPI spec of that operation
 * defines (BigCommerce ignores or rejects others; {@code limit} on an order's transactions, which
 * defines none, was one). Drives every read of the store client against the simulated store, then
 * checks each recorded request against {@code ../shared/specs/bigcommerce/bigcommerce-docs/
 * reference/**.yml}, read at test time. Without the specs the test is skipped with the reason (and
 * fails under {@code CI=true}). The B2B Edition client ({@code CompaniesApi}) is not covered.
 */
class QueryParametersContractTest {
  static final Instant SINCE = Instant.parse("2020-01-01T00:00:00Z");

  static Path referenceDir() {
    String configured = System.getProperty("bcsync.specs.dir");
    Path root =
        configured != null && !configured.isBlank()
            ? Path.of(configured)
            : Path.of("../../shared/specs");
    Path dir = root.resolve("bigcommerce/bigcommerce-docs/reference").normalize();
    if (!Files.isDirectory(dir)) {
      String message =
          "BigCommerce OpenAPI specs not found at "
              + dir.toAbsolutePath()
              + " (set -Dbcsync.specs.dir=<shared>/specs): query parameters not checked";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(message);
      }
      Assumptions.abort(message);
    }
    return dir;
  }

  @Test
  void every_query_parameter_sent_is_defined_by_the_operation_in_the_spec() throws Exception {
    SpecOperations specs = SpecOperations.load(referenceDir());
    try (BigCommerceSimulator sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().rateLimit(100_000, Duration.ofSeconds(30)))) {
      SimulatedStore store =
          sim.createStore(BigCommerceSimulator.StoreSpec.named("qp1").accessToken("token-qp1"));
      StoreClient client =
          new StoreClient(
              new BigCommerceTransport(
                  URI.create(sim.baseUrl()),
                  BigCommerceClientConfig.defaults(),
                  new QuotaMetrics(new SimpleMeterRegistry()),
                  Clock.systemUTC(),
                  RateBudget.Waiter.BLOCKING),
              store.hash(),
              store.accessToken());
      driveEveryRead(store, client);

      List<String> undefined = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (RequestLog.Entry request : store.requests()) {
        String path = request.path().replaceFirst("^/stores/[^/]+", "");
        Optional<SpecOperations.Operation> operation = specs.find(request.method(), path);
        if (operation.isEmpty()) {
          unknown.add(request.method() + " " + path);
          continue;
        }
        for (String name : names(request.query())) {
          if (!operation.get().query().contains(name)) {
            undefined.add(
                request.method()
                    + " "
                    + operation.get().path()
                    + " ?"
                    + name
                    + " (defines "
                    + operation.get().query()
                    + " in "
                    + operation.get().file()
                    + ")");
          }
        }
      }
      assertThat(store.requests()).hasSizeGreaterThan(20);
      assertThat(unknown).as("requests to operations no spec defines").isEmpty();
      assertThat(undefined.stream().distinct().toList())
          .as("query parameters the operation's spec does not define")
          .isEmpty();
    }
  }

  private static void driveEveryRead(SimulatedStore store, StoreClient client) {
    long customer = store.createCustomer("qp@example.com", "Query", "Params");
    long product = store.createProduct("Contract Widget", "QP-1", new BigDecimal("10.00"));
    long category = store.createCategory("Contract Things");
    long order = store.placeOrder(customer, product);
    store.refund(order, new BigDecimal("1.00"));

    OrdersApi orders = client.orders();
    orders.readWithLines(List.of(order));
    orders.readDocuments(List.of(order));
    orders.read(order);
    orders.modifiedSince(SINCE, listed -> {});
    orders.modifiedPageAfter(SINCE, Instant.now().plusSeconds(60), 0);
    orders.highestIdModifiedSince(SINCE);
    orders.lines(order);
    orders.shippingAddresses(order);
    orders.coupons(order);
    orders.statuses();
    orders.transactions(order);
    orders.refundsCreatedSince(SINCE, listed -> {});
    orders.refunds(order);
    orders.metafields(order);

    CustomersApi customers = client.customers();
    customers.readByIds(List.of(customer));
    customers.readDocuments(List.of(customer));
    customers.readByEmails(List.of("qp@example.com"));
    customers.modifiedSince(SINCE, listed -> {});
    customers.modifiedPage(SINCE, Instant.now().plusSeconds(60), 1, true);
    customers.groups();

    CatalogApi catalog = client.catalog();
    catalog.readByIds(List.of(product));
    catalog.categoriesOf(List.of(product));
    catalog.categoryNames(List.of(category));
    catalog.readBySkus(List.of("QP-1"));
    catalog.variantsBySku("QP-1");
    catalog.modifiedSince(SINCE, listed -> {});

    PricingApi pricing = client.pricing();
    pricing.priceLists().forEach(list -> pricing.records(list.id()));
    pricing.assignments(1);
    client.hooks().list();
    client.storeInfo();
  }

  private static List<String> names(String query) {
    if (query == null || query.isBlank()) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String pair : query.split("&")) {
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      names.add(URLDecoder.decode(name, StandardCharsets.UTF_8));
    }
    return names;
  }
}
