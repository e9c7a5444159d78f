package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static io.bcsync.sim.salesforce.TestOrgs.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.Error;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.StatusCode;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.sobject.SObject;
import io.bcsync.sim.salesforce.data.RecordChange;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * create / update through force-wsc with Salesforce's per-record and call-level rules: ids,
 * required, unknown and read-only fields, lookups, the 200-record limit, all-or-none, change
 * tracking and platform events.
 */
class PartnerCreateUpdateTest extends PartnerApiTestBase {
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

  /**
   * Object Reference, Opportunity.ContactId (Create, no Update): "can only be populated when it's
   * created, and can't be updated".
   */
  @Test
  void the_opportunity_primary_contact_is_set_on_create_only() throws Exception {
    String account =
        connection.create(new SObject[] {sobject("Account", Map.of("Name", "A"))})[0].getId();
    String first =
        connection.create(new SObject[] {sobject("Contact", Map.of("LastName", "First"))})[0]
            .getId();
    String second =
        connection.create(new SObject[] {sobject("Contact", Map.of("LastName", "Second"))})[0]
            .getId();
    SObject opportunity =
        sobject(
            "Opportunity",
            Map.of(
                "Name",
                "O",
                "StageName",
                "Prospecting",
                "CloseDate",
                "2024-05-01",
                "AccountId",
                account,
                "ContactId",
                first));
    SaveResult created = connection.create(new SObject[] {opportunity})[0];
    assertThat(created.isSuccess()).isTrue();

    SObject change = sobject("Opportunity", Map.of("ContactId", second));
    change.setId(created.getId());
    SaveResult updated = connection.update(new SObject[] {change})[0];

    assertThat(updated.isSuccess()).isFalse();
    assertThat(updated.getErrors()[0].getStatusCode())
        .isEqualTo(StatusCode.INVALID_FIELD_FOR_INSERT_UPDATE);
    assertThat(updated.getErrors()[0].getFields()).containsExactly("ContactId");
    assertThat(sim.record(created.getId()).orElseThrow()).containsEntry("ContactId", first);
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
}
