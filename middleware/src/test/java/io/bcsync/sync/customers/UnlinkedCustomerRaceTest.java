package io.bcsync.sync.customers;

import static io.bcsync.sync.customers.RaceItems.customerItem;
import static io.bcsync.sync.customers.RaceItems.guestOrderItem;
import static io.bcsync.sync.customers.RaceItems.orderItem;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.pipeline.Heartbeat;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.accounts.CompanyRules;
import io.bcsync.sync.customers.GatedPorts.ContactsThenLeads;
import io.bcsync.sync.customers.GatedPorts.ConvertThenStop;
import io.bcsync.sync.customers.GatedPorts.Gate;
import io.bcsync.sync.customers.GatedPorts.StopAfterLookup;
import io.bcsync.sync.customers.RacingWorkers.Run;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.mapping.StoreSyncConfig;
import io.bcsync.sync.mapping.SyncConfigLoader;
import io.bcsync.sync.mapping.SyncMapper;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.review.Reviews;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer's own work item and an order item naming it as buyer, run by two workers at once while
 * the customer is not yet linked and a Lead matches it (lead_policy convert_lead). Each worker is
 * its own {@link CustomerFlow} over the same database and simulated org, with the real lookup and
 * conversion wrapped in test doubles that stop at a {@link Gate}, so the overlap is forced, not
 * hoped for. Without per-customer claims the two each act on the customer and a second Contact is
 * left next to the converted Lead's (or, for two orders of one guest, a second Contact of the
 * guest); with them, the second worker's item either waits for the first one's claim and goes on
 * through its link, or (with no wait configured, as most cases here use, or when the wait runs out)
 * is deferred and then writes through that link.
 */
@MicronautTest(transactional = false)
class UnlinkedCustomerRaceTest extends SimulatedOrgTest {
  private static final String STORE = WebhookCalls.STORE;
  private static final long WAIT_SECONDS = RacingWorkers.WAIT_SECONDS;

  @Inject IdentityMap identities;
  @Inject Reviews reviews;
  @Inject CandidateSource candidates;
  @Inject LeadConversion conversion;
  @Inject SalesforceRecords salesforce;
  @Inject CustomerFiguresWrites figures;
  @Inject CompanyRules companies;
  @Inject Clock clock;
  @Inject CustomerClaims claims;
  @Inject SyncConfigLoader loader;
  @Inject Db db;
  @Inject Heartbeat heartbeat;
  @Inject ClaimRepository claimRows;

  private SyncConfigs.Loaded convertLead;
  private RacingWorkers race;

  /** Claims that never wait for another holder: the refused item is deferred at once. */
  private CustomerClaims refusing;

  @BeforeAll
  void loadMapping() throws Exception {
    Path file = Files.createTempFile("bcsync-convert-lead", ".yml");
    Files.writeString(file, "matching:\n  lead_policy: convert_lead\n");
    StoreSyncConfig config = loader.load(file);
    convertLead = new SyncConfigs.Loaded(config, new SyncMapper(config.mapping()));
    refusing = new CustomerClaims(db, claimRows, clock, claims.lifetime(), Duration.ZERO);
    race = new RacingWorkers(STORE, convertLead);
  }

  @AfterAll
  void stopWorkers() {
    race.close();
  }

