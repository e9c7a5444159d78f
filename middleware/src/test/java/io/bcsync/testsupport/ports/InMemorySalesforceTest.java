package io.bcsync.testsupport.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.salesforce.writer.SalesforceUnreachableException;
import io.bcsync.sync.catalog.ProductLine;
import io.bcsync.sync.matching.CandidateKind;
import io.bcsync.sync.matching.CustomerProfile;
import io.bcsync.sync.matching.MatchKey;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.SimulatedSalesforce;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The in-memory org answers as Salesforce does (../shared/reference/salesforce.md A.8, A.9, E, G),
 * so that flow tests against it mean something.
 */
class InMemorySalesforceTest {
  private final InMemorySalesforce org =
      new InMemorySalesforce(SimulatedSalesforce.packageMetadata());

  @Test
  void an_upsert_by_external_id_creates_then_updates_the_same_record() {
    RecordResult created = one(upsertAccount(1, "s:customer:1", "Ada"));
    RecordResult updated = one(upsertAccount(1, "S:CUSTOMER:1", "Ada L."));

    assertThat(created.success()).isTrue();
    assertThat(created.created()).isTrue();
    assertThat(created.id()).hasSize(18).startsWith("001");
    assertThat(updated.created()).as("case-insensitive key: the same record").isFalse();
    assertThat(updated.id()).isEqualTo(created.id());
    assertThat(org.record(created.id()).orElseThrow()).containsEntry("Name", "Ada L.");
  }

