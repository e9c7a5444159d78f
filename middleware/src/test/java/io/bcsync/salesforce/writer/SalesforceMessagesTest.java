package io.bcsync.salesforce.writer;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.sforce.soap.partner.StatusCode;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.CapturedLogs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Salesforce error texts lose the values they echo before they reach logs and outcomes. */
class SalesforceMessagesTest {

  @Test
  void a_duplicate_value_naming_an_email_is_neither_logged_nor_kept_raw() {
    com.sforce.soap.partner.Error error = new com.sforce.soap.partner.Error();
    error.setStatusCode(StatusCode.DUPLICATE_VALUE);
    error.setMessage("Duplicate external id specified: Jo.Private@Example.com");
    error.setFields(new String[] {"Email"});
    RecordWrite write =
        RecordWrite.upsert(12, "Contact", "Email", Map.of("Email", "Jo.Private@Example.com"));

    List<RecordError> errors =
        SalesforceWriter.errors(WriteOperation.UPSERT, new com.sforce.soap.partner.Error[] {error});
    RecordResult result = new RecordResult(write, false, null, false, errors);
    List<String> logged;
    try (CapturedLogs logs = new CapturedLogs()) {
      SalesforceWriter.logRefused(result);
      logged = logs.atLeast(Level.INFO);
    }
    Outcome outcome = new WriteReport(List.of(result), 1).outcomes().get(12L);

    assertThat(logged)
        .singleElement()
        .asString()
        .contains("Contact upsert of work item 12 refused", "DUPLICATE_VALUE [Email]")
        .doesNotContainIgnoringCase("jo.private");
    assertThat(errors.get(0).fields()).containsExactly("Email");
    assertThat(outcome.toString())
        .contains("DUPLICATE_VALUE", "Duplicate external id specified: <value>")
        .doesNotContainIgnoringCase("jo.private");
  }

  @Test
  void a_query_fault_quoting_the_statement_loses_its_literals() {
    com.sforce.soap.partner.fault.ApiFault fault = new com.sforce.soap.partner.fault.ApiFault();
    fault.setExceptionCode(com.sforce.soap.partner.fault.ExceptionCode.MALFORMED_QUERY);
    fault.setExceptionMessage(
        "\nSELECT Id FROM Contact WHERE Email IN ('jo.private@example.com') OR (LastName LIKE"
            + " 's%m%i%t%h')\n ^\nERROR at Row:1:Column:40\nunexpected token: OR");

    RecordError error = SalesforceErrors.ofCallFailure(fault);

    assertThat(error.statusCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(error.message())
        .doesNotContain("jo.private", "s%m%i%t%h")
        .contains("unexpected token: OR");
  }

  @Test
  void echoed_values_are_replaced_and_salesforces_own_wording_ids_and_field_names_kept() {
    assertThat(
            SalesforceMessages.redact(
                "Last Name: data value too large: Ada Augusta King-Noel (max length=80)"))
        .isEqualTo("Last Name: data value too large: <value> (max length=80)");
    assertThat(SalesforceMessages.redact("Email: invalid email address: jo@@example"))
        .isEqualTo("Email: invalid email address: <value>");
    assertThat(
            SalesforceMessages.redact(
                "duplicate value found: BC_Email__c duplicates value on record with id:"
                    + " 003000000000001AAA"))
        .isEqualTo(
            "duplicate value found: BC_Email__c duplicates value on record with id:"
                + " 003000000000001AAA");
    assertThat(
            SalesforceMessages.redact(
                "duplicate value found: Email duplicates value jo@example.com on record with id:"
                    + " 003000000000001AAA"))
        .isEqualTo(
            "duplicate value found: Email duplicates value <e-mail> on record with id:"
                + " 003000000000001AAA");
    assertThat(SalesforceMessages.redact("Status: bad value for restricted picklist field: Gold"))
        .isEqualTo("Status: bad value for restricted picklist field: <value>");
    assertThat(
            SalesforceMessages.redact(
                "Phone must look like a phone number, got '+1 512 555 0123' for Ada"))
        .isEqualTo("Phone must look like a phone number, got <value> for Ada");
    assertThat(SalesforceMessages.redact("No such column 'BC_Store__c' on entity 'Contact'"))
        .as("API names are what an operator needs")
        .isEqualTo("No such column 'BC_Store__c' on entity 'Contact'");
    assertThat(SalesforceMessages.redact("x".repeat(1_000))).hasSize(301);
    assertThat(SalesforceMessages.redact(null)).isNull();
  }
}
