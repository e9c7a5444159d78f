package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.salesforce.streaming.StreamingComponents;
import io.bcsync.salesforce.streaming.StreamingSupervisor;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.SyncedRecords;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Salesforce → BigCommerce over both simulators: one configured store whose webhooks come back to
 * the app, a simulated org streamed through the real CometD client by a leader of this test's own,
 * and the counters the tests compare (store writes, Salesforce writes). Subclasses name the store
 * and the change-event channels they need.
 */
abstract class ReverseEndToEndTestBase implements TestPropertyProvider {
  static final Duration WAIT = Duration.ofSeconds(40);
  static final List<String> SALESFORCE_WRITES =
      List.of("create", "update", "upsert", "delete", "undelete", "merge", "convertLead");

  @Inject StreamingComponents streaming;
  @Inject QueueInspector inspector;
  @Inject MeterRegistry registry;

  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  StreamingSupervisor leader;
  SyncedRecords records;

  abstract String storeHash();

  abstract String webhookSecret();

  /** The change-event channels the leader must have subscribed before a test starts. */
  abstract List<String> channels();

  @Override
  public Map<String, String> getProperties() {
    String token = "tok-" + storeHash();
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true));
    store = bc.createStore(BigCommerceSimulator.StoreSpec.named(storeHash()).accessToken(token));
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    int port = FreePort.find();
    Map<String, String> properties = new HashMap<>(TestDatabases.h2());
    properties.putAll(SimulatedSalesforce.passwordLogin(sf));
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("bcsync.admin-token", WebhookCalls.ADMIN_TOKEN);
    properties.put("bcsync.bigcommerce.api-url", bc.baseUrl());
    properties.put("bcsync.bigcommerce.stores." + storeHash() + ".access-token", token);
    properties.put("bcsync.bigcommerce.stores." + storeHash() + ".webhook-secret", webhookSecret());
    properties.put("bcsync.bigcommerce.app.public-url", "http://localhost:" + port);
    properties.put("bcsync.staging.allowed-stores", storeHash());
    properties.put(
        "bcsync.sync.package-metadata", SimulatedSalesforce.packageMetadata().toString());
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.idle-poll-interval", "100ms");
    properties.put("bcsync.pipeline.backoff-initial", "200ms");
    properties.put("bcsync.pipeline.backoff-max", "1s");
    properties.put("bcsync.salesforce.streaming.channels", String.join(",", channels()));
    return properties;
  }

  @BeforeEach
  void subscribe() {
    records = new SyncedRecords(sf, inspector, WAIT);
    leader = streaming.supervisor("test-" + UUID.randomUUID());
    leader.tick();
    assertThat(leader.isLeader()).isTrue();
    await()
        .atMost(WAIT)
        .until(
            () ->
                leader.client() != null
                    && leader.client().subscriptions().keySet().containsAll(channels()));
  }

  @AfterEach
  void unsubscribe() {
    store.clearFaults();
    leader.shutdown();
  }

  @AfterAll
  void stop() {
    bc.close();
    sf.close();
  }

  boolean idle() {
    List<WorkItem> items = inspector.workItems(Optional.empty(), Optional.empty(), 500);
    return items.stream()
        .allMatch(i -> i.status() == WorkItemStatus.DONE || i.status() == WorkItemStatus.SKIPPED);
  }

  List<RequestLog.Entry> storeWrites() {
    return store.requests().stream().filter(e -> !"GET".equals(e.method())).toList();
  }

  long salesforceWrites() {
    return SALESFORCE_WRITES.stream().mapToLong(op -> sf.apiCallCount(op)).sum();
  }

  /**
   * Writes this store's sync-mapping file (docs/sync-mapping.md) to a temporary file and names it
   * in {@code properties}, for the tests whose store maps more than the shipped defaults.
   */
  void useMapping(Map<String, String> properties, String yaml) {
    try {
      Path file = Files.createTempFile("bcsync-" + storeHash() + "-mapping", ".yml");
      file.toFile().deleteOnExit();
      Files.writeString(file, yaml);
      properties.put("bcsync.bigcommerce.stores." + storeHash() + ".sync-mapping", file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
