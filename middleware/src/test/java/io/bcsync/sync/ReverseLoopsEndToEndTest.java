package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.salesforce.streaming.StoredEvent;
import io.bcsync.testsupport.MutableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 17's loop proofs over both simulators (real CometD, force-wsc and REST clients, the store's
 * webhooks delivered back to the app): a BigCommerce customer edit is one Salesforce write and no
 * BigCommerce write; the same customer edited on both sides at once ends in the ownership rule's
 * state on both; after that, 60 simulated seconds pass without a call to BigCommerce or a
 * Salesforce write; a PUSH request is answered with its write's outcome; an edit the stream missed
 * reaches BigCommerce through the reconciliation poll, once; a renamed company Account reaches the
 * company of its Contacts' customers.
 *
 * <p>Simulated time: the app runs on a {@link MutableClock}, which the tests advance together with
 * the Salesforce simulator's clock, one second at a time, ticking the streaming leader each second
 * (which queues and runs the polls that are due, every 20 simulated seconds here). The store's
 * mapping file makes Salesforce own the phone, the last name and the company (a per-store override
 * of the global default, phone and company).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseLoopsEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revl1";
  static final String SECRET = "revl-webhook-secret-0123456789";
  static final String STATUS_CHANNEL = "/event/BC_Sync_Status__e";
  static final Duration POLL = Duration.ofSeconds(20);

  @Inject MutableClock clock;
  @Inject Db db;

  @Override
  String storeHash() {
    return STORE;
  }

  @Override
  String webhookSecret() {
    return SECRET;
  }

  @Override
  List<String> channels() {
    return List.of(
        "/data/PricebookEntryChangeEvent",
        "/data/Product2ChangeEvent",
        "/data/ContactChangeEvent",
        "/data/AccountChangeEvent",
        "/event/BC_Sync_Request__e");
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    properties.put("test.mutable-clock", "true");
    properties.put("bcsync.salesforce.reconciliation-poll.interval", POLL.toSeconds() + "s");
    properties.put("bcsync.bigcommerce.stores." + STORE + ".sync-mapping", storeMapping());
    return properties;
  }

  /** The store's own mapping file: only the ownership section, over the shipped defaults. */
  private static String storeMapping() {
    try {
      Path file = Files.createTempFile("revl-sync", ".yml");
      Files.writeString(file, "ownership:\n  customer_fields: [phone, last_name, company]\n");
      file.toFile().deleteOnExit();
      return file.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void one_bigcommerce_customer_edit_is_one_salesforce_write_and_no_bigcommerce_write() {
    long ada = store.createCustomer("ada.loops@example.com", "Ada", "Loops");
    String contact = linkedContact(ada);
    settle();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();
    nextSecond();

    store.updateCustomer(ada, json("{\"first_name\":\"Adele\"}"));

    await().atMost(WAIT).until(() -> "Adele".equals(contactField(contact, "FirstName")));
    settle();
    assertThat(salesforceWrites())
        .as("exactly one Salesforce write")
        .isEqualTo(salesforceWritesBefore + 1);
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .as("no BigCommerce write")
        .isEmpty();
  }

  @Test
  void the_same_customer_edited_on_both_sides_at_once_ends_in_the_owners_values_then_stays_quiet() {
    long bea = store.createCustomer("bea.loops@example.com", "Bea", "Both");
    String contact = linkedContact(bea);
    settle();
    nextSecond();

    // At once: the shopper changes phone and last name in the store, service changes them in
    // Salesforce, before either side's change is processed.
    store.updateCustomer(bea, json("{\"phone\":\"111-0001\",\"last_name\":\"Shopper\"}"));
    sf.updateAsUser(contact, Map.of("Phone", "222-0002", "LastName", "Service"));

    await()
        .atMost(WAIT)
        .until(() -> "222-0002".equals(store.read(s -> s.customers.get(bea).phone)));
    settle();
    assertThat(store.<String>read(s -> s.customers.get(bea).phone))
        .as("the phone is Salesforce's here")
        .isEqualTo("222-0002");
    assertThat(store.<String>read(s -> s.customers.get(bea).lastName))
        .as("so is the last name (this store's override)")
        .isEqualTo("Service");
    assertThat(contactField(contact, "Phone")).isEqualTo("222-0002");
    assertThat(contactField(contact, "LastName")).isEqualTo("Service");

    int storeCallsBefore = store.requests().size();
    long salesforceWritesBefore = salesforceWrites();
    long salesforceQueriesBefore = sf.apiCallCount("query");
    advanceSimulatedSeconds(60);
    settle();
    assertThat(store.requests().subList(storeCallsBefore, store.requests().size()))
        .as("no BigCommerce call in 60 quiet simulated seconds")
        .isEmpty();
    assertThat(salesforceWrites()).as("no Salesforce write").isEqualTo(salesforceWritesBefore);
    assertThat(sf.apiCallCount("query") - salesforceQueriesBefore)
        .as("only the polls' queries: 3 objects, every 20 simulated seconds")
        .isLessThanOrEqualTo(3 * 4);
  }

  @Test
  void a_renamed_company_account_reaches_its_contacts_customers() {
    long cid = store.createCustomer("cid.loops@example.com", "Cid", "Company");
    String contact = linkedContact(cid);
    settle();
    String acme = sf.createAsUser("Account", Map.of("Name", "Acme")).id();
    sf.updateAsUser(contact, Map.of("AccountId", acme));
    await().atMost(WAIT).until(() -> "Acme".equals(store.read(s -> s.customers.get(cid).company)));
    settle();
    int writesBefore = storeWrites().size();

    sf.updateAsUser(acme, Map.of("Name", "Acme Ltd"));

    await()
        .atMost(WAIT)
        .until(() -> "Acme Ltd".equals(store.read(s -> s.customers.get(cid).company)));
    settle();
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .as("one customers write")
        .extracting(e -> e.method() + " " + e.path())
        .singleElement()
        .asString()
        .endsWith("PUT /v3/customers");
  }

  @Test
  void push_requests_are_answered_with_the_writes_outcome() {
    long mug = store.createProduct("Mug", "MUG-P", new BigDecimal("7.00"));
    String entry = pricedEntry(Optional.of("MUG-P"), "7.50");
    String noSku = pricedEntry(Optional.empty(), "3.00");
    String unlinked = sf.createAsUser("Contact", Map.of("LastName", "Nobody")).id();
    await().atMost(WAIT).until(() -> price(mug).compareTo(new BigDecimal("7.50")) == 0);
    settle();

    push("PricebookEntry", entry, "push-ok");
    push("PricebookEntry", noSku, "push-bad");
    push("Contact", unlinked, "push-skip");

    await()
        .atMost(WAIT)
        .until(
            () ->
                List.of("push-ok", "push-bad", "push-skip").stream()
                    .allMatch(c -> statusEvent(c).isPresent()));
    assertThat(statusEvent("push-ok").orElseThrow())
        .containsEntry("BC_Status__c", "SUCCESS")
        .containsEntry("BC_Direction__c", "TO_BIGCOMMERCE");
    assertThat(statusEvent("push-bad").orElseThrow())
        .containsEntry("BC_Status__c", "FAILED")
        .hasEntrySatisfying(
            "BC_Message__c", m -> assertThat(m.toString()).contains("has no SKU (ProductCode)"));
    assertThat(statusEvent("push-skip").orElseThrow())
        .containsEntry("BC_Status__c", "SKIPPED")
        .hasEntrySatisfying(
            "BC_Message__c",
            m -> assertThat(m.toString()).contains("not linked to a BigCommerce customer"));
  }

  @Test
  void an_edit_the_stream_missed_reaches_bigcommerce_through_the_poll_once() {
    long vase = store.createProduct("Vase", "VASE-P", new BigDecimal("40.00"));
    String entry = pricedEntry(Optional.of("VASE-P"), "41.00");
    await().atMost(WAIT).until(() -> price(vase).compareTo(new BigDecimal("41.00")) == 0);
    settle();
    // Streaming goes down and loses its place (as when the stored replay id is gone): the edit
    // made meanwhile is never delivered, the resubscribed stream starts with new events only.
    leader.shutdown();
    db.write(
        connection -> {
          try (var delete = connection.prepareStatement("DELETE FROM streaming_replay")) {
            delete.executeUpdate();
          }
          return null;
        });
    int writesBefore = storeWrites().size();
    sf.updateAsUser(entry, Map.of("UnitPrice", new BigDecimal("44.00")));
    leader = streaming.supervisor("test-" + UUID.randomUUID());

    advanceSimulatedSeconds((int) POLL.toSeconds());

    await().atMost(WAIT).until(() -> price(vase).compareTo(new BigDecimal("44.00")) == 0);
    settle();
    advanceSimulatedSeconds((int) POLL.toSeconds() * 2);
    settle();
    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes)
        .as("the poll's one price write; later polls find it already written")
        .extracting(e -> e.method() + " " + e.path())
        .singleElement()
        .asString()
        .endsWith("PUT /v3/catalog/variants");
  }

  /** Advances the app's and the org's clocks a second at a time, ticking the streaming leader. */
  private void advanceSimulatedSeconds(int seconds) {
    for (int i = 0; i < seconds; i++) {
      clock.advance(Duration.ofSeconds(1));
      sf.advanceTime(Duration.ofSeconds(1));
      leader.tick();
    }
  }

  private void push(String sobject, String recordId, String correlationId) {
    sf.createAsUser(
        "BC_Sync_Request__e",
        Map.of(
            "BC_Action__c", "PUSH",
            "BC_Object_Name__c", sobject,
            "BC_Record_Id__c", recordId,
            "BC_Correlation_Id__c", correlationId));
  }

  /** The payload of the BC_Sync_Status__e published for a correlation id, from the event bus. */
  @SuppressWarnings("unchecked")
  private Optional<Map<String, Object>> statusEvent(String correlationId) {
    return sf.retainedEvents().stream()
        .filter(e -> e.channels().contains(STATUS_CHANNEL))
        .map(StoredEvent::data)
        .map(data -> (Map<String, Object>) data.get("payload"))
        .filter(payload -> correlationId.equals(payload.get("BC_Correlation_Id__c")))
        .reduce((first, later) -> later);
  }

  /** A Product2 (with this SKU, or none) and its standard price book entry; answers the entry. */
  private String pricedEntry(Optional<String> sku, String price) {
    String name = sku.orElse("no-sku-" + UUID.randomUUID());
    String product =
        sf.createAsUser(
                "Product2",
                sku.isPresent()
                    ? Map.of("Name", name, "ProductCode", sku.get())
                    : Map.of("Name", name))
            .id();
    return sf.createAsUser(
            "PricebookEntry",
            Map.of(
                "Pricebook2Id",
                sf.standardPricebookId(),
                "Product2Id",
                product,
                "UnitPrice",
                new BigDecimal(price),
                "IsActive",
                true))
        .id();
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

  private String contactField(String contactId, String field) {
    return sf.record(contactId).map(r -> r.get(field)).map(Object::toString).orElse(null);
  }

  /** Intake drops a second webhook with the same data hash in the same second as a redelivery. */
  private void nextSecond() {
    long second = bc.clock().instant().getEpochSecond();
    await().atMost(WAIT).until(() -> bc.clock().instant().getEpochSecond() > second);
  }

  /**
   * Every webhook the store fired has been handled and every item has ended (DONE, SKIPPED, or
   * DEAD: the bad-data PUSH dead-letters its entry on purpose).
   */
  private void settle() {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              int fired = store.webhookAttempts().size();
              return ended() && fired == store.webhookAttempts().size() && ended();
            });
  }

  private boolean ended() {
    List<WorkItem> items = inspector.workItems(Optional.empty(), Optional.empty(), 500);
    return items.stream()
        .allMatch(
            i ->
                i.status() == WorkItemStatus.DONE
                    || i.status() == WorkItemStatus.SKIPPED
                    || i.status() == WorkItemStatus.DEAD);
  }

  private BigDecimal price(long productId) {
    BigDecimal price = store.read(s -> s.products.get(productId).variants.get(0).price);
    return price == null ? BigDecimal.ZERO : price;
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