  @Test
  void customer_and_order_items_that_both_match_the_lead_leave_only_the_converted_leads_contact()
      throws Exception {
    String leadId = lead("Prospect", "race.one@example.com");
    CustomerNeed customerItem = customerItem(41, "Race.One@Example.com");
    CustomerNeed orderItem = orderItem(250, 41, "race.one@example.com");
    int contactsBefore = sim.count("Contact");
    // The order's worker reads Contacts, then stops; the Lead is converted meanwhile and is gone
    // from its Lead
    // query: what SoqlCandidateSource sees when a conversion lands between its Contact and Lead
    // queries.
    Gate orderBetweenQueries = new Gate();
    // The customer's worker converts the Lead, then stops before linking the Lead's new Contact.
    Gate customerConverted = new Gate();
    CustomerFlow orderWorker =
        worker(new ContactsThenLeads(candidates, orderBetweenQueries), conversion);
    CustomerFlow customerWorker =
        worker(candidates, new ConvertThenStop(conversion, customerConverted));

    Run order = start(orderWorker, orderItem);
    orderBetweenQueries.awaitReached(order);
    Run customer = start(customerWorker, customerItem);
    customerConverted.awaitReached(customer);
    orderBetweenQueries.open();
    order.await();
    customerConverted.open();
    customer.await();
    rerunRetried(order, customer);

    assertOneContactFromTheLead(leadId, 41, contactsBefore);
    assertThat(customer.outcomes)
        .as("the customer item found the order's worker holding the customer")
        .containsValue(
            Outcome.deferred("customer 41 is being written by another worker; deferred"));
  }

  @Test
  void an_order_whose_billing_email_misses_the_lead_waits_for_the_customer_item_converting_it()
      throws Exception {
    String leadId = lead("Prospect", "race.two@example.com");
    CustomerNeed customerItem = customerItem(42, "race.two@example.com");
    // Checked out with another address: only the customer item matches the Lead, the order alone
    // would create.
    CustomerNeed orderItem = orderItem(251, 42, "race.two.work@example.com");
    int contactsBefore = sim.count("Contact");
    Gate customerConverted = new Gate();
    CustomerFlow customerWorker =
        worker(candidates, new ConvertThenStop(conversion, customerConverted));
    CustomerFlow orderWorker = worker(candidates, conversion);

    Run customer = start(customerWorker, customerItem);
    customerConverted.awaitReached(customer);
    Run order = start(orderWorker, orderItem);
    order.await();
    customerConverted.open();
    customer.await();
    rerunRetried(order, customer);

    assertOneContactFromTheLead(leadId, 42, contactsBefore);
    assertThat(order.outcomes)
        .as("the order item found the customer's worker holding the customer")
        .containsValue(
            Outcome.deferred("customer 42 is being written by another worker; deferred"));
  }

  @Test
  void
      an_order_refused_its_customer_waits_for_the_holder_and_goes_on_through_its_link_without_a_retry()
          throws Exception {
    String leadId = lead("Prospect", "race.wait@example.com");
    CustomerNeed customerItem = customerItem(43, "race.wait@example.com");
    CustomerNeed orderItem = orderItem(252, 43, "race.wait.work@example.com");
    int contactsBefore = sim.count("Contact");
    Gate customerConverted = new Gate();
    CountDownLatch orderWaiting = new CountDownLatch(1);
    CustomerClaims waiting =
        new CustomerClaims(
            db,
            claimRows,
            clock,
            Duration.ofSeconds(2 * WAIT_SECONDS),
            Duration.ofSeconds(WAIT_SECONDS)) {
          @Override
          public boolean awaitReleased(String storeHash, Collection<String> customerKeys)
              throws InterruptedException {
            orderWaiting.countDown();
            return super.awaitReleased(storeHash, customerKeys);
          }
        };
    CustomerFlow customerWorker =
        worker(candidates, new ConvertThenStop(conversion, customerConverted));
    CustomerFlow orderWorker = worker(candidates, conversion, waiting);

    Run customer = start(customerWorker, customerItem);
    customerConverted.awaitReached(customer);
    Run order = start(orderWorker, orderItem);
    assertThat(orderWaiting.await(WAIT_SECONDS, TimeUnit.SECONDS))
        .as("the order's worker waits for the claim")
        .isTrue();
    assertThat(order.done).as("the order's worker is still waiting").isNotDone();
    customerConverted.open();
    customer.await();
    order.await();

    assertThat(order.outcomes)
        .as("no retry: the order went on through the customer's link")
        .isEmpty();
    assertThat(order.done.get().get(orderItem.ref().key()).contactId())
        .isEqualTo(sim.record(leadId).orElseThrow().get("ConvertedContactId"));
    assertOneContactFromTheLead(leadId, 43, contactsBefore);
  }

