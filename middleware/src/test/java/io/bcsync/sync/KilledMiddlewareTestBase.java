package io.bcsync.sync;

import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.manifest.AppManifestLoader;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.MiddlewareJvm;
import io.bcsync.testsupport.SimulatedConnections;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the tests that run the middleware in its own JVM, kill it with SIGKILL and restart it on
 * the same database: both simulators, one store with its hooks pointing at a port the restarted
 * process keeps, and everything started closed after each test. On H2 (a file database that
 * outlives the process) unless {@link #databaseProperties} says otherwise (the MariaDB subclasses).
 */
abstract class KilledMiddlewareTestBase {
  static final Duration START = Duration.ofSeconds(90);
  static final String SECRET = "crash-webhook-secret-0123456789";

  private final String storeHash;
  private final Duration waitLimit;
  private final List<AutoCloseable> open = new ArrayList<>();
  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  Path workDir;

  /**
   * @param storeHash the store's hash; also the prefix of its Salesforce keys
   * @param waitLimit how long to wait for the middleware to get somewhere
   */
  KilledMiddlewareTestBase(String storeHash, Duration waitLimit) {
    this.storeHash = storeHash;
    this.waitLimit = waitLimit;
  }

  /** The datasource of the middleware's database; it must outlive the killed process. */
  protected Map<String, String> databaseProperties(Path workDir) {
    return TestDatabases.h2File(workDir);
  }

  /** Starts both simulators and the store; closed after the test. */
  void startSimulators() throws Exception {
    bc =
        closeLater(
            BigCommerceSimulator.start(
                BigCommerceSimulator.Options.defaults()
                    .rateLimit(10_000, Duration.ofSeconds(30))
                    .allowLocalHttpHookDestinations(true)));
    store =
        bc.createStore(
            BigCommerceSimulator.StoreSpec.named(storeHash)
                .accessToken("tok-" + storeHash)
                .clientId("c"));
    sf = closeLater(SimulatedSalesforce.start(SimulatedSalesforce.sandbox()));
    workDir = Files.createTempDirectory("bcsync-" + storeHash);
  }

  <T extends AutoCloseable> T closeLater(T resource) {
    open.add(resource);
    return resource;
  }

  /** The middleware's settings both processes share; the test adds its own. */
  Map<String, String> properties() {
    int port = FreePort.find();
    // The same port for the restarted process: the store's hooks point at it. The scheduler runs:
    // its lease recovery hands the killed process's items to the restarted one.
    Map<String, String> properties =
        SimulatedConnections.middleware(
            databaseProperties(workDir), bc, sf, port, storeHash, "tok-" + storeHash, SECRET);
    properties.put("bcsync.bigcommerce.login-url", bc.loginBaseUrl());
    properties.put("logger.levels.io.bcsync", "INFO");
    return properties;
  }

  /** Starts a middleware process and waits until it is healthy; killed after the test. */
  MiddlewareJvm start(Map<String, String> properties) throws Exception {
    MiddlewareJvm jvm =
        closeLater(MiddlewareJvm.start(properties, workDir.resolve("middleware.log")));
    return jvm.awaitHealthy(START);
  }

  /** Hooks are registered in the background at startup; activity before that is not delivered. */
  void awaitHooksRegistered() throws Exception {
    int hooks = manifestHooks();
    await().atMost(waitLimit).until(() -> store.read(s -> s.hooks.size()) == hooks);
  }

  void awaitDrained(MiddlewareJvm jvm) {
    await()
        .atMost(waitLimit)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> jvm.workItems("PENDING") == 0 && jvm.workItems("IN_PROGRESS") == 0);
  }

  /** Salesforce records of {@code type} keyed to one of the store's orders. */
  List<Map<String, Object>> ofOrder(String type, long order) {
    return sf.records(type).stream()
        .filter(r -> (storeHash + ":" + order).equals(r.get("BC_Order_Id__c")))
        .toList();
  }

  /** Closes everything, then deletes the work directory: kept when an assertion failed before. */
  void closeAndDeleteWorkDir() throws Exception {
    close();
    try (var paths = Files.walk(workDir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
    open.clear();
  }

  private static int manifestHooks() throws Exception {
    try (InputStream in =
        KilledMiddlewareTestBase.class
            .getClassLoader()
            .getResourceAsStream(AppManifestLoader.CLASSPATH_LOCATION)) {
      return AppManifestLoader.parse(in, "manifest").hooks().size();
    }
  }
}