  @Test
  void the_same_external_id_twice_is_sent_in_two_calls_like_the_adapter_and_the_later_wins() {
    // One call naming it twice would fail both with DUPLICATE_VALUE (OrgCall,
    // ../shared/reference/salesforce.md G); the adapter splits them (UpsertCalls), so does this.
    WriteReport report =
        org.write(
            List.of(
                RecordWrite.upsert(
                    1, "Account", "BC_Account_Key__c", account("s:customer:2", "One")),
                RecordWrite.upsert(
                    2, "Account", "BC_Account_Key__c", account("s:customer:2", "Two"))));

    assertThat(report.calls()).isEqualTo(2);
    assertThat(report.results()).allSatisfy(r -> assertThat(r.success()).isTrue());
    assertThat(org.records("Account"))
        .filteredOn(a -> "s:customer:2".equals(a.get("BC_Account_Key__c")))
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("Name", "Two"));
  }

  @Test
  void an_update_of_an_unknown_id_fails_with_invalid_cross_reference_key() {
    RecordResult result =
        one(RecordWrite.update(1, "Contact", Map.of("Id", "003000000099999AAA", "LastName", "X")));

    assertThat(result.errors().get(0).statusCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
    assertThat(result.retryable()).isFalse();
  }

  @Test
  void a_reference_to_a_parent_external_id_that_does_not_exist_fails_with_invalid_field() {
    RecordResult result =
        one(
            RecordWrite.upsert(
                1,
                "Contact",
                "BC_Customer_Id__c",
                Map.of(
                    "BC_Customer_Id__c", "s:3",
                    "LastName", "Orphan",
                    "Account", new ExternalReference("Account", "BC_Account_Key__c", "s:none"))));

    assertThat(result.errors().get(0).statusCode()).isEqualTo("INVALID_FIELD");
    assertThat(result.errors().get(0).message())
        .isEqualTo(
            "Foreign key external ID: s:none not found for field BC_Account_Key__c in entity"
                + " Account");
  }

  @Test
  void create_only_fields_on_an_upsert_matching_an_existing_order_item_fail_that_record() {
    String order = order("s:10");
    String entry = entry("s:7:0");
    RecordWrite first = orderItem(1, "s:line:1", order, entry);
    assertThat(one(first).success()).isTrue();

    RecordResult again = one(orderItem(2, "s:line:1", order, entry));

    assertThat(again.errors().get(0).statusCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    assertThat(again.errors().get(0).fields()).contains("OrderId", "PricebookEntryId");
    RecordResult withoutThem =
        one(
            RecordWrite.upsert(
                3,
                "OrderItem",
                "BC_Order_Line_Id__c",
                Map.of("BC_Order_Line_Id__c", "s:line:1", "Quantity", BigDecimal.TEN)));
    assertThat(withoutThem.success()).isTrue();
    assertThat(withoutThem.created()).isFalse();
  }

  @Test
  void an_activated_order_is_locked_like_in_the_salesforce_simulator() {
    // Same codes as the simulator's ActivatedOrderLockTest (../shared/reference/salesforce.md G).
    String order = order("s:11");
    String entry = entry("s:8:0");
    RecordResult empty =
        one(RecordWrite.update(1, "Order", Map.of("Id", order, "Status", "Activated")));
    assertThat(empty.errors().get(0).statusCode()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
    assertThat(one(orderItem(2, "s:line:11", order, entry)).success()).isTrue();
    assertThat(
            one(RecordWrite.update(3, "Order", Map.of("Id", order, "Status", "Activated")))
                .success())
        .isTrue();

    RecordResult added = one(orderItem(4, "s:line:12", order, entry));

    assertThat(added.errors().get(0).statusCode()).isEqualTo("ENTITY_IS_LOCKED");
  }

  @Test
  void a_unique_external_id_already_on_another_record_fails_with_duplicate_value_naming_it() {
    org.insert("Contact", Map.of("LastName", "Linked", "BC_Customer_Id__c", "s:5"));
    String other = org.insert("Contact", Map.of("LastName", "Other"));

    RecordResult result =
        one(
            RecordWrite.update(
                1, "Contact", Map.of("Id", other, "BC_Customer_Id__c", "S:5", "LastName", "O")));

    assertThat(result.errors().get(0).statusCode()).isEqualTo("DUPLICATE_VALUE");
    assertThat(result.errors().get(0).fields()).containsExactly("BC_Customer_Id__c");
  }

  @Test
  void deleting_an_id_twice_counts_as_deleted_as_the_port_promises() {
    String contact = org.insert("Contact", Map.of("LastName", "Gone"));

    assertThat(org.delete(List.of(contact))).isEmpty();
    assertThat(org.delete(List.of(contact))).as("ENTITY_IS_DELETED is gone too").isEmpty();
    assertThat(org.isDeleted(contact)).isTrue();
    assertThat(org.delete(List.of("003000000099999AAA")))
        .hasEntrySatisfying(
            "003000000099999AAA",
            e -> assertThat(e.statusCode()).isEqualTo("INVALID_CROSS_REFERENCE_KEY"));
  }

  @Test
  void a_converted_lead_gets_its_contact_and_account_and_is_no_longer_a_candidate() {
    String lead =
        org.insert(
            "Lead",
            Map.of("LastName", "Prospect", "Company", "Initech", "Email", "lead@example.com"));
    MatchingConfig config = MatchingConfig.defaults();
    CustomerProfile profile =
        new CustomerProfile(
            "customer 9", "s", 9L, "lead@example.com", null, "Prospect", null, null, null, "US");
    MatchKey email = new MatchKey.Email("lead@example.com");
    assertThat(org.prefetch(List.of(profile), config).find(email))
        .singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(CandidateKind.LEAD));

    var converted = org.convert(List.of(lead)).get(lead);

    Map<String, Object> after = org.record(lead).orElseThrow();
    assertThat(after)
        .containsEntry("IsConverted", true)
        .containsEntry("ConvertedContactId", converted.contactId())
        .containsEntry("ConvertedAccountId", converted.accountId());
    assertThat(org.record(converted.contactId()).orElseThrow())
        .containsEntry("AccountId", converted.accountId())
        .containsEntry("Email", "lead@example.com");
    assertThat(org.prefetch(List.of(profile), config).find(email))
        .singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(CandidateKind.CONTACT));
    assertThat(org.convert(List.of(lead))).as("converted once only").isEmpty();
  }

  @Test
  void records_go_in_calls_of_two_hundred_parents_first_and_are_counted_per_call_and_object() {
    List<RecordWrite> writes = new ArrayList<>();
    IntStream.rangeClosed(1, 450)
        .forEach(
            i -> {
              writes.add(
                  RecordWrite.upsert(
                      i,
                      "Contact",
                      "BC_Customer_Id__c",
                      Map.of(
                          "BC_Customer_Id__c",
                          "s:" + i,
                          "LastName",
                          "C" + i,
                          "Account",
                          new ExternalReference(
                              "Account", "BC_Account_Key__c", "s:customer:" + i))));
              writes.add(upsertAccount(i, "s:customer:" + i, "A" + i));
            });

    WriteReport report = org.write(writes);

    assertThat(report.results()).allMatch(RecordResult::success);
    assertThat(report.calls()).isEqualTo(6);
    assertThat(org.calls("upsert", "Account")).isEqualTo(3);
    assertThat(org.calls("upsert", "Contact")).isEqualTo(3);
  }

  @Test
  void
      a_planned_fault_fails_the_next_calls_as_a_whole_and_later_records_of_their_items_are_not_sent() {
    org.failNext(1, "upsert", "Account", "UNABLE_TO_LOCK_ROW");

    WriteReport report =
        org.write(
            List.of(
                upsertAccount(1, "s:customer:20", "A"),
                RecordWrite.upsert(
                    1,
                    "Contact",
                    "BC_Customer_Id__c",
                    Map.of("BC_Customer_Id__c", "s:20", "LastName", "C"))));

    assertThat(report.results().get(0).errors().get(0).statusCode())
        .isEqualTo("UNABLE_TO_LOCK_ROW");
    assertThat(report.results().get(0).retryable()).isTrue();
    assertThat(report.results().get(1).errors().get(0).statusCode()).isEqualTo("NOT_SENT");
    assertThat(org.records("Contact")).isEmpty();
    assertThat(one(upsertAccount(2, "s:customer:20", "A")).success()).as("only once").isTrue();
  }

  @Test
  void a_lost_response_applies_the_write_and_reports_a_retryable_timeout() {
    org.loseResponseOfNext("upsert", "Account");

    RecordResult lost = one(upsertAccount(1, "s:customer:30", "Lost"));

    assertThat(lost.errors().get(0).statusCode()).isEqualTo("TIMEOUT");
    assertThat(lost.retryable()).isTrue();
    assertThat(org.where("Account", "BC_Account_Key__c", "s:customer:30")).hasSize(1);
    org.loseResponseOfNext("delete", "Account");
    String account =
        org.where("Account", "BC_Account_Key__c", "s:customer:30").get(0).get("Id").toString();
    assertThatThrownBy(() -> org.delete(List.of(account)))
        .isInstanceOf(SalesforceUnreachableException.class);
    assertThat(org.isDeleted(account)).isTrue();
  }

  @Test
  void known_products_cost_no_call_and_new_ones_get_an_entry_in_the_standard_price_book() {
    ProductLine mug = new ProductLine("s", 7, 0, "MUG-1", "Mug", new BigDecimal("9.95"), "USD");
    String entry = org.ensure(List.of(mug)).get("s:7:0");
    int calls = org.calls().values().stream().mapToInt(Integer::intValue).sum();

    assertThat(org.ensure(List.of(mug))).containsEntry("s:7:0", entry);
    assertThat(org.calls().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(calls);
    assertThat(org.record(entry).orElseThrow())
        .containsEntry("Pricebook2Id", org.orderPricebookId());
  }

  // --- helpers ---

  private RecordResult one(RecordWrite write) {
    return org.write(List.of(write)).results().get(0);
  }

  private static RecordWrite upsertAccount(long item, String key, String name) {
    return RecordWrite.upsert(item, "Account", "BC_Account_Key__c", account(key, name));
  }

  private static Map<String, Object> account(String key, String name) {
    return Map.of("BC_Account_Key__c", key, "Name", name);
  }

  private String order(String key) {
    String account = org.insert("Account", Map.of("Name", "Buyer"));
    return org.insert(
        "Order",
        Map.of(
            "BC_Order_Id__c",
            key,
            "AccountId",
            account,
            "EffectiveDate",
            LocalDate.of(2024, 6, 1),
            "Status",
            "Draft",
            "Pricebook2Id",
            org.orderPricebookId()));
  }

  private String entry(String variantKey) {
    String[] parts = variantKey.split(":");
    return org.ensure(
            List.of(
                new ProductLine(
                    parts[0],
                    Long.parseLong(parts[1]),
                    Long.parseLong(parts[2]),
                    "SKU",
                    "Product",
                    BigDecimal.ONE,
                    "USD")))
        .get(variantKey);
  }

  private static RecordWrite orderItem(long item, String key, String order, String entry) {
    return RecordWrite.upsert(
        item,
        "OrderItem",
        "BC_Order_Line_Id__c",
        Map.of(
            "BC_Order_Line_Id__c", key,
            "OrderId", order,
            "PricebookEntryId", entry,
            "Quantity", BigDecimal.ONE,
            "UnitPrice", BigDecimal.ONE));
  }
}
