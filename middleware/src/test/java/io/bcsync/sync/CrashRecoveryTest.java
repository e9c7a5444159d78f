package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.manifest.AppManifestLoader;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.orders.OrderDraft;
import io.bcsync.sim.bigcommerce.store.Address;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.MiddlewareJvm;
import io.bcsync.testsupport.SimulatedSalesforce;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real sync killed between Salesforce's commit and the work item's "done", then restarted on
 * the same database. The middleware runs in its own JVM against both simulators; the Salesforce
 * simulator commits the first OrderItem upsert and holds its answer, and the test kills the
 * middleware with SIGKILL while it waits. The restarted middleware recovers the killed batch's
 * items (their lease runs out) and writes them again, knowing nothing of the lines, headers and
 * customers the lost call and its predecessors wrote. Then every order is updated once more. The
 * end state: nothing dead-lettered, every Order, OrderItem, Account and Contact once. On H2 (a file
 * database); {@code CrashRecoveryMariaDbTest} on MariaDB.
 */
class CrashRecoveryTest {
  static final String STORE = "crash1";
  static final String SECRET = "crash-webhook-secret-0123456789";
  static final String ADMIN = "crash-admin-token-0123456789";
  static final Duration START = Duration.ofSeconds(90);
  static final Duration WAIT = Duration.ofSeconds(90);
  static final int CUSTOMERS = 8;
  static final int ORDERS_PER_CUSTOMER = 3;
  static final int GUEST_ORDERS = 4;

  private final List<AutoCloseable> open = new ArrayList<>();

