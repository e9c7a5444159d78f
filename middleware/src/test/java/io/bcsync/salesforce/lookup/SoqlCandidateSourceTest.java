package io.bcsync.salesforce.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.sync.matching.Candidate;
import io.bcsync.sync.matching.CandidateFinder;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.matching.CustomerMatcher;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.matching.MatchKey;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Batch candidate lookups and lead conversion through force-wsc against the simulated org. */
@MicronautTest(transactional = false)
class SoqlCandidateSourceTest extends SimulatedOrgTest {

  @Inject CandidateSource source;
  @Inject LeadConverter converter;

  private String create(String type, Map<String, Object> fields) {
    var outcome = sim.createAsUser(type, fields);
    assertThat(outcome.success()).as("creating %s: %s", type, outcome.errors()).isTrue();
    return outcome.id();
  }

  private static CustomerProfile profile(
      String store, Long id, String email, String first, String last, String phone, String postal) {
    return new CustomerProfile(
        "customer " + id, store, id, email, first, last, null, phone, postal, "US");
  }

  @Test
  void every_rule_finds_its_records_case_and_spacing_aside_and_converted_leads_never()
      throws Exception {
    String store = "s" + UUID.randomUUID().toString().substring(0, 6);
    String byId =
        create("Contact", Map.of("LastName", "Linked", "BC_Customer_Id__c", store + ":1"));
    String byEmail =
        create("Contact", Map.of("LastName", "Mixed", "Email", "Bea.Mixed@Example.COM"));
    String byPhone =
        create("Lead", Map.of("LastName", "Caller", "Company", "Home", "Phone", "(512) 555-0123"));
    String byName =
        create(
            "Contact",
            Map.of(
                "FirstName", "Ann", "LastName", "Van der Berg", "MailingPostalCode", "SW1A 1AA"));
    String converted =
        create(
            "Lead",
            Map.of("LastName", "Gone", "Company", "Gone Ltd", "Email", store + "@conv.example"));
    LeadConversionResult conversion =
        converter.convert(List.of(LeadConversion.intoNewRecords(converted))).get(0);
    assertThat(conversion.success()).as("%s", conversion.errors()).isTrue();

    List<CustomerProfile> profiles =
        List.of(
            profile(store, 1L, "someone@else.example", "A", "B", null, null),
            profile(store, 2L, "  BEA.MIXED@example.com ", "Bea", "Mixed", null, null),
            profile(store, 3L, null, "Cal", "Caller", "+1 512 555 0123", null),
            profile(store, 4L, null, "ann", "Vanderberg", null, "sw1a1aa"),
            profile(store, 5L, store + "@CONV.example", "Gone", "Gone", null, null));
    MatchingConfig config = MatchingConfig.defaults();

    CandidateFinder finder = source.prefetch(profiles, config);

    assertThat(ids(finder.find(new MatchKey.ExternalId(store + ":1")))).containsExactly(byId);
    assertThat(ids(finder.find(new MatchKey.Email("bea.mixed@example.com"))))
        .containsExactly(byEmail);
    assertThat(ids(finder.find(new MatchKey.Phone("+15125550123")))).contains(byPhone);
    assertThat(ids(finder.find(new MatchKey.NameAndPostalCode("ann", "vanderberg", "sw1a1aa"))))
        .containsExactly(byName);
    List<Candidate> afterConversion = finder.find(new MatchKey.Email(store + "@conv.example"));
    assertThat(afterConversion).extracting(Candidate::kind).containsExactly(CandidateKind.CONTACT);
    assertThat(ids(afterConversion))
        .containsExactly(conversion.contactId())
        .doesNotContain(converted);

    CustomerMatcher matcher = new CustomerMatcher(config, finder);
    assertThat(matcher.match(profiles.get(0)))
        .isEqualTo(new MatchDecision.UpdateContact(byId, MatchRule.EXTERNAL_ID));
    assertThat(matcher.match(profiles.get(1)))
        .isEqualTo(new MatchDecision.UpdateContact(byEmail, MatchRule.EMAIL));
    assertThat(matcher.match(profiles.get(2)))
        .isEqualTo(new MatchDecision.UpdateLead(byPhone, MatchRule.PHONE));
    assertThat(matcher.match(profiles.get(3))).isInstanceOf(MatchDecision.Review.class);

    assertThatThrownBy(() -> finder.find(new MatchKey.Email("not-in-this-batch@example.com")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("not-in-this-batch");
  }

  @Test
  void contacts_are_read_with_their_store_so_another_stores_guest_is_no_candidate()
      throws Exception {
    String mine = "m" + UUID.randomUUID().toString().substring(0, 6);
    String other = "o" + UUID.randomUUID().toString().substring(0, 6);
    String otherStore =
        create("BC_Store__c", Map.of("Name", "Other store", "BC_Store_Hash__c", other));
    String email = "guest@" + mine + ".example";
    String othersGuest =
        create("Contact", Map.of("LastName", "Guest", "Email", email, "BC_Store__c", otherStore));
    CustomerProfile guest =
        new CustomerProfile(
            "guest order 1", mine, null, email, "Gus", "Guest", null, null, null, "US");

    CandidateFinder finder = source.prefetch(List.of(guest), MatchingConfig.defaults());

    assertThat(finder.find(new MatchKey.Email(email)))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.id()).isEqualTo(othersGuest);
              assertThat(c.storeHash()).isEqualTo(other);
            });
    assertThat(new CustomerMatcher(MatchingConfig.defaults(), finder).match(guest))
        .as("another store's Contact is not matched by default")
        .isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
    assertThat(
            new CustomerMatcher(MatchingConfig.defaults().withMatchAcrossStores(true), finder)
                .match(guest))
        .isEqualTo(new MatchDecision.UpdateContact(othersGuest, MatchRule.EMAIL, true));
  }

  @Test
  void a_failed_lookup_is_retried_without_the_fault_that_could_quote_the_shoppers_data() {
    sim.faults().failNext("query", "Contact", "QUERY_TIMEOUT", 1);
    CustomerProfile guest =
        new CustomerProfile(
            "guest order 1", "f1", null, "quoted@example.com", "Q", "Q", null, null, null, "US");

    assertThatThrownBy(() -> source.prefetch(List.of(guest), MatchingConfig.defaults()))
        .isInstanceOf(io.bcsync.salesforce.writer.SalesforceUnreachableException.class)
        .hasMessageContaining("QUERY_TIMEOUT")
        .hasNoCause();
  }

  @Test
  void a_converted_lead_keyed_to_the_customer_stands_for_its_conversions_contact()
      throws Exception {
    String store = "k" + UUID.randomUUID().toString().substring(0, 6);
    String keyed =
        create(
            "Lead",
            Map.of(
                "LastName",
                "Keyed",
                "Company",
                "Keyed Ltd",
                "Email",
                "old@" + store + ".example",
                "BC_Customer_Id__c",
                store + ":9"));
    String unkeyed =
        create(
            "Lead",
            Map.of(
                "LastName", "Other", "Company", "Other Ltd", "Email", "o@" + store + ".example"));
    List<LeadConversionResult> conversions =
        converter.convert(
            List.of(LeadConversion.intoNewRecords(keyed), LeadConversion.intoNewRecords(unkeyed)));
    assertThat(conversions).allMatch(LeadConversionResult::success);
    // The org's Lead field mapping does not carry BC_Customer_Id__c to the Contact.
    assertThat(sim.record(conversions.get(0).contactId()).orElseThrow().get("BC_Customer_Id__c"))
        .isNull();
    CustomerProfile customer =
        profile(store, 9L, "new@" + store + ".example", "Kay", "Keyed", null, null);
    CustomerProfile other =
        profile(store, 10L, "o@" + store + ".example", "O", "Other", null, null);
    MatchingConfig config = MatchingConfig.defaults();

    CandidateFinder finder = source.prefetch(List.of(customer, other), config);

    assertThat(ids(finder.find(new MatchKey.ExternalId(store + ":9"))))
        .containsExactly(conversions.get(0).contactId());
    CustomerMatcher matcher = new CustomerMatcher(config, finder);
    assertThat(matcher.match(customer))
        .isEqualTo(
            new MatchDecision.UpdateContact(conversions.get(0).contactId(), MatchRule.EXTERNAL_ID));
    assertThat(ids(finder.find(new MatchKey.Email("o@" + store + ".example"))))
        .as("a converted Lead without a key is no candidate; its Contact is, by its own e-mail")
        .containsExactly(conversions.get(1).contactId());
  }

  @Test
  void plus_addresses_are_found_when_folding_is_on() throws Exception {
    String store = "p" + UUID.randomUUID().toString().substring(0, 6);
    String tagged =
        create("Contact", Map.of("LastName", "Tag", "Email", "Jo+Shop@" + store + ".example"));
    MatchingConfig config = MatchingConfig.defaults().withFoldPlusAddresses(true);
    CustomerProfile jo = profile(store, null, "jo@" + store + ".example", "Jo", "Tag", null, null);
    jo =
        new CustomerProfile(
            "guest order 7", store, null, jo.email(), "Jo", "Tag", null, null, null, "US");

    CandidateFinder finder = source.prefetch(List.of(jo), config);

    assertThat(new CustomerMatcher(config, finder).match(jo))
        .isEqualTo(new MatchDecision.UpdateContact(tagged, MatchRule.EMAIL));
  }

  @Test
  void five_hundred_customers_cost_a_handful_of_queries() throws Exception {
    String store = "b" + UUID.randomUUID().toString().substring(0, 6);
    List<CustomerProfile> profiles = new ArrayList<>();
    Map<Long, String> contactIds = new HashMap<>();
    for (long i = 1; i <= 500; i++) {
      String phone = String.format("+1 512 550 %04d", i);
      String email = "buyer" + i + "@" + store + ".example";
      if (i % 2 == 0) { // half of them already in Salesforce
        contactIds.put(
            i,
            create(
                "Contact",
                Map.of(
                    "LastName",
                    "Buyer" + i,
                    "FirstName",
                    "B",
                    "BC_Customer_Id__c",
                    store + ":" + i,
                    "Email",
                    email,
                    "Phone",
                    phone,
                    "MailingPostalCode",
                    "78108")));
      }
      profiles.add(profile(store, i, email, "B", "Buyer" + i, phone, "78108"));
    }
    MatchingConfig config = MatchingConfig.defaults();
    sim.resetApiCalls();

    CandidateFinder finder = source.prefetch(profiles, config);

    long calls = sim.apiCallCount("query") + sim.apiCallCount("queryMore");
    // Contact and Lead: one statement for ids and emails, two for the phone and name scans, each
    assertThat(calls).isEqualTo(6);
    CustomerMatcher matcher = new CustomerMatcher(config, finder);
    for (CustomerProfile profile : profiles) {
      MatchDecision decision = matcher.match(profile);
      String known = contactIds.get(profile.customerId());
      if (known != null) {
        assertThat(decision)
            .isEqualTo(new MatchDecision.UpdateContact(known, MatchRule.EXTERNAL_ID));
      } else {
        assertThat(decision).isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
      }
    }
  }

  private static List<String> ids(List<Candidate> candidates) {
    return candidates.stream().map(Candidate::id).toList();
  }
}
