package io.bcsync.testsupport;

import com.sforce.soap.partner.sobject.SObject;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchKey;
import io.bcsync.sync.matching.MatchingConfig;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * TEST FAKE of the CandidateSource port (the real, SOQL-per-key one is built elsewhere): reads every Contact and Lead
 * of the simulated org once per batch and answers keys in memory, over-returning the way the CandidateFinder
 * contract allows. Fine for an org of a few dozen test records; never for a real one.
 */
@Singleton
@Requires(property = "test.fake-salesforce-lookups", value = "true")
public class FakeWholeOrgCandidateSource implements CandidateSource {
  private final SalesforceConnector connector;

  public FakeWholeOrgCandidateSource(SalesforceConnector connector) {
    this.connector = connector;
  }

  @Override
  public CandidateFinder prefetch(Collection<CustomerProfile> profiles, MatchingConfig config) throws Exception {
    List<Candidate> records = new ArrayList<>();
    for (SObject c : SalesforceQueries.queryAll(connector.session(), "SELECT Id, BC_Customer_Id__c, Email, Phone,"
        + " FirstName, LastName, MailingPostalCode FROM Contact")) {
      records.add(new Candidate(c.getId(), CandidateKind.CONTACT, text(c, "BC_Customer_Id__c"), text(c, "Email"),
          text(c, "Phone"), text(c, "FirstName"), text(c, "LastName"), text(c, "MailingPostalCode")));
    }
    for (SObject l : SalesforceQueries.queryAll(connector.session(), "SELECT Id, BC_Customer_Id__c, Email, Phone,"
        + " FirstName, LastName, PostalCode FROM Lead")) {
      records.add(new Candidate(l.getId(), CandidateKind.LEAD, text(l, "BC_Customer_Id__c"), text(l, "Email"),
          text(l, "Phone"), text(l, "FirstName"), text(l, "LastName"), text(l, "PostalCode")));
    }
    return key -> records.stream().filter(record -> mightMatch(key, record)).toList();
  }

  private static boolean mightMatch(MatchKey key, Candidate record) {
    if (key instanceof MatchKey.ExternalId id) {
      return id.value().equalsIgnoreCase(String.valueOf(record.externalId()));
    }
    if (key instanceof MatchKey.Email email) {
      if (record.email() == null) {
        return false;
      }
      String stored = record.email().strip().toLowerCase(Locale.ROOT);
      String[] parts = email.normalised().split("@");
      return stored.startsWith(parts[0]) && stored.endsWith("@" + parts[1]);
    }
    if (key instanceof MatchKey.Phone) {
      return record.phone() != null;
    }
    MatchKey.NameAndPostalCode name = (MatchKey.NameAndPostalCode) key;
    return record.lastName() != null && record.lastName().equalsIgnoreCase(name.lastName());
  }

  private static String text(SObject record, String field) {
    Object value = record.getField(field);
    return value == null || value.toString().isBlank() ? null : value.toString();
  }
}
