package io.bcsync.sync.customers;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.accounts.CompanyRollup;
import io.bcsync.sync.contacts.CustomerOwnership;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.mapping.MappedRecord;
import io.bcsync.sync.mapping.RecordMappingException;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.stores.StoreLinks;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans the Salesforce writes of decided customers, without calling anything. An order always needs
 * a Contact and an Account (Salesforce requires the Account on an Order), so a buyer becomes a
 * Contact even where new customers are otherwise Leads; each Contact gets its own household
 * Account, or its B2B company's Account — never one bucket Account for all.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class CustomerWritePlanner {
  static final String CONTACT_KEY = "BC_Customer_Id__c";
  static final String ACCOUNT_KEY = "BC_Account_Key__c";
  private static final String SYNCED_AT = "BC_Last_Synced__c";

  private final Clock clock;
  private final StoreLinks stores;
  private final GroupNames groups;
  private final CustomerOwnership ownership;

  /**
   * A planner that links no store, writes no group name and leaves no field to Salesforce: for
   * tests of the planning alone.
   */
  public CustomerWritePlanner(Clock clock) {
    this(clock, StoreLinks.NONE, GroupNames.NONE, CustomerOwnership.NONE);
  }

  @Inject
  public CustomerWritePlanner(
      Clock clock, StoreLinks stores, GroupNames groups, CustomerOwnership ownership) {
    this.clock = clock;
    this.stores = stores;
    this.groups = groups;
    this.ownership = ownership;
  }

  /**
   * @param accountOfContact the Accounts of matched or linked Contacts whose Account was not known,
   *     by Contact id
   * @return the planned customers, and the failures of customers that could not be mapped
   */
  public Continuing<PlannedCustomer> plan(
      String storeHash,
      SyncConfigs.Loaded cfg,
      List<DecidedCustomer> decided,
      Map<String, String> accountOfContact) {
    List<PlannedCustomer> planned = new ArrayList<>();
    Map<Long, Outcome> failed = new HashMap<>();
    for (DecidedCustomer d : decided) {
      try {
        planned.add(planOne(storeHash, cfg, d, accountOfContact));
      } catch (RecordMappingException | IllegalArgumentException e) {
        failed.putAll(
            CustomerFailures.of(
                d.customer(),
                Outcome.permanent(d.customer().ref().label() + ": " + e.getMessage())));
      }
    }
    return new Continuing<>(shareCompanyAccounts(planned), failed);
  }

  /** The Contact a decided customer already is, if any: linked before, or matched now. */
  public static String knownContact(DecidedCustomer d) {
    if (d.decision() instanceof MatchDecision.UpdateContact update) {
      return update.contactId();
    }
    Identity identity = d.customer().identity();
    return identity != null && "Contact".equals(identity.sfObject()) ? identity.sfId() : null;
  }

  /** The Account of that Contact when known without asking Salesforce. */
  public static String knownAccount(DecidedCustomer d) {
    if (d.convertedAccountId() != null) {
      return d.convertedAccountId();
    }
    Identity identity = d.customer().identity();
    return d.decision() == null && identity != null ? identity.accountId() : null;
  }

  private PlannedCustomer planOne(
      String storeHash,
      SyncConfigs.Loaded cfg,
      DecidedCustomer d,
      Map<String, String> accountOfContact) {
    BatchCustomer c = d.customer();
    String contactId = knownContact(d);
    String accountId = knownAccount(d);
    if (accountId == null && contactId != null) {
      accountId = accountOfContact.get(contactId);
    }
    Identity identity = c.identity();
    List<RecordWrite> writes = new ArrayList<>();
    String leadId = null;
    if (identity != null && "Lead".equals(identity.sfObject())) {
      leadId = identity.sfId();
      if (c.customerItem()) {
        writes.add(updateById(c, "Lead", leadId, map(cfg, "Lead", c)));
      }
      if (c.forOrder()) {
        writes.addAll(newContact(storeHash, cfg, c));
      }
    } else if (identity != null) {
      if (c.customerItem() || accountId == null) {
        writes.addAll(updateContact(storeHash, cfg, c, contactId, accountId));
      }
    } else if (d.decision() instanceof MatchDecision.Create create) {
      if (create.as() == CandidateKind.LEAD && !c.forOrder()) {
        MappedRecord lead = map(cfg, "Lead", c);
        writes.add(
            c.ref().isGuest()
                ? RecordWrite.create(c.owner(), "Lead", lead.fields())
                : RecordWrite.upsert(c.owner(), "Lead", CONTACT_KEY, lead.fields()));
      } else {
        writes.addAll(newContact(storeHash, cfg, c));
      }
    } else if (d.decision() instanceof MatchDecision.UpdateContact update && update.attachOnly()) {
      writes.addAll(attachToContact(storeHash, cfg, c, contactId, accountId));
    } else if (d.decision() instanceof MatchDecision.UpdateContact) {
      writes.addAll(updateContact(storeHash, cfg, c, contactId, accountId));
    } else if (d.decision() instanceof MatchDecision.UpdateLead update) {
      leadId = update.leadId();
      writes.add(updateById(c, "Lead", leadId, map(cfg, "Lead", c)));
      if (c.forOrder()) {
        writes.addAll(newContact(storeHash, cfg, c));
      }
    } else {
      throw new IllegalStateException("unexpected decision " + d.decision());
    }
    return new PlannedCustomer(d, contactId, accountId, leadId, writes, null);
  }

  /** A new Contact on its own new household Account. */
  private List<RecordWrite> newContact(String storeHash, SyncConfigs.Loaded cfg, BatchCustomer c) {
    Map<String, Object> fields = new LinkedHashMap<>(map(cfg, "Contact", c).fields());
    fields.put("Account", accountReference(storeHash, c));
    fields.put(SYNCED_AT, clock.instant());
    stores.link(storeHash, "Contact", fields);
    groups.add(storeHash, "Contact", c.ref().document(), fields);
    RecordWrite contact =
        c.ref().isGuest()
            ? RecordWrite.create(c.owner(), "Contact", fields)
            : RecordWrite.upsert(c.owner(), "Contact", CONTACT_KEY, fields);
    return List.of(householdAccount(storeHash, cfg, c), contact);
  }

  /**
   * An existing Contact updated by id; given a household Account when it has none (orders need
   * one). The fields Salesforce owns in the store ({@link CustomerOwnership}, e.g. the phone) are
   * left as Salesforce holds them: a new Contact gets them, an existing one is not overwritten.
   */
  private List<RecordWrite> updateContact(
      String storeHash,
      SyncConfigs.Loaded cfg,
      BatchCustomer c,
      String contactId,
      String accountId) {
    List<RecordWrite> writes = new ArrayList<>();
    Map<String, Object> fields = new LinkedHashMap<>(map(cfg, "Contact", c).fields());
    fields.keySet().removeAll(ownership.contactFieldsOwnedBySalesforce(cfg));
    fields.put(SYNCED_AT, clock.instant());
    stores.link(storeHash, "Contact", fields);
    groups.add(storeHash, "Contact", c.ref().document(), fields);
    if (accountId == null) {
      writes.add(householdAccount(storeHash, cfg, c));
      fields.put("Account", accountReference(storeHash, c));
    }
    writes.add(updateById(c, "Contact", contactId, new MappedRecord("Contact", fields, List.of())));
    return writes;
  }

  /**
   * A Contact someone else owns (a registered customer's, another store's) that a guest's orders go
   * on: none of its fields is written, not even its store or sync time. Only a Contact without an
   * Account gets the guest's household Account, since an order cannot be written without one.
   */
  private List<RecordWrite> attachToContact(
      String storeHash,
      SyncConfigs.Loaded cfg,
      BatchCustomer c,
      String contactId,
      String accountId) {
    if (accountId != null) {
      return List.of();
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Account", accountReference(storeHash, c));
    fields.put("Id", contactId);
    return List.of(
        householdAccount(storeHash, cfg, c), RecordWrite.update(c.owner(), "Contact", fields));
  }

  /** The customer's company Account (B2B), else its own household Account. */
  private RecordWrite householdAccount(String storeHash, SyncConfigs.Loaded cfg, BatchCustomer c) {
    if (c.company() != null) {
      Map<String, Object> company = new LinkedHashMap<>();
      company.put(CompanyRollup.COMPANY_KEY, c.company().key());
      company.put("Name", c.company().name());
      company.put(SYNCED_AT, clock.instant());
      stores.link(storeHash, "Account", company);
      return RecordWrite.upsert(c.owner(), "Account", CompanyRollup.COMPANY_KEY, company);
    }
    Map<String, Object> fields = new LinkedHashMap<>(map(cfg, "Account", c).fields());
    fields.put(ACCOUNT_KEY, c.ref().accountKey(storeHash));
    fields.put(SYNCED_AT, clock.instant());
    stores.link(storeHash, "Account", fields);
    groups.add(storeHash, "Account", c.ref().document(), fields);
    return RecordWrite.upsert(c.owner(), "Account", ACCOUNT_KEY, fields);
  }

  private static ExternalReference accountReference(String storeHash, BatchCustomer c) {
    return c.company() != null
        ? new ExternalReference("Account", CompanyRollup.COMPANY_KEY, c.company().key())
        : new ExternalReference("Account", ACCOUNT_KEY, c.ref().accountKey(storeHash));
  }

  private static RecordWrite updateById(
      BatchCustomer c, String object, String id, MappedRecord record) {
    Map<String, Object> fields = new LinkedHashMap<>(record.fields());
    fields.put("Id", id);
    return RecordWrite.update(c.owner(), object, fields);
  }

  private static MappedRecord map(SyncConfigs.Loaded cfg, String object, BatchCustomer c) {
    return cfg.mapper().mapCustomer(object, c.ref().document());
  }

  /**
   * Colleagues of one company in one batch: Salesforce rejects an upsert call naming the same
   * external id twice (DUPLICATE_VALUE "Duplicate external id specified" for both; the writer would
   * split them into two calls), so the company Account is written once and the others' Contacts
   * reference it.
   */
  private static List<PlannedCustomer> shareCompanyAccounts(List<PlannedCustomer> planned) {
    Map<Object, RecordWrite> first = new HashMap<>();
    List<PlannedCustomer> out = new ArrayList<>();
    for (PlannedCustomer p : planned) {
      RecordWrite shared = null;
      List<RecordWrite> own = new ArrayList<>();
      for (RecordWrite write : p.writes()) {
        if (isCompanyAccount(write)) {
          RecordWrite owner =
              first.putIfAbsent(write.fields().get(CompanyRollup.COMPANY_KEY), write);
          if (owner != null) {
            shared = owner;
            continue;
          }
        }
        own.add(write);
      }
      out.add(shared == null ? p : p.sharing(shared, own));
    }
    return out;
  }

  private static boolean isCompanyAccount(RecordWrite write) {
    return write.sobjectType().equals("Account")
        && CompanyRollup.COMPANY_KEY.equals(write.externalIdField());
  }
}
