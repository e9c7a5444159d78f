package io.bcsync.salesforce.lookup;

import com.sforce.soap.partner.sobject.SObject;
import io.bcsync.config.SalesforceConfigured;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.SalesforceSession;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchKey;
import io.bcsync.sync.matching.MatchKeys;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.matching.MatchingConfig;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
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

  public SoqlCandidateSource(SalesforceConnector connector) {
    this.connector = connector;
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
    List<Candidate> found = new ArrayList<>();
    if (!wanted.isEmpty()) {
      SalesforceSession session = connector.session();
      for (CandidateKind kind : CandidateKind.values()) {
        CandidateQueries queries = new CandidateQueries(kind, config.foldPlusAddresses());
        for (String soql : queries.statements(wanted, typedEmails, WHERE_BUDGET)) {
          SalesforceQueries.forEachPage(
              session,
              soql,
              PAGE_SIZE,
              page ->
                  page.stream()
                      .filter(row -> !isConvertedLead(row))
                      .forEach(row -> found.add(candidate(kind, queries, row))));
        }
      }
    }
    LOG.debug(
        "Prefetched {} candidates for {} match keys of {} customers",
        found.size(),
        wanted.size(),
        profiles.size());
    return new CandidateSnapshot(wanted, found, keys);
  }

  /** The query already excludes converted Leads; this is the belt to those braces. */
  private static boolean isConvertedLead(SObject row) {
    return "Lead".equals(row.getType()) && "true".equalsIgnoreCase(text(row, "IsConverted"));
  }

  private static Candidate candidate(CandidateKind kind, CandidateQueries queries, SObject row) {
    return new Candidate(
        row.getId(),
        kind,
        text(row, "BC_Customer_Id__c"),
        text(row, "Email"),
        text(row, "Phone"),
        text(row, "FirstName"),
        text(row, "LastName"),
        text(row, queries.postalCodeField()));
  }

  private static String text(SObject row, String field) {
    Object value = row.getField(field);
    return value == null ? null : value.toString();
  }
}
