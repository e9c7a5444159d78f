package io.bcsync.bigcommerce.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.catchup.CatchUpPoller;
import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.bigcommerce.stores.ConnectedStores;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.store.Hook;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A store connected with an API account in configuration: hooks registered at startup from the
 * manifest, repaired when BigCommerce deactivates or loses them, and changes missed while hooks
 * were down caught by the poll. Workers are off so the queue can be inspected.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConnectorModeTest implements TestPropertyProvider {
  static final String STORE = "conn1";
  static final String TOKEN = "connector-token-1";
  static final String SECRET = "connector-webhook-secret-0123456789";

  @Inject AppManifest manifest;
  @Inject HookCheck hookCheck;
  @Inject CatchUpPoller poller;
  @Inject ConnectedStores stores;
  @Inject QueueInspector inspector;
  @Inject MeterRegistry registry;

  BigCommerceSimulator sim;
  SimulatedStore store;
  String publicUrl;

  @Override
  public Map<String, String> getProperties() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true));
    store =
        sim.createStore(
            BigCommerceSimulator.StoreSpec.named(STORE).accessToken(TOKEN).clientId("connector"));
    int port = FreePort.find();
    publicUrl = "http://localhost:" + port;
    Map<String, String> properties = new HashMap<>(databaseProperties());
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("bcsync.admin-token", WebhookCalls.ADMIN_TOKEN);
    properties.put("bcsync.bigcommerce.api-url", sim.baseUrl());
    properties.put("bcsync.bigcommerce.stores." + STORE + ".access-token", TOKEN);
    properties.put("bcsync.bigcommerce.stores." + STORE + ".webhook-secret", SECRET);
    properties.put("bcsync.staging.allowed-stores", STORE);
    properties.put("bcsync.bigcommerce.app.public-url", publicUrl);
    properties.put("bcsync.bigcommerce.app.catch-up-overlap", "1m");
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @AfterAll
  void stopSimulator() {
    sim.close();
  }

  @Test
  @Order(1)
  void hooks_are_registered_at_startup_exactly_as_the_manifest_lists_them() {
    await().atMost(Duration.ofSeconds(20)).until(() -> hooks().size() == manifest.hooks().size());

    assertThat(hooks())
        .extracting(h -> h.scope + " " + h.destination)
        .containsExactlyInAnyOrderElementsOf(
            manifest.hooks().stream()
                .map(spec -> spec.scope() + " " + spec.destination(publicUrl))
                .toList());
    assertThat(hooks())
        .allSatisfy(
            h -> {
              assertThat(h.headers).containsEntry("X-Bcsync-Webhook-Secret", SECRET);
              assertThat(h.active).isTrue();
            });
    assertThat(hookCheck.checkAll().get(STORE).total())
        .as("a second check finds nothing to repair")
        .isZero();
    assertThat(
            registry
                .get("bcsync.bigcommerce.hook_repairs")
                .tag("store", STORE)
                .tag("action", "registered")
                .counter()
                .count())
        .as("the startup registration is counted as such")
        .isEqualTo(manifest.hooks().size());
    assertThat(
            registry
                .find("bcsync.bigcommerce.hook_repairs")
                .tag("store", STORE)
                .tag("action", "created")
                .counter())
        .as("a first registration is not a repair")
        .isNull();
  }

  @Test
  @Order(2)
  void a_deactivated_hook_is_re_enabled_and_a_missing_one_recreated() {
    await().atMost(Duration.ofSeconds(20)).until(() -> hooks().size() == manifest.hooks().size());
    // What BigCommerce does after ~48 h of failed deliveries, and a hook someone deleted.
    store.read(
        s -> {
          Hook orders =
              s.hooks.values().stream()
                  .filter(h -> h.scope.equals("store/order/*"))
                  .findFirst()
                  .orElseThrow();
          orders.active = false;
          orders.deactivatedByDelivery = true;
          s.hooks.values().removeIf(h -> h.scope.equals("store/customer/*"));
          return null;
        });

    HookMaintenance.Report report = hookCheck.checkAll().get(STORE);

    assertThat(report.reactivated()).isEqualTo(1);
    assertThat(report.created()).isEqualTo(1);
    assertThat(report.firstRegistration()).isFalse();
    assertThat(hooks())
        .hasSize(manifest.hooks().size())
        .allSatisfy(h -> assertThat(h.active).isTrue());
    assertThat(
            registry
                .get("bcsync.bigcommerce.hook_repairs")
                .tag("store", STORE)
                .tag("action", "reactivated")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @Test
  @Order(3)
  void changes_missed_while_hooks_were_down_are_caught_by_the_poll_and_collapse_on_a_second_poll() {
    // Hooks down: BigCommerce delivers nothing.
    store.read(
        s -> {
          s.hooks.values().forEach(h -> h.active = false);
          return null;
        });
    long customer = store.createCustomer("missed@example.com", "Miss", "Ed");
    long product = store.createProduct("Missed lamp", "LAMP-1", new BigDecimal("40.00"));
    long order = store.placeOrder(customer, product);
    long refunded = store.placeOrder(customer, product);
    store.refund(refunded, new BigDecimal("10.00"));

    int found = poller.poll(stores.find(STORE).orElseThrow());

    assertThat(found).isGreaterThanOrEqualTo(4);
    List<WorkItem> pending =
        inspector.workItems(Optional.of(WorkItemStatus.PENDING), Optional.empty(), 100);
    assertThat(pending)
        .extracting(item -> item.entity().type() + ":" + item.entity().id())
        .contains(
            "customer:" + customer, "product:" + product, "order:" + order, "order:" + refunded);
    assertThat(pending)
        .allSatisfy(item -> assertThat(item.scopes().get(0)).startsWith("bcsync/catch-up/"));

    poller.poll(stores.find(STORE).orElseThrow());

    List<WorkItem> after = inspector.workItems(Optional.empty(), Optional.empty(), 100);
    assertThat(after).hasSameSizeAs(pending);
    assertThat(after)
        .filteredOn(item -> item.entity().id().equals(String.valueOf(order)))
        .singleElement()
        .satisfies(item -> assertThat(item.eventCount()).isGreaterThanOrEqualTo(2));
  }

  private List<Hook> hooks() {
    return store.read(s -> List.copyOf(s.hooks.values()));
  }
}
