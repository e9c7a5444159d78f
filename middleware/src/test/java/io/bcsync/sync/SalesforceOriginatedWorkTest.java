package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.salesforce.streaming.StreamingComponents;
import io.bcsync.salesforce.streaming.StreamingSupervisor;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.streaming.StoredEvent;
import io.bcsync.sync.changes.SalesforceChangeLog;
import io.bcsync.sync.changes.SalesforceChangeRow;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.RecordingStoreReader;
import io.bcsync.testsupport.SimulatedConnections;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.SyncedRecords;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
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
 * Work that starts in Salesforce, with the pipeline workers on: change events, a GAP event, a
 * reconciliation and platform events become work items of the org's tenant ({@code sf:<orgId>}) and
 * reach their flows — none is dead-lettered. A {@code BC_Sync_Request__e} RESYNC of an order
 * re-reads it from the BigCommerce simulator, writes it to the Salesforce simulator and is answered
 * with a {@code BC_Sync_Status__e}, through the real CometD and force-wsc clients.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SalesforceOriginatedWorkTest implements TestPropertyProvider {
  static final String STORE = "req1";
  static final String SECRET = "req-webhook-secret-0123456789";
  static final Duration WAIT = Duration.ofSeconds(40);
  static final String STATUS_CHANNEL = "/event/BC_Sync_Status__e";

  @Inject StreamingComponents streaming;
  @Inject QueueInspector inspector;
  @Inject SalesforceChangeLog changes;
  @Inject RecordingStoreReader reads;
  @Inject AppManifest manifest;
  @Inject Clock clock;

  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  StreamingSupervisor leader;
  SyncedRecords records;
  long kettle;

  @Override
  public Map<String, String> getProperties() {
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true));
    store = bc.createStore(BigCommerceSimulator.StoreSpec.named(STORE).accessToken("tok-req"));
    kettle = store.createProduct("Kettle", "KET-9", new BigDecimal("30.00"));
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    int port = FreePort.find();
    Map<String, String> properties =
        SimulatedConnections.middleware(
            databaseProperties(), bc, sf, port, STORE, "tok-req", SECRET);
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put(
        "bcsync.salesforce.streaming.channels",
        "/data/ContactChangeEvent,/data/AccountChangeEvent,/event/BC_Sync_Request__e");
    properties.put("test.recording-store-reader", "true");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
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
                    && leader
                        .client()
                        .subscriptions()
                        .keySet()
                        .containsAll(
                            List.of("/data/ContactChangeEvent", "/event/BC_Sync_Request__e")));
  }

  @AfterEach
  void unsubscribe() {
    leader.shutdown();
  }

  @AfterAll
  void stop() {
    bc.close();
    sf.close();
  }

  @Test
  void change_events_a_gap_event_a_reconciliation_and_a_push_request_all_end_done_and_recorded() {
    String contact = sf.createAsUser("Contact", Map.of("LastName", "Edited")).id();
    sf.updateAsUser(contact, Map.of("Phone", "555-0100", "Email", "edited@example.com"));
    String account = sf.createAsUser("Account", Map.of("Name", "Gap Inc")).id();
    sf.publishGapEvent("Account", List.of(account), "GAP_UPDATE");
    String reconciled = sf.createAsUser("Contact", Map.of("LastName", "Missed")).id();
    streaming
        .reconciliations()
        .enqueue(
            "Contact", clock.millis() - 60_000, "test: a window the stream missed", clock.millis());
    leader.tick(); // the leader runs pending reconciliations
    sf.createAsUser(
        "BC_Sync_Request__e",
        Map.of(
            "BC_Action__c", "PUSH",
            "BC_Object_Name__c", "Contact",
            "BC_Record_Id__c", contact,
            "BC_Correlation_Id__c", "push-1"));

    await().atMost(WAIT).until(() -> !changesOf("Contact", reconciled).isEmpty());
    await()
        .atMost(WAIT)
        .until(
            () ->
                changesOf("Contact", contact).stream()
                    .anyMatch(c -> c.changeTypes().contains("PUSH")));
    await().atMost(WAIT).until(() -> !changesOf("Account", account).isEmpty());
    records.awaitDone();

    List<WorkItem> salesforceItems =
        inspector.workItems(Optional.empty(), Optional.empty(), 500).stream()
            .filter(i -> i.entity().isSalesforce())
            .toList();
    assertThat(salesforceItems)
        .as("every Salesforce-originated item reached a flow")
        .isNotEmpty()
        .allSatisfy(
            i -> {
              if (i.status() == WorkItemStatus.SKIPPED) {
                // The Contact flow (issue 17) ends a Contact with no BigCommerce customer SKIPPED
                // (a reconciled Contact of another test, linked, is written: DONE); the Account
                // flow ends an Account none of whose Contacts is linked SKIPPED.
                assertThat(i.entity().type()).isIn("Contact", "Account");
                assertThat(i.lastError())
                    .containsAnyOf(
                        "not linked to a BigCommerce customer",
                        "is linked to a BigCommerce customer");
              } else {
                assertThat(i.status()).isEqualTo(WorkItemStatus.DONE);
              }
            });
    assertThat(changesOf("Contact", contact))
        .anySatisfy(
            c -> {
              assertThat(c.changeTypes()).contains("UPDATE");
              assertThat(c.changedFields()).contains("Phone").contains("Email");
            });
    assertThat(changesOf("Account", account))
        .anySatisfy(c -> assertThat(c.changeTypes()).contains("GAP_UPDATE"));
    assertThat(changesOf("Contact", reconciled))
        .anySatisfy(c -> assertThat(c.changeTypes()).contains("RECONCILE"));
    assertThat(statusEvent("push-1"))
        .as("the PUSH is answered: recorded, not yet written to BigCommerce")
        .containsEntry("BC_Status__c", "SKIPPED")
        .containsEntry("BC_Direction__c", "TO_BIGCOMMERCE");
  }

  @Test
  void a_resync_request_for_an_order_rereads_it_writes_it_and_answers_with_a_status_event() {
    await().atMost(WAIT).until(() -> store.read(s -> s.hooks.size()) == manifest.hooks().size());
    long customer = store.createCustomer("resync@example.com", "Re", "Sync");
    long order = store.placeOrder(customer, kettle);
    Map<String, Object> sfOrder = records.awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    records.awaitDone();
    // Changed in BigCommerce without a webhook (as when a delivery was lost): only a resync brings
    // it.
    store.read(s -> s.orders.get(order).customerMessage = "call before delivery");
    int readsBefore = reads.orders().size();

    sf.createAsUser(
        "BC_Sync_Request__e",
        Map.of(
            "BC_Action__c", "RESYNC",
            "BC_Object_Name__c", "Order",
            "BC_External_Id__c", STORE + ":" + order,
            "BC_Correlation_Id__c", "resync-1"));

    await().atMost(WAIT).until(() -> statusEventOrEmpty("resync-1").isPresent());
    records.awaitDone();
    assertThat(reads.orders().subList(readsBefore, reads.orders().size()))
        .as("the order was read again")
        .anySatisfy(read -> assertThat(read.document().id()).isEqualTo(order));
    assertThat(records.one("Order", "BC_Order_Id__c", STORE + ":" + order).get("Description"))
        .as("the change reached Salesforce")
        .isEqualTo("call before delivery");
    assertThat(statusEvent("resync-1"))
        .containsEntry("BC_Status__c", "SUCCESS")
        .containsEntry("BC_Direction__c", "TO_SALESFORCE")
        .containsEntry("BC_Record_Id__c", sfOrder.get("Id"))
        .containsEntry("BC_External_Id__c", STORE + ":" + order);
  }

  @Test
  void a_request_that_names_nothing_bcsync_wrote_is_answered_failed_with_the_reason() {
    sf.createAsUser(
        "BC_Sync_Request__e",
        Map.of(
            "BC_Action__c", "RESYNC",
            "BC_Object_Name__c", "Order",
            "BC_Record_Id__c", "801000000000000AAA",
            "BC_Correlation_Id__c", "unknown-1"));

    await().atMost(WAIT).until(() -> statusEventOrEmpty("unknown-1").isPresent());
    records.awaitDone();

    assertThat(statusEvent("unknown-1"))
        .containsEntry("BC_Status__c", "FAILED")
        .containsEntry("BC_Error_Code__c", "UNKNOWN_RECORD");
  }

  private List<SalesforceChangeRow> changesOf(String sobject, String recordId) {
    return changes.newest(Optional.of(sobject), Optional.of(recordId), Optional.empty(), 50);
  }

  private Map<String, Object> statusEvent(String correlationId) {
    return statusEventOrEmpty(correlationId)
        .orElseThrow(() -> new AssertionError("no status event for " + correlationId));
  }

  /** The payload of the BC_Sync_Status__e published for a correlation id, from the event bus. */
  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> statusEventOrEmpty(String correlationId) {
    return sf.retainedEvents().stream()
        .filter(e -> e.channels().contains(STATUS_CHANNEL))
        .map(StoredEvent::data)
        .map(data -> (Map<String, Object>) data.get("payload"))
        .filter(payload -> correlationId.equals(payload.get("BC_Correlation_Id__c")))
        .reduce((first, later) -> later);
  }
}
