package io.bcsync.sync.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.bcsync.sync.accounts.CompanyRules;
import io.bcsync.sync.identity.Identity;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.MatchDecision;
import io.bcsync.sync.matching.MatchRule;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.testsupport.Mappings;
import io.bcsync.testsupport.ports.InMemoryStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The writes planned for each kind of decision, without calling anything. */
class CustomerWritePlannerTest {
  static final String STORE = "plan1";
  static final Instant NOW = Instant.parse("2024-07-01T08:00:00Z");

  private final CustomerWritePlanner planner =
      new CustomerWritePlanner(Clock.fixed(NOW, ZoneOffset.UTC));
  private final InMemoryStore store = new InMemoryStore();

  @Test
  void a_new_customer_without_an_order_becomes_a_contact_on_its_own_household_account() {
    PlannedCustomer p = plan(decided(customer(1), new MatchDecision.Create(CandidateKind.CONTACT)));

    assertThat(p.writes())
        .extracting(RecordWrite::sobjectType, RecordWrite::operation, RecordWrite::externalIdField)
        .containsExactly(
            tuple("Account", WriteOperation.UPSERT, "BC_Account_Key__c"),
            tuple("Contact", WriteOperation.UPSERT, "BC_Customer_Id__c"));
    assertThat(p.writes().get(0).fields())
        .containsEntry("BC_Account_Key__c", STORE + ":customer:1")
        .containsEntry("BC_Last_Synced__c", NOW);
    assertThat(p.writes().get(1).fields())
        .containsEntry("BC_Customer_Id__c", STORE + ":1")
        .containsEntry(
            "Account",
            new ExternalReference("Account", "BC_Account_Key__c", STORE + ":customer:1"));
  }

