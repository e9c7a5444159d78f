package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static io.bcsync.sim.salesforce.TestOrgs.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.sobject.SObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * External ids through force-wsc: upsert matching (case-sensitive or not, several matches, a field
 * that is no external id), unique values within and across calls, and parent references by external
 * id.
 */
class PartnerExternalIdTest extends PartnerApiTestBase {
  @Test
  void upsert_creates_then_updates_and_matches_case_insensitively_for_case_insensitive_unique_ids()
      throws Exception {
    String key = unique("cust");
    UpsertResult first =
        connection
            .upsert(
                "BC_Customer_Id__c",
                new SObject[] {
                  sobject("Account", Map.of("BC_Customer_Id__c", key, "Name", "First"))
                })[0];
    UpsertResult second =
        connection
            .upsert(
                "BC_Customer_Id__c",
                new SObject[] {
                  sobject(
                      "Account", Map.of("BC_Customer_Id__c", key.toUpperCase(), "Name", "Second"))
                })[0];

    assertThat(first.isCreated()).isTrue();
    assertThat(second.isSuccess()).isTrue();
    assertThat(second.isCreated()).isFalse();
    assertThat(second.getId()).isEqualTo(first.getId());
    assertThat(sim.record(first.getId()).orElseThrow()).containsEntry("Name", "Second");
  }

  @Test
  void upsert_on_case_sensitive_external_id_treats_other_case_as_new_key() throws Exception {
    String key = unique("ord");
    Map<String, Object> order = orderFields(key);
    UpsertResult first =
        connection.upsert("BC_Order_Id__c", new SObject[] {sobject("Order", order)})[0];
    order.put("BC_Order_Id__c", key.toUpperCase());
    UpsertResult second =
        connection.upsert("BC_Order_Id__c", new SObject[] {sobject("Order", order)})[0];

    assertThat(first.isCreated()).isTrue();
    assertThat(second.isCreated()).isTrue();
    assertThat(second.getId()).isNotEqualTo(first.getId());
  }

  @Test
  void upsert_with_several_matches_is_duplicate_external_id() throws Exception {
    // Contact.BC_Customer_Id__c is an external id without "unique", so two contacts can share it.
    String key = unique("shared");
    connection.create(
        new SObject[] {
          sobject("Contact", Map.of("LastName", "One", "BC_Customer_Id__c", key)),
          sobject("Contact", Map.of("LastName", "Two", "BC_Customer_Id__c", key)),
        });

    UpsertResult result =
        connection
            .upsert(
                "BC_Customer_Id__c",
                new SObject[] {
                  sobject("Contact", Map.of("LastName", "Three", "BC_Customer_Id__c", key))
                })[0];

    assertThat(result.isSuccess()).isFalse();
    assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_EXTERNAL_ID);
  }

  @Test
  void upsert_on_a_field_that_is_not_an_external_id_fails_per_record() throws Exception {
    UpsertResult result =
        connection
            .upsert("Phone", new SObject[] {sobject("Account", Map.of("Phone", "1", "Name", "X"))})[
            0];

    assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_FIELD);
  }

  @Test
  void create_with_a_duplicate_unique_value_is_duplicate_value() throws Exception {
    String key = unique("dup");
    connection.create(
        new SObject[] {sobject("Account", Map.of("Name", "A", "BC_Customer_Id__c", key))});

    SaveResult result =
        connection
            .create(
                new SObject[] {
                  sobject("Account", Map.of("Name", "B", "BC_Customer_Id__c", key.toUpperCase()))
                })[0];

    assertThat(result.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(result.getErrors()[0].getMessage())
        .startsWith(
            "duplicate value found: BC_Customer_Id__c duplicates value on record with id: 001");
  }

  @Test
  void a_unique_value_repeated_within_one_call_is_a_duplicate_for_the_later_record()
      throws Exception {
    String key = unique("samecall");

    SaveResult[] results =
        connection.create(
            new SObject[] {
              sobject("Account", Map.of("Name", "First", "BC_Customer_Id__c", key)),
              sobject("Account", Map.of("Name", "Second", "BC_Customer_Id__c", key.toUpperCase()))
            });

    assertThat(results[0].isSuccess()).isTrue();
    assertThat(results[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.DUPLICATE_VALUE);
    assertThat(results[1].getErrors()[0].getMessage()).endsWith(results[0].getId());
  }

  @Test
  void parent_reference_by_external_id_sets_the_lookup() throws Exception {
    String company = unique("co");
    String accountId =
        connection
            .create(
                new SObject[] {
                  sobject("Account", Map.of("Name", "Parent Co", "BC_Customer_Id__c", company))
                })[0]
            .getId();
    SObject contact =
        sobject("Contact", Map.of("LastName", "Child", "BC_Customer_Id__c", unique("c")));
    contact.setField(
        "Account", sobject("Account", Map.of("BC_Customer_Id__c", company.toUpperCase())));
    SObject orphan =
        sobject("Contact", Map.of("LastName", "Orphan", "BC_Customer_Id__c", unique("c")));
    orphan.setField("Account", sobject("Account", Map.of("BC_Customer_Id__c", "missing-company")));

    UpsertResult[] results =
        connection.upsert("BC_Customer_Id__c", new SObject[] {contact, orphan});

    assertThat(results[0].isSuccess()).isTrue();
    assertThat(sim.record(results[0].getId()).orElseThrow()).containsEntry("AccountId", accountId);
    assertThat(results[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.INVALID_FIELD);
    assertThat(results[1].getErrors()[0].getMessage())
        .isEqualTo(
            "Foreign key external ID: missing-company not found for field BC_Customer_Id__c in entity Account");
  }

  private Map<String, Object> orderFields(String key) throws Exception {
    String accountId =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Order Owner"))})[0]
            .getId();
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("BC_Order_Id__c", key);
    order.put("AccountId", accountId);
    order.put("EffectiveDate", "2026-01-15");
    order.put("Status", "Draft");
    return order;
  }
}
