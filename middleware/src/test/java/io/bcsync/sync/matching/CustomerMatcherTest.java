package io.bcsync.sync.matching;

import static io.bcsync.sync.matching.Customers.STORE;
import static io.bcsync.sync.matching.Customers.guest;
import static io.bcsync.sync.matching.Customers.guestNamed;
import static io.bcsync.sync.matching.Customers.registered;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerMatcherTest {
  private final InMemoryCandidateFinder salesforce = new InMemoryCandidateFinder();

  private MatchDecision match(CustomerProfile customer) {
    return match(MatchingConfig.defaults(), customer);
  }

  private MatchDecision match(MatchingConfig config, CustomerProfile customer) {
    return new CustomerMatcher(config, salesforce).match(customer);
  }

  @Test
  void unknown_customer_is_created_as_configured() {
    assertThat(match(registered(11, "jane@example.com")))
        .isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
    assertThat(
            match(
                MatchingConfig.defaults().withNewCustomersAs(CandidateKind.LEAD),
                registered(11, "jane@example.com")))
        .isEqualTo(new MatchDecision.Create(CandidateKind.LEAD));
  }

  @Test
  void external_id_wins_even_when_the_email_changed() {
    salesforce.with(
        Candidate.contact("003A", STORE + ":11", "old@example.com", null),
        Candidate.contact("003B", null, "jane@example.com", null));

    MatchDecision decision = match(registered(11, "jane@example.com"));

    assertThat(decision).isEqualTo(new MatchDecision.UpdateContact("003A", MatchRule.EXTERNAL_ID));
  }

  @Test
  void the_external_id_is_store_qualified() {
    salesforce.with(Candidate.contact("003A", "otherstore:11", "someone@example.com", null));

    assertThat(match(registered(11, "jane@example.com")))
        .isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
  }

  @Test
  void email_is_trimmed_and_compared_ignoring_case() {
    salesforce.with(Candidate.contact("003A", null, "jane.doe@example.com", null));

    MatchDecision decision = match(registered(11, "  Jane.Doe@EXAMPLE.com "));

    assertThat(decision).isEqualTo(new MatchDecision.UpdateContact("003A", MatchRule.EMAIL));
  }

  @Test
  void three_customers_sharing_one_email_in_different_case_never_merge_silently() {
    // Customer 1 was synced earlier: its Contact carries its external id.
    salesforce.with(Candidate.contact("003A", STORE + ":1", "Jo@Example.com", null));

    assertThat(match(registered(1, "jo@example.com")))
        .isEqualTo(new MatchDecision.UpdateContact("003A", MatchRule.EXTERNAL_ID));
    for (CustomerProfile other :
        List.of(registered(2, "JO@example.com"), registered(3, "jo@EXAMPLE.COM"))) {
      MatchDecision decision = match(other);
      assertThat(decision).isInstanceOf(MatchDecision.Review.class);
      MatchDecision.Review review = (MatchDecision.Review) decision;
      assertThat(review.rule()).isEqualTo(MatchRule.EMAIL);
      assertThat(review.candidates()).extracting(Candidate::id).containsExactly("003A");
      assertThat(review.reason()).contains("linked to BigCommerce customer " + STORE + ":1");
    }
  }

  @Test
  void a_guest_with_a_registered_customers_email_attaches_to_its_contact_without_writing_it() {
    salesforce.with(Candidate.contact("003A", STORE + ":1", "jo@example.com", null));

    assertThat(match(guest("JO@example.com", null)))
        .isEqualTo(new MatchDecision.UpdateContact("003A", MatchRule.EMAIL, true));
  }

  @Test
  void a_guest_matching_a_contact_no_customer_or_store_owns_updates_it() {
    salesforce.with(
        Candidate.contact("003A", null, "jo@example.com", null),
        Candidate.contact("003B", null, "bo@example.com", null).withStore(STORE));

    assertThat(match(guest("jo@example.com", null)))
        .isEqualTo(new MatchDecision.UpdateContact("003A", MatchRule.EMAIL, false));
    assertThat(match(guest("bo@example.com", null)))
        .isEqualTo(new MatchDecision.UpdateContact("003B", MatchRule.EMAIL, false));
  }

  @Test
  void another_stores_records_are_no_candidates_unless_matching_across_stores() {
    salesforce.with(
        Candidate.contact("003A", "otherstore:7", "jo@example.com", null),
        Candidate.contact("003B", null, "bo@example.com", null).withStore("otherstore"),
        Candidate.lead("00QC", "otherstore:8", "lee@example.com", null));
    MatchingConfig across = MatchingConfig.defaults().withMatchAcrossStores(true);

    for (String email : List.of("jo@example.com", "bo@example.com", "lee@example.com")) {
      assertThat(match(guest(email, null)))
          .isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
      assertThat(match(registered(11, email)))
          .isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
    }
    assertThat(match(across, guest("jo@example.com", null)))
        .as("found across stores, never rewritten")
        .isEqualTo(new MatchDecision.UpdateContact("003A", MatchRule.EMAIL, true));
    assertThat(match(across, guest("bo@example.com", null)))
        .isEqualTo(new MatchDecision.UpdateContact("003B", MatchRule.EMAIL, true));
    assertThat(match(across, registered(11, "jo@example.com")))
        .isInstanceOf(MatchDecision.Review.class);
    MatchDecision otherStoresGuest = match(across, registered(11, "bo@example.com"));
    assertThat(otherStoresGuest).isInstanceOf(MatchDecision.Review.class);
    assertThat(((MatchDecision.Review) otherStoresGuest).reason())
        .contains("a record of store otherstore");
    assertThat(match(across, guest("lee@example.com", null)))
        .as("a guest would update or convert the Lead")
        .isInstanceOf(MatchDecision.Review.class);
  }

  @Test
  void a_guest_matching_a_registered_customers_lead_goes_to_review() {
    salesforce.with(Candidate.lead("00QA", STORE + ":1", "jo@example.com", null));

    MatchDecision decision = match(guest("jo@example.com", null));

    assertThat(decision).isInstanceOf(MatchDecision.Review.class);
    assertThat(((MatchDecision.Review) decision).reason())
        .contains("a Lead of BigCommerce customer " + STORE + ":1")
        .doesNotContain("jo@example.com");
  }

  @Test
  void two_candidates_of_which_one_belongs_to_another_store_match_the_other_alone() {
    salesforce.with(
        Candidate.contact("003A", null, "jo@example.com", null).withStore("otherstore"),
        Candidate.contact("003B", null, "jo@example.com", null).withStore(STORE));

    assertThat(match(guest("jo@example.com", null)))
        .isEqualTo(new MatchDecision.UpdateContact("003B", MatchRule.EMAIL, false));
    assertThat(
            match(
                MatchingConfig.defaults().withMatchAcrossStores(true),
                guest("jo@example.com", null)))
        .as("ambiguous across stores")
        .isInstanceOf(MatchDecision.Review.class);
  }

  @Test
  void plus_addresses_are_folded_only_when_configured() {
    salesforce.with(Candidate.contact("003A", null, "jane+shop@example.com", null));
    CustomerProfile customer = guest("jane@example.com", null);

    assertThat(match(customer)).isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
    assertThat(match(MatchingConfig.defaults().withFoldPlusAddresses(true), customer))
        .isEqualTo(new MatchDecision.UpdateContact("003A", MatchRule.EMAIL));
  }

  @Test
  void a_finder_that_over_returns_cannot_produce_a_match() {
    // The email LIKE lookup also returns janet@example.com for jane@example.com; that is not a
    // match.
    salesforce.with(Candidate.contact("003A", null, "janet@example.com", null));

    assertThat(match(guest("jane@example.com", null)))
        .isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
  }

  @Test
  void phone_matches_in_any_format_once_normalised() {
    salesforce.with(Candidate.contact("003A", null, null, "+1 (512) 555-0123"));

    MatchDecision decision = match(guest(null, "512.555.0123"));

    assertThat(decision).isEqualTo(new MatchDecision.UpdateContact("003A", MatchRule.PHONE));
  }

  @Test
  void an_invalid_phone_is_not_a_match_key() {
    salesforce.with(
        Candidate.contact("003A", null, null, "123"),
        Candidate.contact("003B", null, null, "000-0000"));

    MatchDecision decision = match(guest(null, "123"));

    assertThat(decision).isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
    assertThat(salesforce.lookups).noneMatch(key -> key instanceof MatchKey.Phone);
  }

  @Test
  void same_phone_with_a_different_email_goes_to_review() {
    salesforce.with(Candidate.contact("003A", null, "partner@example.com", "+15125550123"));

    MatchDecision decision = match(guest("jane@example.com", "(512) 555-0123"));

    assertThat(decision).isInstanceOf(MatchDecision.Review.class);
    assertThat(decision.matchedBy()).contains(MatchRule.PHONE);
    assertThat(((MatchDecision.Review) decision).reason()).contains("different email");
  }

  @Test
  void several_candidates_by_one_rule_go_to_review_with_all_of_them() {
    salesforce.with(
        Candidate.contact("003A", null, "jane@example.com", null),
        Candidate.lead("00QB", null, "JANE@example.com", null));

    MatchDecision decision = match(guest("jane@example.com", null));

    assertThat(decision).isInstanceOf(MatchDecision.Review.class);
    MatchDecision.Review review = (MatchDecision.Review) decision;
    assertThat(review.candidates()).extracting(Candidate::id).containsExactly("003A", "00QB");
    assertThat(review.rule()).isEqualTo(MatchRule.EMAIL);
    assertThat(review.reason()).isEqualTo("2 records match by email");
  }

  @Test
  void a_matching_lead_is_updated_or_converted_by_configuration() {
    salesforce.with(Candidate.lead("00QA", null, "jane@example.com", null));
    CustomerProfile customer = registered(11, "jane@example.com");

    assertThat(match(customer)).isEqualTo(new MatchDecision.UpdateLead("00QA", MatchRule.EMAIL));
    assertThat(match(MatchingConfig.defaults().withLeadPolicy(LeadPolicy.CONVERT_LEAD), customer))
        .isEqualTo(new MatchDecision.ConvertLead("00QA", MatchRule.EMAIL));
  }

  @Test
  void name_and_postal_code_is_only_ever_a_review_hint() {
    salesforce.with(
        Candidate.contact("003A", null, null, null).withName("Ann", "Smith", "SW1A 1AA"));

    MatchDecision decision = match(guestNamed("ann", "SMITH", "sw1a1aa"));

    assertThat(decision).isInstanceOf(MatchDecision.Review.class);
    assertThat(decision.matchedBy()).contains(MatchRule.NAME_AND_POSTAL_CODE);
    assertThat(match(guestNamed("Anne", "Smith", "SW1A 1AA")))
        .isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
  }

  @Test
  void rules_run_in_the_configured_order_and_the_first_hit_decides() {
    salesforce.with(
        Candidate.contact("003EMAIL", null, "jane@example.com", null),
        Candidate.contact("003PHONE", null, null, "+15125550123"));
    CustomerProfile customer = guest("jane@example.com", "512-555-0123");

    assertThat(match(customer))
        .isEqualTo(new MatchDecision.UpdateContact("003EMAIL", MatchRule.EMAIL));
    assertThat(
            match(
                MatchingConfig.defaults().withRules(List.of(MatchRule.PHONE, MatchRule.EMAIL)),
                customer))
        .isEqualTo(new MatchDecision.UpdateContact("003PHONE", MatchRule.PHONE));
  }

  @Test
  void a_rule_left_out_of_the_list_is_never_consulted() {
    salesforce.with(Candidate.contact("003A", null, null, "+15125550123"));

    MatchDecision decision =
        match(
            MatchingConfig.defaults().withRules(List.of(MatchRule.EXTERNAL_ID, MatchRule.EMAIL)),
            guest("jane@example.com", "512-555-0123"));

    assertThat(decision).isEqualTo(new MatchDecision.Create(CandidateKind.CONTACT));
    assertThat(salesforce.lookups).noneMatch(key -> key instanceof MatchKey.Phone);
  }
}