  @Test
  void new_customers_as_leads_become_a_lead_unless_an_order_needs_a_contact() {
    PlannedCustomer browser =
        plan(decided(customer(2), new MatchDecision.Create(CandidateKind.LEAD)));
    PlannedCustomer buyer =
        plan(
            decided(
                merge(customer(3), order(301, 3)), new MatchDecision.Create(CandidateKind.LEAD)));

    assertThat(browser.writes())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.sobjectType()).isEqualTo("Lead");
              assertThat(w.externalIdField()).isEqualTo("BC_Customer_Id__c");
            });
    assertThat(buyer.writes())
        .extracting(RecordWrite::sobjectType)
        .containsExactly("Account", "Contact");
  }

  @Test
  void a_guest_becomes_a_contact_created_not_upserted_since_it_has_no_customer_id() {
    PlannedCustomer p =
        plan(
            decided(
                merge(guestOrder(401, "guest@example.com")),
                new MatchDecision.Create(CandidateKind.CONTACT)));

    assertThat(p.writes())
        .extracting(RecordWrite::sobjectType, RecordWrite::operation)
        .containsExactly(
            tuple("Account", WriteOperation.UPSERT), tuple("Contact", WriteOperation.CREATE));
  }

  @Test
  void a_guest_attached_to_someone_elses_contact_writes_none_of_its_fields() {
    DecidedCustomer attached =
        decided(
            merge(guestOrder(402, "registered@example.com")),
            new MatchDecision.UpdateContact("003000000000005AAA", MatchRule.EMAIL, true));

    PlannedCustomer withAccount =
        planner
            .plan(
                STORE,
                Mappings.defaults(),
                List.of(attached),
                Map.of("003000000000005AAA", "001000000000005AAA"))
            .customers()
            .get(0);
    PlannedCustomer withoutAccount = plan(attached);

    assertThat(withAccount.writes()).as("nothing to write: the order goes on as it is").isEmpty();
    assertThat(withAccount.contactId()).isEqualTo("003000000000005AAA");
    assertThat(withAccount.accountId()).isEqualTo("001000000000005AAA");
    assertThat(withoutAccount.writes())
        .extracting(RecordWrite::sobjectType, RecordWrite::operation)
        .containsExactly(
            tuple("Account", WriteOperation.UPSERT), tuple("Contact", WriteOperation.UPDATE));
    assertThat(withoutAccount.writes().get(1).fields())
        .as("only the Account an order needs, no name, e-mail, phone, address or store")
        .containsOnlyKeys("Id", "Account");
  }

  @Test
  void a_matched_contact_is_updated_by_id_and_given_a_household_account_only_when_it_has_none() {
    DecidedCustomer matched =
        decided(
            customer(4), new MatchDecision.UpdateContact("003000000000004AAA", MatchRule.EMAIL));

    PlannedCustomer withAccount =
        planner
            .plan(
                STORE,
                Mappings.defaults(),
                List.of(matched),
                Map.of("003000000000004AAA", "001000000000004AAA"))
            .customers()
            .get(0);
    PlannedCustomer withoutAccount = plan(matched);

    assertThat(withAccount.writes())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.operation()).isEqualTo(WriteOperation.UPDATE);
              assertThat(w.fields())
                  .containsEntry("Id", "003000000000004AAA")
                  .doesNotContainKey("Account");
            });
    assertThat(withAccount.accountId()).isEqualTo("001000000000004AAA");
    assertThat(withoutAccount.writes())
        .extracting(RecordWrite::sobjectType, RecordWrite::operation)
        .containsExactly(
            tuple("Account", WriteOperation.UPSERT), tuple("Contact", WriteOperation.UPDATE));
    assertThat(withoutAccount.writes().get(1).fields()).containsKey("Account");
  }

  @Test
  void a_matched_lead_is_updated_by_id_and_an_order_adds_a_new_contact_next_to_it() {
    MatchDecision lead = new MatchDecision.UpdateLead("00Q000000000005AAA", MatchRule.EMAIL);

    PlannedCustomer customerOnly = plan(decided(customer(5), lead));
    PlannedCustomer withOrder = plan(decided(merge(customer(6), order(601, 6)), lead));

    assertThat(customerOnly.writes())
        .singleElement()
        .satisfies(w -> assertThat(w.fields()).containsEntry("Id", "00Q000000000005AAA"));
    assertThat(customerOnly.leadId()).isEqualTo("00Q000000000005AAA");
    assertThat(withOrder.writes())
        .extracting(RecordWrite::sobjectType, RecordWrite::operation)
        .containsExactly(
            tuple("Lead", WriteOperation.UPDATE),
            tuple("Account", WriteOperation.UPSERT),
            tuple("Contact", WriteOperation.UPSERT));
  }

  @Test
  void a_linked_customer_writes_nothing_for_an_order_and_updates_its_contact_for_its_own_record() {
    Identity link =
        new Identity(
            STORE,
            "customer",
            "7",
            "Contact",
            "003000000000007AAA",
            "001000000000007AAA",
            null,
            1L);

    PlannedCustomer forOrder =
        plan(DecidedCustomer.linked(merge(order(701, 7)).withIdentity(link)));
    PlannedCustomer ownRecord = plan(DecidedCustomer.linked(customer(7).withIdentity(link)));

    assertThat(forOrder.writes()).isEmpty();
    assertThat(forOrder.contactId()).isEqualTo("003000000000007AAA");
    assertThat(forOrder.accountId()).isEqualTo("001000000000007AAA");
    assertThat(ownRecord.writes())
        .singleElement()
        .satisfies(w -> assertThat(w.fields()).containsEntry("Id", "003000000000007AAA"));
  }

  @Test
  void colleagues_of_one_company_share_its_account_write_the_first_one_carries() {
    CompanyRules.Company acme = new CompanyRules.Company(STORE + ":domain:acme.test", "acme.test");
    MatchDecision create = new MatchDecision.Create(CandidateKind.CONTACT);
    DecidedCustomer first = decided(customer(8).withCompany(acme), create);
    DecidedCustomer second = decided(customer(9).withCompany(acme), create);

    List<PlannedCustomer> planned =
        planner.plan(STORE, Mappings.defaults(), List.of(first, second), Map.of()).customers();

    RecordWrite company = planned.get(0).writes().get(0);
    assertThat(company.externalIdField()).isEqualTo("BC_Company_Id__c");
    assertThat(company.fields())
        .containsEntry("BC_Company_Id__c", acme.key())
        .containsEntry("Name", "acme.test");
    assertThat(planned.get(1).writes())
        .extracting(RecordWrite::sobjectType)
        .containsExactly("Contact");
    assertThat(planned.get(1).sharedCompanyWrite()).isSameAs(company);
    assertThat(planned.get(1).writes().get(0).fields())
        .containsEntry("Account", new ExternalReference("Account", "BC_Company_Id__c", acme.key()));
  }

  // --- helpers ---

  private PlannedCustomer plan(DecidedCustomer decided) {
    Continuing<PlannedCustomer> planned =
        planner.plan(STORE, Mappings.defaults(), List.of(decided), Map.of());
    assertThat(planned.stopped()).isEmpty();
    return planned.customers().get(0);
  }

  private static DecidedCustomer decided(BatchCustomer customer, MatchDecision decision) {
    return new DecidedCustomer(customer, decision, false, null);
  }

  private BatchCustomer customer(long id) {
    return merge(customerNeed(id));
  }

  private static BatchCustomer merge(CustomerNeed... needs) {
    List<BatchCustomer> merged = BatchCustomer.merge(List.of(needs));
    assertThat(merged).hasSize(1);
    return merged.get(0);
  }

  private static BatchCustomer merge(BatchCustomer customer, CustomerNeed order) {
    List<CustomerNeed> needs = new java.util.ArrayList<>(customer.needs());
    needs.add(order);
    return merge(needs.toArray(CustomerNeed[]::new));
  }

  private CustomerNeed customerNeed(long id) {
    var document = store.customer(STORE, id).email("c" + id + "@example.com").document();
    return new CustomerNeed(
        CustomerRef.ofCustomer(STORE, document.json(), document.modifiedMs()), id, false);
  }

  private CustomerNeed order(long orderId, long customerId) {
    var document = store.order(STORE, orderId, customerId).document();
    return new CustomerNeed(
        CustomerRef.ofOrder(STORE, document.json()).orElseThrow(), orderId, true);
  }

  private CustomerNeed guestOrder(long orderId, String email) {
    var document = store.guestOrder(STORE, orderId, email).document();
    return new CustomerNeed(
        CustomerRef.ofOrder(STORE, document.json()).orElseThrow(), orderId, true);
  }
}
