package io.bcsync.sync.customers;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.pipeline.Heartbeat;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.accounts.CompanyRules;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers of one batch into Salesforce: each distinct customer once, however many of the
 * batch's items name it ({@link BatchCustomer#merge}). Linked customers skip matching; the rest are
 * decided ({@link CustomerDecisions}), planned ({@link CustomerWritePlanner}) and written in
 * batched calls; what Salesforce answered becomes identity rows and links ({@link
 * CustomerWriteResults}).
 *
 * <p>A customer not yet linked is decided and written only under its {@link CustomerClaims claim}:
 * its own work item and an order item naming it as buyer are different queue entities that two
 * workers can hold at once, and both would otherwise match it and could each act on a matched Lead.
 * A customer another worker holds is waited for once, after this batch's own customers are written
 * and their claims released (so no two workers wait for each other): the holder's writes take a few
 * Salesforce calls, after which the customer is linked and its items go on through that link in
 * this same call instead of costing a retry. Only if that wait runs out are its items deferred:
 * back to the queue shortly, without using up an attempt (waiting for another worker is not a
 * failure).
 *
 * <p>Buyers' figures (lifetime revenue, order count, segment…) travel in the same Contact and
 * Account writes ({@link CustomerFiguresWrites}), not in calls of their own after the orders.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class CustomerFlow {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerFlow.class);

  private final IdentityMap identities;
  private final CompanyRules companies;
  private final CustomerClaims claims;
  private final CustomerDecisions decisions;
  private final CustomerWritePlanner planner;
  private final SalesforceRecords salesforce;
  private final Heartbeat heartbeat;
  private final CustomerFiguresWrites figures;

  public CustomerFlow(
      IdentityMap identities,
      CompanyRules companies,
      CustomerClaims claims,
      CustomerDecisions decisions,
      CustomerWritePlanner planner,
      SalesforceRecords salesforce,
      Heartbeat heartbeat,
      CustomerFiguresWrites figures) {
    this.identities = identities;
    this.companies = companies;
    this.claims = claims;
    this.decisions = decisions;
    this.planner = planner;
    this.salesforce = salesforce;
    this.heartbeat = heartbeat;
    this.figures = figures;
  }

  /**
   * @param links by customer key: where each customer whose orders can now be written ended up
   * @param outcomes of every customer item, and of the order items that cannot go on (customer
   *     failed, held by a review, or busy in another worker); order items absent here go on
   * @param afterOrders outcomes of order items that go on, for once their orders are written: a
   *     retry when their buyer's figures could not all be written (the orders are written anyway)
   */
  public record Result(
      Map<String, CustomerLink> links,
      Map<Long, Outcome> outcomes,
      Map<Long, Outcome> afterOrders) {}

  /** What one pass produced, and the customers another worker held during it. */
  private record Round(Written written, List<BatchCustomer> busy) {}

  public Result sync(String storeHash, SyncConfigs.Loaded cfg, List<CustomerNeed> needs)
      throws Exception {
    Map<String, CustomerLink> links = new HashMap<>();
    Map<Long, Outcome> outcomes = new HashMap<>();
    Map<Long, Outcome> afterOrders = new HashMap<>();
    Round round = round(storeHash, cfg, needs);
    links.putAll(round.written().links());
    outcomes.putAll(round.written().outcomes());
    afterOrders.putAll(round.written().afterOrders());
    List<BatchCustomer> busy = round.busy();
    if (!busy.isEmpty()
        && claims.awaitReleased(storeHash, busy.stream().map(BatchCustomer::key).toList())) {
      round = round(storeHash, cfg, busy.stream().flatMap(c -> c.needs().stream()).toList());
      links.putAll(round.written().links());
      outcomes.putAll(round.written().outcomes());
      afterOrders.putAll(round.written().afterOrders());
      busy = round.busy();
    }
    for (BatchCustomer c : busy) {
      outcomes.putAll(
          CustomerFailures.all(
              c,
              Outcome.deferred(c.ref().label() + " is being written by another worker; deferred")));
      LOG.info(
          "Store {}: {} is being written by another worker; {} item(s) deferred",
          storeHash,
          c.ref().label(),
          c.needs().size());
    }
    return new Result(links, outcomes, afterOrders);
  }

  /** One pass: the customers it could claim (or that were linked) are written. */
  private Round round(String storeHash, SyncConfigs.Loaded cfg, List<CustomerNeed> needs)
      throws Exception {
    List<BatchCustomer> customers = withIdentities(storeHash, withCompanies(storeHash, needs));
    if (customers.isEmpty()) {
      return new Round(new Written(Map.of(), Map.of(), Map.of()), List.of());
    }
    List<String> unlinked =
        customers.stream().filter(c -> !c.linked()).map(BatchCustomer::key).toList();
    CustomerClaims.Claim claim = claims.claim(storeHash, unlinked);
    List<BatchCustomer> claimed = new ArrayList<>();
    List<BatchCustomer> busy = new ArrayList<>();
    for (BatchCustomer c : customers) {
      if (!c.linked()) {
        (claim.held().contains(c.key()) ? claimed : busy).add(c);
      }
    }
    // Renewed while this batch decides and writes, so a slow Salesforce call does not let another
    // worker take the customers over mid-write; a dead worker's claims simply lapse.
    try (Heartbeat.Beat renewing =
        heartbeat.start(
            claim.held().size() + " customer claim(s) of store " + storeHash,
            () -> claims.renew(claim))) {
      // The previous holder may have linked a claimed customer just before releasing it: read
      // those links again and write through them instead.
      Map<String, BatchCustomer> reread = new HashMap<>();
      withIdentities(storeHash, claimed).forEach(c -> reread.put(c.key(), c));
      List<BatchCustomer> mine =
          customers.stream()
              .filter(c -> c.linked() || reread.containsKey(c.key()))
              .map(c -> reread.getOrDefault(c.key(), c))
              .toList();
      return new Round(decideAndWrite(storeHash, cfg, mine), busy);
    } finally {
      release(storeHash, claim);
    }
  }

  private record Written(
      Map<String, CustomerLink> links,
      Map<Long, Outcome> outcomes,
      Map<Long, Outcome> afterOrders) {}

  private Written decideAndWrite(
      String storeHash, SyncConfigs.Loaded cfg, List<BatchCustomer> customers) throws Exception {
    Continuing<DecidedCustomer> decided = decisions.decide(storeHash, cfg, customers);
    List<DecidedCustomer> toWrite =
        GuestsWrittenBefore.apply(salesforce, storeHash, cfg, decided.customers());
    Map<String, String> accounts = accountsOfKnownContacts(toWrite);
    Continuing<PlannedCustomer> planned = planner.plan(storeHash, cfg, toWrite, accounts);
    CustomerFiguresWrites.Attached withFigures = figures.attach(storeHash, planned.customers());
    WriteReport report =
        salesforce.write(
            withFigures.customers().stream().flatMap(p -> p.writes().stream()).toList());
    CustomerWriteResults.Collected collected =
        CustomerWriteResults.collect(storeHash, withFigures.customers(), report);
    identities.save(collected.known());
    identities.saveNew(collected.fresh());
    return new Written(
        collected.links(),
        decided.stoppedWith(planned.stoppedWith(collected.outcomes())),
        figures.rewriteMoved(storeHash, withFigures, collected.links()));
  }

  /**
   * The Accounts of Contacts found by matching or linked without one: one query per 200 Contacts,
   * usually none at all.
   */
  private Map<String, String> accountsOfKnownContacts(List<DecidedCustomer> decided) {
    List<String> contacts =
        decided.stream()
            .filter(d -> CustomerWritePlanner.knownAccount(d) == null)
            .map(CustomerWritePlanner::knownContact)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    return contacts.isEmpty() ? Map.of() : salesforce.accountsOfContacts(contacts);
  }

  private List<BatchCustomer> withCompanies(String storeHash, List<CustomerNeed> needs) {
    List<BatchCustomer> customers = BatchCustomer.merge(needs);
    Map<String, com.fasterxml.jackson.databind.JsonNode> documents = new LinkedHashMap<>();
    customers.forEach(c -> documents.put(c.key(), c.ref().document().path("customer")));
    Map<String, CompanyRules.Company> companyOf = companies.companiesOf(storeHash, documents);
    return customers.stream().map(c -> c.withCompany(companyOf.get(c.key()))).toList();
  }

  /** Each customer with what the identity map links it to now (customers and guests). */
  private List<BatchCustomer> withIdentities(String storeHash, List<BatchCustomer> customers) {
    Map<String, Identity> byKey = new HashMap<>();
    for (String type : List.of("customer", "guest")) {
      List<String> ids =
          customers.stream()
              .filter(c -> c.ref().bcType().equals(type))
              .map(c -> c.ref().bcId())
              .toList();
      if (!ids.isEmpty()) {
        identities.find(storeHash, type, ids).forEach((id, row) -> byKey.put(type + ":" + id, row));
      }
    }
    return customers.stream().map(c -> c.withIdentity(byKey.get(c.key()))).toList();
  }

  /**
   * A release that fails (database gone) is logged, not thrown: the customers' writes are done or
   * failed on their own, and the claims lapse after their lifetime, delaying the customers' other
   * items at most that long.
   */
  private void release(String storeHash, CustomerClaims.Claim claim) {
    try {
      claims.release(claim);
    } catch (DataAccessFailure e) {
      LOG.warn(
          "Store {}: releasing {} customer claim(s) failed ({}); they lapse within {}",
          storeHash,
          claim.held().size(),
          e.getMessage(),
          claims.lifetime());
    }
  }
}
