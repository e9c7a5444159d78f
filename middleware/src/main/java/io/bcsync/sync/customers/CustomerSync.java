package io.bcsync.sync.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.sforce.soap.partner.sobject.SObject;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.pipeline.Outcome;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.Soql;
import io.bcsync.salesforce.writer.ExternalReference;
import io.bcsync.salesforce.writer.RecordResult;
import io.bcsync.salesforce.writer.RecordWrite;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.bcsync.salesforce.writer.WriteReport;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.accounts.CompanyRollup;
import io.bcsync.sync.accounts.CompanyRules;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.identity.IdentityMap;
import io.bcsync.sync.mapping.MappedRecord;
import io.bcsync.sync.mapping.RecordMappingException;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerMatcher;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.Reviews;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Customers of one batch into Salesforce: each distinct customer once, however many of the batch's
 * items name it. Customers the identity map already links skip matching; the rest are matched in
 * one prefetch ({@link CandidateSource}) and written in batched calls. An order always needs a
 * Contact and an Account (Salesforce requires the Account on an Order), so a buyer becomes a
 * Contact even where new customers are otherwise Leads. A {@link MatchDecision.Review} writes
 * nothing: the customer and its orders are held until someone resolves it.
 *
 * <p>A customer not yet linked is decided and written only under its {@link CustomerClaims claim}:
 * its own work item and an order item naming it as buyer are different work-queue entities that two
 * workers can hold at once, and both would otherwise match it and could each act on a matched Lead.
 * A customer another worker holds is waited for once (see {@link #sync}); its items are retried
 * only if that wait runs out.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class CustomerSync {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerSync.class);
  static final String CONTACT_KEY = "BC_Customer_Id__c";
  static final String ACCOUNT_KEY = "BC_Account_Key__c";

  /** One item's need for a customer: a customer item (its own record) or an order (its buyer). */
  public record Need(CustomerRef ref, long itemId, boolean forOrder) {}

  /**
   * Where a customer ended up: the Contact and Account an order is written against, and the
   * customer's B2B company (null for B2C), whose Account figures its orders roll up into.
   */
  public record Link(String contactId, String accountId, CompanyRules.Company company) {}

  private final IdentityMap identities;
  private final Reviews reviews;
  private final BeanProvider<CandidateSource> candidates;
  private final SalesforceWriter writer;
  private final SalesforceConnector connector;
  private final Optional<LeadConversion> conversion;
  private final CompanyRules companies;
  private final Clock clock;
  private final CustomerClaims claims;

  public CustomerSync(
      IdentityMap identities,
      Reviews reviews,
      BeanProvider<CandidateSource> candidates,
      SalesforceWriter writer,
      SalesforceConnector connector,
      Optional<LeadConversion> conversion,
      CompanyRules companies,
      Clock clock,
      CustomerClaims claims) {
    this.companies = companies;
    this.claims = claims;
    this.identities = identities;
    this.reviews = reviews;
    this.candidates = candidates;
    this.writer = writer;
    this.connector = connector;
    this.conversion = conversion;
    this.clock = clock;
  }

  /** A customer of the batch, merged over all the items that need it. */
  private static final class Customer {
    CustomerRef ref;
    final List<Need> needs = new ArrayList<>();
    long owner;
    boolean forOrder;
    boolean customerItem;
    Identity identity;
    MatchDecision decision;

    /** A person resolved this customer's review by choosing "create". */
    boolean decidedByReview;

    String contactId;
    String accountId;
    String leadId;
    CompanyRules.Company company;

    /**
     * The company Account write another customer of the batch carries (one upsert per key per
     * call).
     */
    RecordWrite sharedCompanyWrite;

    final List<RecordWrite> writes = new ArrayList<>();
  }

  /**
   * Writes the batch's customers and returns the link of every customer whose orders can now be
   * written. Items whose customer failed, is under review or is being written by another worker get
   * their outcome in {@code outcomes} (orders of a failed customer share its failure; held items
   * succeed, as they are parked in the review; items of a customer another worker holds are
   * retried).
   *
   * <p>Customers another worker holds (it is writing them in a batch of its own) are waited for
   * once, after this batch's own customers are written and their claims released, so no two workers
   * wait for each other: the holder's writes take a few Salesforce calls, after which the customer
   * is linked and its items here go on through that link in this same call instead of costing a
   * retry and a second read from BigCommerce.
   */
  public Map<String, Link> sync(
      String storeHash, SyncConfigs.Loaded cfg, List<Need> needs, Map<Long, Outcome> outcomes)
      throws Exception {
    Map<String, Link> links = new HashMap<>();
    List<Customer> busy = syncRound(storeHash, cfg, needs, outcomes, links);
    if (!busy.isEmpty()
        && claims.awaitReleased(storeHash, busy.stream().map(c -> c.ref.key()).toList())) {
      List<Need> waited = busy.stream().flatMap(c -> c.needs.stream()).toList();
      busy = syncRound(storeHash, cfg, waited, outcomes, links);
    }
    for (Customer c : busy) {
      Outcome retry = Outcome.retry(c.ref.label() + " is being written by another worker; retried");
      c.needs.forEach(n -> outcomes.put(n.itemId(), retry));
      LOG.info(
          "Store {}: {} is being written by another worker; {} item(s) retried",
          storeHash,
          c.ref.label(),
          c.needs.size());
    }
    return links;
  }

  /**
   * One pass: the customers it could claim (or that were linked) are written; those others hold are
   * returned.
   */
  private List<Customer> syncRound(
      String storeHash,
      SyncConfigs.Loaded cfg,
      List<Need> needs,
      Map<Long, Outcome> outcomes,
      Map<String, Link> links)
      throws Exception {
    Map<String, Customer> customers = merge(needs);
    if (customers.isEmpty()) {
      return List.of();
    }
    Map<String, JsonNode> documents = new LinkedHashMap<>();
    customers.forEach((key, c) -> documents.put(key, c.ref.document().path("customer")));
    Map<String, CompanyRules.Company> companyOf = companies.companiesOf(storeHash, documents);
    customers.forEach((key, c) -> c.company = companyOf.get(key));
    loadIdentities(storeHash, customers.values());
    List<Customer> busy = new ArrayList<>();
    CustomerClaims.Claim claim = claimUnlinked(storeHash, customers, busy);
    try {
      links.putAll(decideAndWrite(storeHash, cfg, customers, outcomes));
    } finally {
      release(storeHash, claim);
    }
    return busy;
  }

  private Map<String, Link> decideAndWrite(
      String storeHash,
      SyncConfigs.Loaded cfg,
      Map<String, Customer> customers,
      Map<Long, Outcome> outcomes)
      throws Exception {
    holdOpenReviews(storeHash, customers, outcomes);
    decide(storeHash, cfg, customers, outcomes);
    lookUpAccounts(customers);
    plan(storeHash, cfg, customers, outcomes);
    shareCompanyAccounts(customers);
    List<RecordWrite> writes = customers.values().stream().flatMap(c -> c.writes.stream()).toList();
    WriteReport report = writes.isEmpty() ? new WriteReport(List.of(), 0) : writer.write(writes);
    return collect(storeHash, customers, report, outcomes);
  }

  /**
   * Colleagues of one company in one batch: Salesforce rejects an upsert call naming the same
   * external id twice (DUPLICATE_EXTERNAL_ID for both), so the company Account is written once and
   * the others' Contacts reference it.
   */
  private static void shareCompanyAccounts(Map<String, Customer> customers) {
    Map<Object, RecordWrite> first = new HashMap<>();
    for (Customer c : customers.values()) {
      for (RecordWrite write : List.copyOf(c.writes)) {
        if (write.sobjectType().equals("Account")
            && CompanyRollup.COMPANY_KEY.equals(write.externalIdField())) {
          RecordWrite owner =
              first.putIfAbsent(write.fields().get(CompanyRollup.COMPANY_KEY), write);
          if (owner != null) {
            c.writes.remove(write);
            c.sharedCompanyWrite = owner;
          }
        }
      }
    }
  }

  private static Map<String, Customer> merge(List<Need> needs) {
    Map<String, Customer> customers = new LinkedHashMap<>();
    for (Need need : needs) {
      Customer c = customers.computeIfAbsent(need.ref().key(), k -> new Customer());
      c.needs.add(need);
      c.forOrder |= need.forOrder();
      if (c.ref == null || (need.ref().fromCustomerRecord() && !c.ref.fromCustomerRecord())) {
        // The customer's own record says more than an order's billing address: it owns the writes.
        c.ref = need.ref();
        c.owner = need.itemId();
      }
      c.customerItem |= need.ref().fromCustomerRecord();
    }
    return customers;
  }

  private void loadIdentities(String storeHash, Collection<Customer> customers) {
    for (String type : List.of("customer", "guest")) {
      List<String> ids =
          customers.stream()
              .filter(c -> c.ref.bcType().equals(type))
              .map(c -> c.ref.bcId())
              .toList();
      if (ids.isEmpty()) {
        continue;
      }
      Map<String, Identity> found = identities.find(storeHash, type, ids);
      customers.stream()
          .filter(c -> c.ref.bcType().equals(type))
          .forEach(c -> c.identity = found.get(c.ref.bcId()));
    }
  }

  /**
   * Claims the customers the identity map does not link yet (linked ones are written by id or
   * external id and need none). A customer someone else holds leaves this pass and is added to
   * {@code busy}.
   */
  private CustomerClaims.Claim claimUnlinked(
      String storeHash, Map<String, Customer> customers, List<Customer> busy) {
    List<Customer> unlinked = customers.values().stream().filter(c -> c.identity == null).toList();
    CustomerClaims.Claim claim =
        claims.claim(storeHash, unlinked.stream().map(c -> c.ref.key()).toList());
    List<Customer> held = new ArrayList<>();
    for (Customer c : unlinked) {
      if (claim.held().contains(c.ref.key())) {
        held.add(c);
      } else {
        customers.remove(c.ref.key());
        busy.add(c);
      }
    }
    // The previous holder may have linked a customer just before releasing it: write through that
    // link instead.
    loadIdentities(storeHash, held);
    return claim;
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

  private void holdOpenReviews(
      String storeHash, Map<String, Customer> customers, Map<Long, Outcome> outcomes) {
    List<String> unlinked =
        customers.values().stream().filter(c -> c.identity == null).map(c -> c.ref.key()).toList();
    Map<String, Long> open = reviews.openFor(storeHash, unlinked);
    open.forEach(
        (key, reviewId) -> {
          Customer c = customers.remove(key);
          reviews.hold(reviewId, held(c));
          c.needs.forEach(n -> outcomes.put(n.itemId(), Outcome.SUCCESS));
          LOG.info(
              "Store {}: {} is under review {}; {} item(s) held",
              storeHash,
              c.ref.label(),
              reviewId,
              c.needs.size());
        });
  }

  private void decide(
      String storeHash,
      SyncConfigs.Loaded cfg,
      Map<String, Customer> customers,
      Map<Long, Outcome> outcomes)
      throws Exception {
    List<Customer> toMatch = new ArrayList<>();
    Map<String, Review> resolved =
        reviews.resolvedFor(
            storeHash,
            customers.values().stream()
                .filter(c -> c.identity == null)
                .map(c -> c.ref.key())
                .toList());
    for (Customer c : customers.values()) {
      if (c.identity != null) {
        continue;
      }
      Review review = resolved.get(c.ref.key());
      if (review != null && "create".equals(review.resolution())) {
        // A person decided this customer is new: do not match again (the same candidates would be
        // found).
        c.decision = new MatchDecision.Create(cfg.config().matching().newCustomersAs());
        c.decidedByReview = true;
      } else {
        toMatch.add(c);
      }
    }
    if (!toMatch.isEmpty()) {
      List<CustomerProfile> profiles = toMatch.stream().map(c -> c.ref.profile()).toList();
      CandidateFinder finder = candidates.get().prefetch(profiles, cfg.config().matching());
      CustomerMatcher matcher = new CustomerMatcher(cfg.config().matching(), finder);
      for (Customer c : toMatch) {
        c.decision = matcher.match(c.ref.profile());
      }
    }
    for (Customer c : List.copyOf(customers.values())) {
      if (c.decision instanceof MatchDecision.Review review) {
        long id = reviews.open(storeHash, c.ref.key(), c.ref.label(), review, held(c));
        customers.remove(c.ref.key());
        c.needs.forEach(n -> outcomes.put(n.itemId(), Outcome.SUCCESS));
        LOG.info(
            "Store {}: {} sent to review {} ({}); {} item(s) held",
            storeHash,
            c.ref.label(),
            id,
            review.reason(),
            c.needs.size());
      }
    }
    convertLeads(customers, outcomes);
  }

  private void convertLeads(Map<String, Customer> customers, Map<Long, Outcome> outcomes)
      throws Exception {
    List<Customer> converting =
        customers.values().stream()
            .filter(c -> c.decision instanceof MatchDecision.ConvertLead)
            .toList();
    if (converting.isEmpty()) {
      return;
    }
    if (conversion.isEmpty()) {
      for (Customer c : converting) {
        fail(
            customers,
            c,
            Outcome.permanent(
                "lead_policy convert_lead is configured but no lead conversion is"
                    + " available in this build; use update_lead or resolve by hand"),
            outcomes);
      }
      return;
    }
    Map<String, LeadConversion.Converted> converted =
        conversion
            .get()
            .convert(
                converting.stream()
                    .map(c -> ((MatchDecision.ConvertLead) c.decision).leadId())
                    .toList());
    for (Customer c : converting) {
      LeadConversion.Converted result =
          converted.get(((MatchDecision.ConvertLead) c.decision).leadId());
      if (result == null) {
        fail(
            customers,
            c,
            Outcome.retry("lead conversion did not convert the matched Lead"),
            outcomes);
      } else {
        c.decision =
            new MatchDecision.UpdateContact(
                result.contactId(), c.decision.matchedBy().orElseThrow());
        c.accountId = result.accountId();
      }
    }
  }

  /**
   * The Accounts of Contacts found by matching or linked by a review: one query per 200 Contacts,
   * none usually.
   */
  private void lookUpAccounts(Map<String, Customer> customers) throws Exception {
    Map<String, Customer> byContact = new HashMap<>();
    for (Customer c : customers.values()) {
      if (c.decision instanceof MatchDecision.UpdateContact update && c.accountId == null) {
        c.contactId = update.contactId();
        byContact.put(update.contactId(), c);
      } else if (c.identity != null && "Contact".equals(c.identity.sfObject())) {
        c.contactId = c.identity.sfId();
        c.accountId = c.identity.accountId();
        if (c.accountId == null) {
          byContact.put(c.contactId, c);
        }
      }
    }
    List<String> ids = List.copyOf(byContact.keySet());
    for (int from = 0; from < ids.size(); from += 200) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 200));
      for (SObject contact :
          SalesforceQueries.queryAll(
              connector.session(),
              "SELECT Id, AccountId FROM Contact WHERE Id IN " + Soql.inList(chunk))) {
        Customer c = byContact.get(contact.getId());
        if (c == null) {
          c =
              byContact.entrySet().stream()
                  .filter(e -> contact.getId().startsWith(e.getKey()))
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse(null);
        }
        Object account = contact.getField("AccountId");
        if (c != null && account != null && !account.toString().isBlank()) {
          c.accountId = account.toString();
        }
      }
    }
  }

  private void plan(
      String storeHash,
      SyncConfigs.Loaded cfg,
      Map<String, Customer> customers,
      Map<Long, Outcome> outcomes) {
    for (Customer c : List.copyOf(customers.values())) {
      try {
        planOne(storeHash, cfg, c);
      } catch (RecordMappingException | IllegalArgumentException e) {
        fail(customers, c, Outcome.permanent(c.ref.label() + ": " + e.getMessage()), outcomes);
      }
    }
  }

  private void planOne(String storeHash, SyncConfigs.Loaded cfg, Customer c) {
    CandidateKind newAs = cfg.config().matching().newCustomersAs();
    if (c.identity != null) {
      if ("Lead".equals(c.identity.sfObject())) {
        c.leadId = c.identity.sfId();
        if (c.customerItem) {
          c.writes.add(updateById(c, "Lead", c.leadId, map(cfg, "Lead", c)));
        }
        if (c.forOrder) {
          newContact(storeHash, cfg, c);
        }
        return;
      }
      if (c.customerItem || c.accountId == null) {
        updateContact(storeHash, cfg, c);
      }
      return;
    }
    if (c.decision instanceof MatchDecision.Create create) {
      if (create.as() == CandidateKind.LEAD && !c.forOrder) {
        MappedRecord lead = map(cfg, "Lead", c);
        c.writes.add(
            c.ref.isGuest()
                ? RecordWrite.create(c.owner, "Lead", lead.fields())
                : RecordWrite.upsert(c.owner, "Lead", CONTACT_KEY, lead.fields()));
      } else {
        newContact(storeHash, cfg, c);
      }
    } else if (c.decision instanceof MatchDecision.UpdateContact update) {
      c.contactId = update.contactId();
      updateContact(storeHash, cfg, c);
    } else if (c.decision instanceof MatchDecision.UpdateLead update) {
      c.leadId = update.leadId();
      c.writes.add(updateById(c, "Lead", c.leadId, map(cfg, "Lead", c)));
      if (c.forOrder) {
        newContact(storeHash, cfg, c);
      }
    } else {
      throw new IllegalStateException("unexpected decision " + c.decision);
    }
  }

  /** A new Contact on its own new household Account. */
  private void newContact(String storeHash, SyncConfigs.Loaded cfg, Customer c) {
    c.writes.add(householdAccount(storeHash, cfg, c));
    Map<String, Object> fields = new LinkedHashMap<>(map(cfg, "Contact", c).fields());
    fields.put("Account", accountReference(storeHash, c));
    fields.put("BC_Last_Synced__c", clock.instant());
    c.writes.add(
        c.ref.isGuest()
            ? RecordWrite.create(c.owner, "Contact", fields)
            : RecordWrite.upsert(c.owner, "Contact", CONTACT_KEY, fields));
  }

  /**
   * An existing Contact updated by id; given a household Account when it has none (orders need
   * one).
   */
  private void updateContact(String storeHash, SyncConfigs.Loaded cfg, Customer c) {
    Map<String, Object> fields = new LinkedHashMap<>(map(cfg, "Contact", c).fields());
    fields.put("BC_Last_Synced__c", clock.instant());
    if (c.accountId == null) {
      c.writes.add(householdAccount(storeHash, cfg, c));
      fields.put("Account", accountReference(storeHash, c));
    }
    c.writes.add(
        updateById(c, "Contact", c.contactId, new MappedRecord("Contact", fields, List.of())));
  }

  /**
   * The customer's company Account (B2B), else its own household Account (B2C): never one bucket
   * for all.
   */
  private RecordWrite householdAccount(String storeHash, SyncConfigs.Loaded cfg, Customer c) {
    if (c.company != null) {
      Map<String, Object> company = new LinkedHashMap<>();
      company.put(CompanyRollup.COMPANY_KEY, c.company.key());
      company.put("Name", c.company.name());
      company.put("BC_Last_Synced__c", clock.instant());
      return RecordWrite.upsert(c.owner, "Account", CompanyRollup.COMPANY_KEY, company);
    }
    Map<String, Object> fields = new LinkedHashMap<>(map(cfg, "Account", c).fields());
    fields.put(ACCOUNT_KEY, c.ref.accountKey(storeHash));
    fields.put("BC_Last_Synced__c", clock.instant());
    return RecordWrite.upsert(c.owner, "Account", ACCOUNT_KEY, fields);
  }

  private static ExternalReference accountReference(String storeHash, Customer c) {
    return c.company != null
        ? new ExternalReference("Account", CompanyRollup.COMPANY_KEY, c.company.key())
        : new ExternalReference("Account", ACCOUNT_KEY, c.ref.accountKey(storeHash));
  }

  private static RecordWrite updateById(Customer c, String object, String id, MappedRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>(record.fields());
    fields.put("Id", id);
    return RecordWrite.update(c.owner, object, fields);
  }

  private static MappedRecord map(SyncConfigs.Loaded cfg, String object, Customer c) {
    return cfg.mapper().mapCustomer(object, c.ref.document());
  }

  private Map<String, Link> collect(
      String storeHash,
      Map<String, Customer> customers,
      WriteReport report,
      Map<Long, Outcome> outcomes) {
    Map<String, Link> links = new HashMap<>();
    List<Identity> rows = new ArrayList<>();
    for (Customer c : List.copyOf(customers.values())) {
      Outcome failure = null;
      for (RecordWrite write : c.writes) {
        RecordResult result =
            report.results().stream().filter(r -> r.write() == write).findFirst().orElseThrow();
        if (!result.success()) {
          failure =
              linkedConcurrently(result)
                  ? Outcome.retry(
                      c.ref.label()
                          + " was linked to another "
                          + write.sobjectType()
                          + " at the same time"
                          + " (its customer and order work items ran together); the retry writes through that link")
                  : report.outcomes().get(c.owner);
          break;
        }
        switch (write.sobjectType()) {
          case "Account" -> c.accountId = result.id();
          case "Contact" -> c.contactId = result.id();
          case "Lead" -> c.leadId = result.id();
          default ->
              throw new IllegalStateException("unexpected customer write " + write.sobjectType());
        }
      }
      if (failure == null && c.sharedCompanyWrite != null) {
        RecordResult shared =
            report.results().stream()
                .filter(r -> r.write() == c.sharedCompanyWrite)
                .findFirst()
                .orElseThrow();
        if (shared.success()) {
          c.accountId = shared.id();
        } else {
          failure = Outcome.retry("the company Account written with a colleague's record failed");
        }
      }
      if (failure != null) {
        fail(customers, c, failure, outcomes);
        continue;
      }
      Long modified =
          c.ref.modifiedMs() != null
              ? c.ref.modifiedMs()
              : c.identity == null ? null : c.identity.bcModifiedMs();
      if (c.contactId != null) {
        rows.add(
            new Identity(
                storeHash,
                c.ref.bcType(),
                c.ref.bcId(),
                "Contact",
                c.contactId,
                c.accountId,
                null,
                modified,
                matchReason(c)));
        if (c.accountId != null) {
          links.put(c.ref.key(), new Link(c.contactId, c.accountId, c.company));
        }
      } else if (c.leadId != null) {
        rows.add(
            new Identity(
                storeHash,
                c.ref.bcType(),
                c.ref.bcId(),
                "Lead",
                c.leadId,
                null,
                null,
                modified,
                matchReason(c)));
      }
      if (c.forOrder && !links.containsKey(c.ref.key())) {
        Outcome missing =
            Outcome.retry(c.ref.label() + " has no Contact with an Account to write its orders to");
        c.needs.stream()
            .filter(Need::forOrder)
            .forEach(n -> outcomes.putIfAbsent(n.itemId(), missing));
      }
    }
    identities.save(rows);
    return links;
  }

  /** The customer's failure is the failure of every item that needs it. */
  private static void fail(
      Map<String, Customer> customers, Customer c, Outcome failure, Map<Long, Outcome> outcomes) {
    customers.remove(c.ref.key());
    for (Need need : c.needs) {
      Outcome own = need.itemId() == c.owner ? failure : dependent(c, failure);
      outcomes.put(need.itemId(), own);
    }
  }

  private static Outcome dependent(Customer c, Outcome failure) {
    if (failure instanceof Outcome.Failure f) {
      return new Outcome.Failure(
          c.ref.label() + " could not be written: " + f.error(), f.permanent());
    }
    return failure;
  }

  private static List<Reviews.Held> held(Customer c) {
    return c.needs.stream()
        .map(
            n ->
                n.forOrder()
                    ? new Reviews.Held("order", orderId(n))
                    : new Reviews.Held("customer", c.ref.bcId()))
        .distinct()
        .collect(Collectors.toList());
  }

  private static String orderId(Need need) {
    return need.ref().document().path("order").path("id").asText();
  }

  /**
   * What the identity map records as the reason for the link (null: nothing was decided in this
   * batch).
   */
  private static String matchReason(Customer c) {
    if (c.decision == null) {
      return null;
    }
    if (c.decision instanceof MatchDecision.Create) {
      return c.decidedByReview ? "review" : "created";
    }
    return c.decision
        .matchedBy()
        .map(rule -> rule.name().toLowerCase(java.util.Locale.ROOT))
        .orElse(null);
  }

  /**
   * The customer's external id already sits on another record: a concurrent work item of the same
   * customer (its customer item and an order item run on different workers) linked it between this
   * batch's lookup and its write. Not bad data: the retry finds that link in the identity map and
   * updates the same record.
   */
  private static boolean linkedConcurrently(RecordResult result) {
    return result.errors().stream()
        .anyMatch(
            e ->
                "DUPLICATE_VALUE".equals(e.statusCode())
                    && e.fields().contains(io.bcsync.sync.matching.ExternalIds.CUSTOMER_FIELD));
  }
}
