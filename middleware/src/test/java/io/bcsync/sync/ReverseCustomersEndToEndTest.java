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
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.SyncedRecords;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Contact → BigCommerce customer over both simulators (issue 17, T4), through the real CometD,
 * force-wsc and REST clients, with the store's webhooks delivered back to the app. The customer is
 * first synced forward (BigCommerce → a Contact linked by {@code BC_Customer_Id__c}); then a phone
 * edited in Salesforce is one {@code PUT /v3/customers} and no Salesforce write, the {@code
 * store/customer/updated} webhook our write fires is dropped as an echo, and a write whose answer
 * BigCommerce lost (LOSE_RESPONSE: done, then 504) converges on the retry.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseCustomersEndToEndTest implements TestPropertyProvider {
  static final String STORE = "revc1";
  static final String SECRET = "revc-webhook-secret-0123456789";
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

  @Override
  public Map<String, String> getProperties() {
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true));
    store = bc.createStore(BigCommerceSimulator.StoreSpec.named(STORE).accessToken("tok-revc"));
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    int port = FreePort.find();
    Map<String, String> properties = new HashMap<>(TestDatabases.h2());
    properties.putAll(SimulatedSalesforce.passwordLogin(sf));
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("bcsync.admin-token", WebhookCalls.ADMIN_TOKEN);
    properties.put("bcsync.bigcommerce.api-url", bc.baseUrl());
    properties.put("bcsync.bigcommerce.stores." + STORE + ".access-token", "tok-revc");
    properties.put("bcsync.bigcommerce.stores." + STORE + ".webhook-secret", SECRET);
    properties.put("bcsync.bigcommerce.app.public-url", "http://localhost:" + port);
    properties.put("bcsync.staging.allowed-stores", STORE);
    properties.put(
        "bcsync.sync.package-metadata", SimulatedSalesforce.packageMetadata().toString());
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.idle-poll-interval", "100ms");
    properties.put("bcsync.pipeline.backoff-initial", "200ms");
    properties.put("bcsync.pipeline.backoff-max", "1s");
    properties.put("bcsync.salesforce.streaming.channels", "/data/ContactChangeEvent");
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
                    && leader.client().subscriptions().containsKey("/data/ContactChangeEvent"));
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

  @Test
  void one_contact_phone_edit_is_one_customer_write_and_no_salesforce_write() {
    long ada = store.createCustomer("ada.phone@example.com", "Ada", "Lovelace");
    String contact = linkedContact(ada);
    settle();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();
    int hooksBefore = store.webhookAttempts().size();
    nextSecond();

    sf.updateAsUser(contact, Map.of("Phone", "+44 20 7946 0001"));

    await().atMost(WAIT).until(() -> "+44 20 7946 0001".equals(phone(ada)));
    await()
        .atMost(WAIT)
        .until(
            () ->
                store
                    .webhookAttempts()
                    .subList(hooksBefore, store.webhookAttempts().size())
                    .stream()
                    .anyMatch(
                        a -> a.scope().equals("store/customer/updated") && a.status() == 200));
    settle();
    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes)
        .as("exactly one BigCommerce write")
        .extracting(e -> e.method() + " " + e.path())
        .singleElement()
        .asString()
        .endsWith("PUT /v3/customers");
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
    assertThat(store.<String>read(s -> s.customers.get(ada).firstName))
        .as("names stay BigCommerce-owned")
        .isEqualTo("Ada");
    assertThat(inspector.workItems(Optional.empty(), Optional.empty(), 500))
        .as("the webhook of our own write was dropped as an echo")
        .anySatisfy(
            i -> {
              assertThat(i.entity().storeHash()).isEqualTo(STORE);
              assertThat(i.entity().type()).isEqualTo("customer");
              assertThat(i.entity().id()).isEqualTo(String.valueOf(ada));
              assertThat(i.status()).isEqualTo(WorkItemStatus.SKIPPED);
              assertThat(i.lastError()).contains("echo");
            });
    assertThat(registry.counter("bcsync.sync.echoes", "side", "bigcommerce").count())
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void a_customer_write_whose_answer_was_lost_converges_on_the_retry() {
    long bob = store.createCustomer("bob.phone@example.com", "Bob", "Lost");
    String contact = linkedContact(bob);
    settle();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();
    nextSecond();
    store.injectFault(Fault.loseResponse(1).on("PUT", "/v3/customers"));

    sf.updateAsUser(contact, Map.of("Phone", "555-0142"));

    await().atMost(WAIT).until(() -> storeWrites().size() >= writesBefore + 2);
    settle();
    assertThat(phone(bob)).isEqualTo("555-0142");
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .as("the lost write, then its retry")
        .extracting(e -> e.method() + " " + e.status())
        .containsExactly("PUT 504", "PUT 200");
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
  }

  /** The Contact the forward sync wrote for the customer, linked by BC_Customer_Id__c. */
  private String linkedContact(long customerId) {
    String link = STORE + ":" + customerId;
    await()
        .atMost(WAIT)
        .until(
            () ->
                sf.records("Contact").stream()
                    .anyMatch(c -> link.equals(c.get("BC_Customer_Id__c"))));
    return sf.records("Contact").stream()
        .filter(c -> link.equals(c.get("BC_Customer_Id__c")))
        .map(c -> c.get("Id").toString())
        .findFirst()
        .orElseThrow();
  }

  /** Intake drops a second webhook with the same data hash in the same second as a redelivery. */
  private void nextSecond() {
    long second = bc.clock().instant().getEpochSecond();
    await().atMost(WAIT).until(() -> bc.clock().instant().getEpochSecond() > second);
  }

  /** The queue is idle, and every webhook the store fired has been handled. */
  private void settle() {
    records.awaitDone();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              int fired = store.webhookAttempts().size();
              records.awaitDone();
              return fired == store.webhookAttempts().size() && idle();
            });
  }

  private boolean idle() {
    List<WorkItem> items = inspector.workItems(Optional.empty(), Optional.empty(), 500);
    return items.stream()
        .allMatch(i -> i.status() == WorkItemStatus.DONE || i.status() == WorkItemStatus.SKIPPED);
  }

  private List<RequestLog.Entry> storeWrites() {
    return store.requests().stream().filter(e -> !"GET".equals(e.method())).toList();
  }

  private long salesforceWrites() {
    return SALESFORCE_WRITES.stream().mapToLong(op -> sf.apiCallCount(op)).sum();
  }

  private String phone(long customerId) {
    return store.read(s -> s.customers.get(customerId).phone);
  }
}
