package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.db.Db;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.testsupport.MutableClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
  static final Duration POLL = Duration.ofSeconds(20);

  @Inject MutableClock clock;
  @Inject Db db;

  // settleAllowingDeadLetters(): the bad-data PUSH dead-letters its entry on purpose.
  ReverseLoopsEndToEndTest() {
    super(
        STORE,
        SECRET,
        List.of(
            PRICEBOOK_ENTRY_CHANGES,
            PRODUCT_CHANGES,
            CONTACT_CHANGES,
            ACCOUNT_CHANGES,
            SYNC_REQUESTS));
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    properties.put("test.mutable-clock", "true");
    properties.put("bcsync.salesforce.reconciliation-poll.interval", POLL.toSeconds() + "s");
    // Only the ownership section, over the shipped defaults.
    useMapping(properties, "ownership:\n  customer_fields: [phone, last_name, company]\n");
    return properties;
  }

  @Test
  void one_bigcommerce_customer_edit_is_one_salesforce_write_and_no_bigcommerce_write() {
    long ada = store.createCustomer("ada.loops@example.com", "Ada", "Loops");
    String contact = linkedContact(ada);
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();
    long salesforceWritesBefore = salesforceWrites();
    nextSecond();

    store.updateCustomer(ada, json("{\"first_name\":\"Adele\"}"));

    await().atMost(WAIT).until(() -> "Adele".equals(contactField(contact, "FirstName")));
    settleAllowingDeadLetters();
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
    settleAllowingDeadLetters();
    nextSecond();

    // At once: the shopper changes phone and last name in the store, service changes them in
    // Salesforce, before either side's change is processed.
    store.updateCustomer(bea, json("{\"phone\":\"111-0001\",\"last_name\":\"Shopper\"}"));
    sf.updateAsUser(contact, Map.of("Phone", "222-0002", "LastName", "Service"));

    await()
        .atMost(WAIT)
        .until(() -> "222-0002".equals(store.read(s -> s.customers.get(bea).phone)));
    settleAllowingDeadLetters();
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
    settleAllowingDeadLetters();
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
    settleAllowingDeadLetters();
    String acme = sf.createAsUser("Account", Map.of("Name", "Acme")).id();
    sf.updateAsUser(contact, Map.of("AccountId", acme));
    await().atMost(WAIT).until(() -> "Acme".equals(store.read(s -> s.customers.get(cid).company)));
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();

    sf.updateAsUser(acme, Map.of("Name", "Acme Ltd"));

    await()
        .atMost(WAIT)
        .until(() -> "Acme Ltd".equals(store.read(s -> s.customers.get(cid).company)));
    settleAllowingDeadLetters();
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
    String entry = pricedEntry("MUG-P", "7.50");
    String noSku = entryWithoutSku("3.00");
    String unlinked = sf.createAsUser("Contact", Map.of("LastName", "Nobody")).id();
    await().atMost(WAIT).until(() -> price(mug).compareTo(new BigDecimal("7.50")) == 0);
    settleAllowingDeadLetters();

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
    String entry = pricedEntry("VASE-P", "41.00");
    await().atMost(WAIT).until(() -> price(vase).compareTo(new BigDecimal("41.00")) == 0);
    settleAllowingDeadLetters();
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
    settleAllowingDeadLetters();
    advanceSimulatedSeconds((int) POLL.toSeconds() * 2);
    settleAllowingDeadLetters();
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
  private Optional<Map<String, Object>> statusEvent(String correlationId) {
    return statusReports().stream()
        .filter(payload -> correlationId.equals(payload.get("BC_Correlation_Id__c")))
        .reduce((first, later) -> later);
  }

  /** A Product2 without a SKU and its standard price book entry; answers the entry. */
  private String entryWithoutSku(String price) {
    String product =
        sf.createAsUser("Product2", Map.of("Name", "no-sku-" + UUID.randomUUID())).id();
    return entry(sf.standardPricebookId(), product, price);
  }

  private String contactField(String contactId, String field) {
    return sf.record(contactId).map(r -> r.get(field)).map(Object::toString).orElse(null);
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
