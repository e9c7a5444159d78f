package io.bcsync.salesforce.lookup;

import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.bind.XmlObject;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.salesforce.writer.SalesforceErrors;
import io.bcsync.salesforce.writer.SalesforceUnreachableException;
import io.bcsync.sync.mapping.SalesforceSchema;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchKey;
import io.bcsync.sync.matching.MatchKeys;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.stores.StoreRecords;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up a whole batch of customers in Salesforce with a handful of SOQL queries (see {@link
 * CandidateQueries} for what is asked and why it cannot miss), instead of one query per customer
 * and rule.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class SoqlCandidateSource implements CandidateSource {
  private static final Logger LOG = LoggerFactory.getLogger(SoqlCandidateSource.class);

  /** WHERE characters per statement: far under SOQL's 100,000-character statement limit. */
  static final int WHERE_BUDGET = 30_000;

  /** queryMore page size: the largest Salesforce allows, fewest calls for a big batch. */
  static final int PAGE_SIZE = 2_000;

  private final SalesforceConnector connector;
  private final boolean contactStores;

  /** A source that does not read Contacts' stores: for an org without the store lookup. */
  public SoqlCandidateSource(SalesforceConnector connector) {
    this(connector, false);
  }

  @Inject
  public SoqlCandidateSource(SalesforceConnector connector, SalesforceSchema schema) {
    this(
        connector,
        schema.object("Contact").flatMap(o -> o.field(StoreRecords.OBJECT)).isPresent()
            && schema
                .object(StoreRecords.OBJECT)
                .flatMap(o -> o.field(StoreRecords.KEY))
                .isPresent());
  }

  SoqlCandidateSource(SalesforceConnector connector, boolean contactStores) {
    this.connector = connector;
    this.contactStores = contactStores;
  }

  @Override
  public CandidateFinder prefetch(Collection<CustomerProfile> profiles, MatchingConfig config)
      throws Exception {
    MatchKeys keys = new MatchKeys(config);
    Set<MatchKey> wanted = new LinkedHashSet<>();
    Set<String> typedEmails = new LinkedHashSet<>();
    for (CustomerProfile profile : profiles) {
      for (MatchRule rule : config.rules()) {
        keys.keyFor(rule, profile)
            .ifPresent(
                key -> {
                  wanted.add(key);
                  if (key instanceof MatchKey.Email
                      && !profile.email().strip().equals(((MatchKey.Email) key).normalised())) {
                    typedEmails.add(profile.email().strip());
                  }
                });
      }
    }
    Map<String, Candidate> found = new LinkedHashMap<>();
    if (!wanted.isEmpty()) {
      SalesforceSession session = connector.session();
      for (CandidateKind kind : CandidateKind.values()) {
        CandidateQueries queries =
            new CandidateQueries(kind, config.foldPlusAddresses(), contactStores);
        for (String soql : queries.statements(wanted, typedEmails, WHERE_BUDGET)) {
          try {
            SalesforceQueries.forEachPage(
                session,
                soql,
                PAGE_SIZE,
                page -> page.forEach(row -> add(found, candidateOf(kind, queries, row))));
          } catch (ConnectionException e) {
            // Without the fault as cause: a query fault can quote the statement, whose literals
            // are shoppers' e-mails, phones and names, and the cause's text would be logged with
            // the failed batch. Its code and redacted message are kept.
            throw new SalesforceUnreachableException(
                "looking up the "
                    + kind.name().toLowerCase(Locale.ROOT)
                    + " candidates of "
                    + profiles.size()
                    + " customers",
                SalesforceErrors.ofCallFailure(e),
                null,
                SalesforceUnreachableException.query(soql));
          }
        }
      }
    }
    LOG.debug(
        "Prefetched {} candidates for {} match keys of {} customers",
        found.size(),
        wanted.size(),
        profiles.size());
    return new CandidateSnapshot(wanted, found.values(), keys);
  }

  private static Candidate candidateOf(CandidateKind kind, CandidateQueries queries, SObject row) {
    if (!"Lead".equals(row.getType()) || !"true".equalsIgnoreCase(text(row, "IsConverted"))) {
      return candidate(kind, queries, row);
    }
    return convertedLeadsContact(row);
  }

  /**
   * A converted Lead keyed to a BigCommerce customer stands for its conversion's Contact, found by
   * that key only. After a convertLead whose answer was lost (or a conversion done by a person),
   * the Lead is converted and the Contact may not carry the key yet (a conversion copies custom
   * fields only as the org's Lead field mapping says); without this the retry would find neither
   * and create a second Contact. No e-mail, phone or name: those are the Lead's, perhaps outdated,
   * and the Contact query finds the Contact by its own. Null for any other converted Lead.
   */
  static Candidate convertedLeadsContact(SObject lead) {
    String contactId = text(lead, "ConvertedContactId");
    String key = text(lead, "BC_Customer_Id__c");
    if (contactId == null || key == null || key.isBlank()) {
      return null;
    }
    return Candidate.contact(contactId, key, null, null);
  }

  /**
   * One candidate per record: a Contact found by its own fields and through a converted Lead is one
   * Contact, carrying the Lead's key when it has none of its own.
   */
  private static void add(Map<String, Candidate> found, Candidate candidate) {
    if (candidate == null) {
      return;
    }
    found.merge(
        candidate.id(),
        candidate,
        (existing, viaLead) ->
            existing.externalId() == null || existing.externalId().isBlank()
                ? new Candidate(
                    existing.id(),
                    existing.kind(),
                    viaLead.externalId(),
                    existing.email(),
                    existing.phone(),
                    existing.firstName(),
                    existing.lastName(),
                    existing.postalCode(),
                    existing.storeHash())
                : existing);
  }

  private static Candidate candidate(CandidateKind kind, CandidateQueries queries, SObject row) {
    Candidate candidate =
        new Candidate(
            row.getId(),
            kind,
            text(row, "BC_Customer_Id__c"),
            text(row, "Email"),
            text(row, "Phone"),
            text(row, "FirstName"),
            text(row, "LastName"),
            text(row, queries.postalCodeField()));
    return queries.readsStore() ? candidate.withStore(storeOf(row)) : candidate;
  }

  /** The Contact's store hash through its nested {@code BC_Store__r} record, if it has one. */
  private static String storeOf(XmlObject row) {
    Object value = row;
    for (String segment : CandidateQueries.STORE_PATH.split("\\.")) {
      if (!(value instanceof XmlObject object)) {
        return null;
      }
      value = object.getField(segment);
    }
    return value == null || value.toString().isBlank() ? null : value.toString();
  }

  private static String text(SObject row, String field) {
    Object value = row.getField(field);
    return value == null ? null : value.toString();
  }
}
