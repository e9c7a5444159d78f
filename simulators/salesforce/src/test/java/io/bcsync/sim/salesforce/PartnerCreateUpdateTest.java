package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.DeleteResult;
import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.UpsertResult;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.sobject.SObject;
import io.bcsync.sim.salesforce.data.RecordChange;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * create / update / upsert / delete / retrieve with Salesforce's per-record and call-level rules.
 */
class PartnerDmlTest {
  static SalesforceSimulator sim;
  PartnerConnection connection;

  @BeforeAll
  static void start() {
    sim = TestOrgs.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @BeforeEach
  void connect() throws Exception {
    connection = TestOrgs.login(sim);
    connection.setCallOptions("bc-sync", null);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void create_returns_18_char_ids_with_key_prefix_and_errors_in_request_order() throws Exception {
    SaveResult[] results =
        connection.create(
            new SObject[] {
              sobject("Account", Map.of("Name", "Acme")),
              sobject("Account", Map.of("Phone", "555")),
              sobject("Account", Map.of("Name", "Globex", "BC_Notes__c", "far too long for ten")),
            });

    assertThat(results[0].isSuccess()).isTrue();
    assertThat(results[0].getId()).hasSize(18).startsWith("001");
    assertThat(results[1].isSuccess()).isFalse();
    Error missing = results[1].getErrors()[0];
    assertThat(missing.getStatusCode()).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
    assertThat(missing.getFields()).containsExactly("Name");
    assertThat(missing.getMessage()).isEqualTo("Required fields are missing: [Name]");
    assertThat(results[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.STRING_TOO_LONG);
    assertThat(results[2].getErrors()[0].getFields()).containsExactly("BC_Notes__c");
  }

  @Test
  void unknown_field_fails_the_whole_call_with_invalid_field() {
    SObject[] records = {
      sobject("Account", Map.of("Name", "A")),
      sobject("Account", Map.of("Name", "B", "Nope__c", "x"))
    };
    int before = sim.count("Account");

    assertThatThrownBy(() -> connection.create(records))
        .isInstanceOfSatisfying(
            InvalidFieldFault.class,
            f -> {
              assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
              assertThat(f.getExceptionMessage())
                  .startsWith("No such column 'Nope__c' on entity 'Account'");
            });
    assertThat(sim.count("Account")).isEqualTo(before);
  }

  @Test
  void more_than_200_records_fail_the_call() {
    SObject[] records = new SObject[201];
    Arrays.setAll(records, i -> sobject("Account", Map.of("Name", "Bulk " + i)));

    assertThatThrownBy(() -> connection.create(records))
        .isInstanceOfSatisfying(
            ApiFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.EXCEEDED_ID_LIMIT));
  }

  @Test
  void update_changes_fields_and_clears_fields_to_null() throws Exception {
    String id =
        connection
            .create(new SObject[] {sobject("Account", Map.of("Name", "Before", "Phone", "1"))})[0]
            .getId();
    SObject change = sobject("Account", Map.of("Name", "After"));
    change.setId(id);
    change.setFieldsToNull(new String[] {"Phone"});

    SaveResult result = connection.update(new SObject[] {change})[0];

    assertThat(result.isSuccess()).isTrue();
    assertThat(sim.record(id).orElseThrow())
        .containsEntry("Name", "After")
        .doesNotContainKey("Phone");
  }

  @Test
  void update_errors_for_missing_unknown_and_deleted_ids() throws Exception {
    String id =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Doomed"))})[0].getId();
    connection.delete(new String[] {id});
    SObject noId = sobject("Account", Map.of("Name", "x"));
    SObject deleted = sobject("Account", Map.of("Name", "x"));
    deleted.setId(id);
    SObject unknown = sobject("Account", Map.of("Name", "x"));
    unknown.setId("001000000000000AAA");
    SObject requiredNulled = sobject("Account", Map.of());
    requiredNulled.setId(
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Kept"))})[0].getId());
    requiredNulled.setFieldsToNull(new String[] {"Name"});

    SaveResult[] results =
        connection.update(new SObject[] {noId, deleted, unknown, requiredNulled});

    assertThat(results)
        .extracting(r -> r.getErrors()[0].getStatusCode())
        .containsExactly(
            StatusCode.MISSING_ARGUMENT,
            StatusCode.ENTITY_IS_DELETED,
            StatusCode.INVALID_CROSS_REFERENCE_KEY,
            StatusCode.REQUIRED_FIELD_MISSING);
  }

  @Test
  void read_only_fields_cannot_be_written() throws Exception {
    SaveResult result =
        connection
            .create(
                new SObject[] {sobject("Contact", Map.of("LastName", "Doe", "Name", "Jo Doe"))})[0];

    assertThat(result.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
    assertThat(result.getErrors()[0].getFields()).containsExactly("Name");
  }

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

  @Test
  void lookup_to_a_missing_record_is_invalid_cross_reference_key() throws Exception {
    SaveResult result =
        connection
            .create(
                new SObject[] {
                  sobject("Contact", Map.of("LastName", "X", "AccountId", "0018c0000000zzzAAA"))
                })[0];

    assertThat(result.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.INVALID_CROSS_REFERENCE_KEY);
    assertThat(result.getErrors()[0].getFields()).containsExactly("AccountId");
  }

  @Test
  void all_or_none_rolls_back_the_whole_call() throws Exception {
    String name = unique("atomic");
    connection.setAllOrNoneHeader(true);
    try {
      SaveResult[] results =
          connection.create(
              new SObject[] {
                sobject("Account", Map.of("Name", name)), sobject("Account", Map.of())
              });

      assertThat(results[0].isSuccess()).isFalse();
      assertThat(results[0].getErrors()[0].getStatusCode())
          .isEqualTo(StatusCode.ALL_OR_NONE_OPERATION_ROLLED_BACK);
      assertThat(results[1].getErrors()[0].getStatusCode())
          .isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
      assertThat(sim.records("Account")).noneMatch(r -> name.equals(r.get("Name")));
    } finally {
      connection.clearAllOrNoneHeader();
    }
  }

  @Test
  void delete_cascades_and_reports_per_id_errors() throws Exception {
    String accountId =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Cascade"))})[0].getId();
    String contactId =
        connection
            .create(
                new SObject[] {
                  sobject("Contact", Map.of("LastName", "Gone", "AccountId", accountId))
                })[0]
            .getId();

    DeleteResult[] results = connection.delete(new String[] {accountId, accountId, "not-an-id"});

    assertThat(results[0].isSuccess()).isTrue();
    assertThat(results[1].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.ENTITY_IS_DELETED);
    assertThat(results[2].getErrors()[0].getStatusCode()).isEqualTo(StatusCode.MALFORMED_ID);
    assertThat(sim.record(contactId)).isEmpty();
  }

  @Test
  void undelete_restores_from_the_recycle_bin_and_query_all_sees_deleted_rows() throws Exception {
    String name = unique("bin");
    String id =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", name))})[0].getId();
    connection.delete(new String[] {id});

    assertThat(connection.query("SELECT Id FROM Account WHERE Name = '" + name + "'").getSize())
        .isZero();
    SObject binned =
        connection.queryAll("SELECT Id, IsDeleted FROM Account WHERE Name = '" + name + "'")
            .getRecords()[0];
    assertThat(binned.getField("IsDeleted")).isEqualTo("true");

    assertThat(connection.undelete(new String[] {id})[0].isSuccess()).isTrue();
    assertThat(connection.undelete(new String[] {id})[0].getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.UNDELETE_FAILED);
    assertThat(sim.record(id)).isPresent();
  }

  @Test
  void retrieve_returns_records_in_request_order_with_nil_for_unknown_ids() throws Exception {
    String a =
        connection
            .create(new SObject[] {sobject("Account", Map.of("Name", "Ret A", "Phone", "1"))})[0]
            .getId();
    String b =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Ret B"))})[0].getId();

    SObject[] records =
        connection.retrieve(
            "Name, Phone", "Account", new String[] {b, "001000000000000AAA", a.substring(0, 15)});

    assertThat(records[0].getId()).isEqualTo(b);
    assertThat(records[0].getField("Name")).isEqualTo("Ret B");
    assertThat(records[0].getField("Phone")).isNull();
    assertThat(records[1]).isNull();
    assertThat(records[2].getField("Phone")).isEqualTo("1");
  }

  @Test
  void every_change_records_the_call_options_client_id() throws Exception {
    String id =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "Tracked"))})[0].getId();

    List<RecordChange> changes =
        sim.changes().stream().filter(c -> c.recordId().equals(id)).toList();

    assertThat(changes)
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.clientId()).isEqualTo("bc-sync");
              assertThat(c.changeOrigin()).isEqualTo("com/salesforce/api/soap/65.0;client=bc-sync");
              assertThat(c.userId()).isEqualTo(sim.integrationUser().id());
            });
  }

  @Test
  void platform_event_create_returns_an_id_but_stores_nothing() throws Exception {
    SaveResult ok =
        connection
            .create(new SObject[] {sobject("Order_Sync__e", Map.of("Order_Id__c", "100"))})[0];
    SaveResult missing =
        connection.create(new SObject[] {sobject("Order_Sync__e", Map.of("Status__c", "x"))})[0];

    assertThat(ok.isSuccess()).isTrue();
    assertThat(ok.getId()).hasSize(18);
    assertThat(missing.getErrors()[0].getStatusCode()).isEqualTo(StatusCode.REQUIRED_FIELD_MISSING);
    assertThatThrownBy(() -> connection.query("SELECT Id FROM Order_Sync__e"))
        .isInstanceOf(ApiFault.class);
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
