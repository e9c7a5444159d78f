package io.bcsync.testsupport.ports;

import io.bcsync.sync.customers.LeadConversion.Converted;
import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.ListCandidateSource;
import io.bcsync.sync.matching.MatchKeys;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.testsupport.ports.OrgRecords.Saved;
import io.bcsync.testsupport.ports.OrgRecords.Stored;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The org's Contacts and Leads as matching candidates, and Leads converted into Contacts. */
final class OrgLeads {
  static final int LEADS_PER_CONVERT_CALL = 100;

  private final OrgRecords data;
  private final OrgCalls calls;

  OrgLeads(OrgRecords data, OrgCalls calls) {
    this.data = data;
    this.calls = calls;
  }

  /**
   * A snapshot of every Contact and unconverted Lead, taken with one query per object when the
   * batch has any key, answered through {@link ListCandidateSource}: like the SOQL source it
   * over-returns, never misses, and refuses keys it was not prefetched for.
   */
  CandidateFinder prefetch(Collection<CustomerProfile> profiles, MatchingConfig config) {
    MatchKeys keys = new MatchKeys(config);
    boolean anyKey =
        profiles.stream()
            .anyMatch(p -> config.rules().stream().anyMatch(r -> keys.keyFor(r, p).isPresent()));
    List<Candidate> candidates = new ArrayList<>();
    if (anyKey) {
      calls.whole("query", "Contact", () -> candidates.addAll(candidates("Contact")));
      calls.whole("query", "Lead", () -> candidates.addAll(candidates("Lead")));
      candidates.addAll(convertedLeadsContacts(candidates));
    }
    return new ListCandidateSource()
        .with(candidates.toArray(Candidate[]::new))
        .prefetch(profiles, config);
  }

  /**
   * As SoqlCandidateSource: a converted Lead keyed to a customer stands for its conversion's
   * Contact, by that key only, unless the Contact carries a key of its own.
   */
  private List<Candidate> convertedLeadsContacts(List<Candidate> found) {
    List<Candidate> viaLeads = new ArrayList<>();
    for (Stored lead : data.live("Lead")) {
      String key = text(lead, "BC_Customer_Id__c");
      String contactId = text(lead, "ConvertedContactId");
      boolean contactKeyed =
          found.stream().anyMatch(c -> c.id().equals(contactId) && c.externalId() != null);
      if (Boolean.TRUE.equals(lead.get("IsConverted"))
          && key != null
          && contactId != null
          && !contactKeyed) {
        viaLeads.add(Candidate.contact(contactId, key, null, null));
      }
    }
    return viaLeads;
  }

  private List<Candidate> candidates(String type) {
    boolean lead = type.equals("Lead");
    return data.live(type).stream()
        .filter(r -> !Boolean.TRUE.equals(r.get("IsConverted")))
        .map(
            r ->
                new Candidate(
                        r.id(),
                        lead ? CandidateKind.LEAD : CandidateKind.CONTACT,
                        text(r, "BC_Customer_Id__c"),
                        text(r, "Email"),
                        text(r, "Phone"),
                        null,
                        null,
                        null)
                    .withName(
                        text(r, "FirstName"),
                        text(r, "LastName"),
                        text(r, lead ? "PostalCode" : "MailingPostalCode"))
                    .withStore(lead ? null : storeOf(r)))
        .toList();
  }

  /** As SoqlCandidateSource reads BC_Store__r.BC_Store_Hash__c: the Contact's store, if linked. */
  private String storeOf(Stored contact) {
    String storeId = text(contact, "BC_Store__c");
    return storeId == null
        ? null
        : data.find(storeId).map(store -> text(store, "BC_Store_Hash__c")).orElse(null);
  }

  /**
   * Each Lead into a new Account (named after its Company) and Contact, as convertLead without an
   * opportunity does. Custom Lead fields are not carried over: that needs a lead field mapping an
   * admin may not have made. A Lead that is gone or already converted is left out of the answer.
   */
  Map<String, Converted> convert(List<String> leadIds) {
    Map<String, Converted> converted = new LinkedHashMap<>();
    for (int from = 0; from < leadIds.size(); from += LEADS_PER_CONVERT_CALL) {
      List<String> chunk =
          leadIds.subList(from, Math.min(leadIds.size(), from + LEADS_PER_CONVERT_CALL));
      calls.whole(
          "convertLead",
          "Lead",
          () -> {
            chunk.forEach(id -> convertOne(id).ifPresent(c -> converted.put(id, c)));
            return null;
          });
    }
    return converted;
  }

  private Optional<Converted> convertOne(String leadId) {
    Optional<Stored> lead =
        data.find(leadId)
            .filter(l -> !l.deleted && l.type.equals("Lead"))
            .filter(l -> !Boolean.TRUE.equals(l.get("IsConverted")));
    if (lead.isEmpty()) {
      return Optional.empty();
    }
    Stored l = lead.get();
    Saved account = data.create("Account", Map.of("Name", l.get("Company")));
    Map<String, Object> contact = new LinkedHashMap<>();
    for (String field : List.of("FirstName", "LastName", "Email", "Phone")) {
      contact.put(field, l.get(field));
    }
    contact.put("AccountId", account.id());
    Saved saved = data.create("Contact", contact);
    l.values.put("IsConverted", true);
    l.values.put("ConvertedAccountId", account.id());
    l.values.put("ConvertedContactId", saved.id());
    return Optional.of(new Converted(saved.id(), account.id()));
  }

  private static String text(Stored record, String field) {
    Object value = record.get(field);
    return value == null ? null : value.toString();
  }
}