  /** The datasource of the middleware's database; it must outlive the killed process. */
  protected Map<String, String> databaseProperties(Path workDir) {
    return Map.of(
        "datasources.default.url",
        "jdbc:h2:file:"
            + workDir.resolve("bcsync").toAbsolutePath()
            + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0",
        "datasources.default.driver-class-name",
        "org.h2.Driver",
        "datasources.default.username",
        "sa",
        "datasources.default.password",
        "");
  }

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    open.clear();
  }

  @Test
  void a_middleware_killed_after_salesforce_committed_converges_after_its_restart()
      throws Exception {
    BigCommerceSimulator bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .rateLimit(10_000, Duration.ofSeconds(30))
                .allowLocalHttpHookDestinations(true));
    open.add(bc);
    SimulatedStore store =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(STORE).accessToken("tok-" + STORE).clientId("c"));
    SalesforceSimulator sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    open.add(sf);
    long mug = store.createProduct("Mug", "MUG-1", new BigDecimal("9.95"));
    long lamp = store.createProduct("Lamp", "LAMP-1", new BigDecimal("40.00"));
    Path workDir = Files.createTempDirectory("bcsync-crash");
    Map<String, String> properties = properties(bc, sf, workDir);

    MiddlewareJvm first = start(properties, workDir);
    int hooks = manifestHooks();
    await().atMost(WAIT).until(() -> store.read(s -> s.hooks.size()) == hooks);

    // The first OrderItem upsert is committed and its answer held until the fault is cleared.
    sf.faults().loseResponses("upsert", "OrderItem", 1, Duration.ofMinutes(5));
    List<Long> orders = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (int c = 1; c <= CUSTOMERS; c++) {
      String email = "crash.buyer" + c + "@example.com";
      emails.add(email);
      long customer = store.createCustomer(email, "Crash", "Buyer" + c);
      for (int o = 0; o < ORDERS_PER_CUSTOMER; o++) {
        orders.add(store.placeOrder(customer, mug, lamp));
      }
    }
    for (int g = 1; g <= GUEST_ORDERS; g++) {
      String email = "crash.guest" + g + "@example.com";
      emails.add(email);
      orders.add(store.createOrder(guestOrder(g, email, mug, lamp)));
    }

    await().atMost(WAIT).until(() -> sf.faults().lostResponses() == 1);
    first.kill();
    sf.faults().clear();
    assertThat(sf.records("OrderItem")).as("the killed batch wrote lines").isNotEmpty();

    MiddlewareJvm second = start(properties, workDir);
    // Later updates of every order, the crashed ones included.
    orders.forEach(order -> store.changeOrderStatus(order, 9));
    await()
        .atMost(WAIT)
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                orders.stream()
                        .allMatch(
                            o ->
                                sfOrders(sf, o).stream()
                                    .anyMatch(
                                        r -> "Awaiting Shipment".equals(r.get("BC_Status__c"))))
                    && second.workItems("PENDING") == 0
                    && second.workItems("IN_PROGRESS") == 0);

    assertThat(second.workItems("DEAD")).as("nothing dead-lettered; see " + second.log()).isZero();
    for (long order : orders) {
      List<Map<String, Object>> sfOrder = sfOrders(sf, order);
      assertThat(sfOrder).as("order " + order).hasSize(1);
      assertThat(sf.records("OrderItem"))
          .filteredOn(i -> Objects.equals(i.get("OrderId"), sfOrder.get(0).get("Id")))
          .as("lines of order " + order)
          .hasSize(2)
          .extracting(i -> i.get("BC_Order_Line_Id__c"))
          .doesNotHaveDuplicates();
    }
    assertThat(sf.records("OrderItem")).hasSize(orders.size() * 2);
    for (String email : emails) {
      assertThat(sf.records("Contact"))
          .filteredOn(c -> email.equalsIgnoreCase(String.valueOf(c.get("Email"))))
          .as("Contact " + email)
          .hasSize(1);
    }
    assertThat(sf.records("Account"))
        .filteredOn(a -> String.valueOf(a.get("BC_Account_Key__c")).startsWith(STORE + ":"))
        .as("one household Account per customer and guest")
        .hasSize(CUSTOMERS + GUEST_ORDERS)
        .extracting(a -> a.get("BC_Account_Key__c"))
        .doesNotHaveDuplicates();
    close();
    // Kept when an assertion failed: the middleware's log is there.
    try (var paths = Files.walk(workDir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** A guest checkout with a name and postal code of its own (the same would send it to review). */
  private static OrderDraft guestOrder(int guest, String email, long... products) {
    Address billing = new Address();
    billing.firstName = "Guest";
    billing.lastName = "Crash" + guest;
    billing.email = email;
    billing.street1 = guest + " Side Street";
    billing.city = "Austin";
    billing.state = "Texas";
    billing.zip = "7870" + guest;
    OrderDraft draft = new OrderDraft();
    draft.billing = billing;
    for (long product : products) {
      draft.addLine(OrderDraft.Line.of(product, 1));
    }
    return draft;
  }

  private MiddlewareJvm start(Map<String, String> properties, Path workDir) throws Exception {
    MiddlewareJvm jvm = MiddlewareJvm.start(properties, workDir.resolve("middleware.log"));
    open.add(jvm);
    return jvm.awaitHealthy(START);
  }

  private static List<Map<String, Object>> sfOrders(SalesforceSimulator sf, long order) {
    return sf.records("Order").stream()
        .filter(r -> (STORE + ":" + order).equals(r.get("BC_Order_Id__c")))
        .toList();
  }

  static int manifestHooks() throws Exception {
    try (InputStream in =
        CrashRecoveryTest.class
            .getClassLoader()
            .getResourceAsStream(AppManifestLoader.CLASSPATH_LOCATION)) {
      return AppManifestLoader.parse(in, "manifest").hooks().size();
    }
  }

  private Map<String, String> properties(
      BigCommerceSimulator bc, SalesforceSimulator sf, Path workDir) {
    int port = FreePort.find();
    Map<String, String> properties = new HashMap<>(databaseProperties(workDir));
    properties.putAll(SimulatedSalesforce.passwordLogin(sf));
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("bcsync.admin-token", ADMIN);
    properties.put("bcsync.staging.allowed-stores", STORE);
    properties.put("bcsync.bigcommerce.api-url", bc.baseUrl());
    properties.put("bcsync.bigcommerce.login-url", bc.loginBaseUrl());
    properties.put("bcsync.bigcommerce.stores." + STORE + ".access-token", "tok-" + STORE);
    properties.put("bcsync.bigcommerce.stores." + STORE + ".webhook-secret", SECRET);
    // The same port for the restarted process: the store's hooks point at it.
    properties.put("bcsync.bigcommerce.app.public-url", "http://localhost:" + port);
    properties.put(
        "bcsync.sync.package-metadata", SimulatedSalesforce.packageMetadata().toString());
    properties.put("bcsync.pipeline.idle-poll-interval", "100ms");
    properties.put("bcsync.pipeline.backoff-initial", "200ms");
    properties.put("bcsync.pipeline.backoff-max", "1s");
    // Lease and customer-claim settings are the defaults: the killed process's work items and
    // claims are taken over by the restarted one within about 30 s, renewed while a batch runs.
    properties.put("logger.levels.io.bcsync", "INFO");
    return properties;
  }
}