  @Test
  void two_guest_orders_of_one_email_at_once_make_one_contact() throws Exception {
    CustomerNeed first = guestOrderItem(260, "Guest.Race@example.com");
    CustomerNeed second = guestOrderItem(261, "guest.race@example.com");
    int contactsBefore = sim.count("Contact");
    // Guests have no external id: their Contacts are created, not upserted, so nothing in
    // Salesforce stops a twin.
    Gate firstLookedUp = new Gate();
    CustomerFlow firstWorker = worker(new StopAfterLookup(candidates, firstLookedUp), conversion);
    CustomerFlow secondWorker = worker(candidates, conversion);

    Run one = start(firstWorker, first);
    firstLookedUp.awaitReached(one);
    Run two = start(secondWorker, second);
    two.await();
    firstLookedUp.open();
    one.await();
    rerunRetried(one, two);

    List<Map<String, Object>> contacts =
        sim.records("Contact").stream()
            .filter(c -> "guest.race@example.com".equalsIgnoreCase(String.valueOf(c.get("Email"))))
            .toList();
    assertThat(contacts).as("Contacts of the guest").hasSize(1);
    assertThat(sim.count("Contact") - contactsBefore).isEqualTo(1);
    assertThat(
            identities
                .find(STORE, "guest", List.of(first.ref().bcId()))
                .get(first.ref().bcId())
                .sfId())
        .isEqualTo(contacts.get(0).get("Id"));
    assertThat(two.outcomes)
        .as("the second order found the first one's worker holding the guest")
        .containsValue(
            Outcome.deferred("guest order 261 is being written by another worker; deferred"));
  }

  private void assertOneContactFromTheLead(String leadId, long customerId, int contactsBefore) {
    Map<String, Object> lead = sim.record(leadId).orElseThrow();
    assertThat(lead.get("IsConverted")).isEqualTo(true);
    String externalId = STORE + ":" + customerId;
    List<Map<String, Object>> linked =
        sim.records("Contact").stream()
            .filter(c -> externalId.equals(c.get("BC_Customer_Id__c")))
            .toList();
    assertThat(linked)
        .as("Contacts carrying %s", externalId)
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.get("Id"))
                    .as("the converted Lead's Contact")
                    .isEqualTo(lead.get("ConvertedContactId")));
    assertThat(sim.count("Contact") - contactsBefore)
        .as("no second Contact next to the converted Lead's")
        .isEqualTo(1);
    Identity link =
        identities
            .find(STORE, "customer", List.of(String.valueOf(customerId)))
            .get(String.valueOf(customerId));
    assertThat(link.sfId())
        .as("the identity map links that Contact")
        .isEqualTo(lead.get("ConvertedContactId"));
  }

  // --- the two workers ---

  private CustomerFlow worker(CandidateSource candidateSource, LeadConversion leadConversion) {
    return worker(candidateSource, leadConversion, refusing);
  }

  private CustomerFlow worker(
      CandidateSource candidateSource, LeadConversion leadConversion, CustomerClaims claims) {
    return new CustomerFlow(
        identities,
        companies,
        claims,
        new CustomerDecisions(reviews, () -> candidateSource, Optional.of(leadConversion)),
        new CustomerWritePlanner(clock),
        salesforce,
        heartbeat,
        figures);
  }

  private Run start(CustomerFlow worker, CustomerNeed need) {
    return race.start(worker, need);
  }

  /**
   * What the pipeline does with a retry or deferred outcome, minus the delay: the item runs again,
   * on a plain worker.
   */
  private void rerunRetried(Run... runs) {
    race.rerunRetried(worker(candidates, conversion), runs);
  }

  // --- records ---

  private String lead(String lastName, String email) {
    var created =
        sim.createAsUser(
            "Lead", Map.of("LastName", lastName, "Company", "Initech", "Email", email));
    assertThat(created.success()).as("creating the Lead: %s", created.errors()).isTrue();
    return created.id();
  }
}
