package io.bcsync.sync.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SalesforceCallEvidenceTest {

  @Test
  void a_failed_record_keeps_the_record_as_sent_and_salesforces_answer_for_it() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("BC_Order_Id__c", "store1:250");
    fields.put("Description", "line one\n\"quoted\"");
    fields.put("TotalAmount", 19.9);
    fields.put("Coupon__c", null);
    RecordWrite write = RecordWrite.upsert(7, "Order", "BC_Order_Id__c", fields);
    RecordResult result =
        new RecordResult(
            write,
            false,
            null,
            false,
            List.of(new RecordError("UNABLE_TO_LOCK_ROW", "unable to obtain lock", null, true)));

    Outcome outcome = new WriteReport(List.of(result), 1).outcomes().get(7L);

    Outcome.Evidence evidence = ((Outcome.Failure) outcome).evidence();
    assertThat(evidence.system()).isEqualTo("salesforce");
    assertThat(evidence.request())
        .contains("\"call\": \"upsert\"")
        .contains("\"sObjectType\": \"Order\"")
        .contains("\"externalIdFieldName\": \"BC_Order_Id__c\"")
        .contains("\"BC_Order_Id__c\": \"store1:250\"")
        .contains("\"Description\": \"line one\\n\\\"quoted\\\"\"")
        .contains("\"TotalAmount\": 19.9")
        .contains("\"Coupon__c\": null");
    // An outcome may be logged: its text names the evidence's sizes, never the record's values.
    assertThat(outcome.toString()).doesNotContain("store1:250", "line one");
    assertThat(evidence.response())
        .contains("\"success\": false")
        .contains(
            "{\"statusCode\": \"UNABLE_TO_LOCK_ROW\", \"message\": \"unable to obtain lock\"");
  }

  @Test
  void credential_fields_are_masked_and_long_values_shortened() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("Api_Token__c", "tok-very-secret");
    fields.put("Password__c", "hunter2");
    fields.put("Notes__c", "n".repeat(SalesforceCallEvidence.MAX_VALUE_CHARS + 5));
    String request = SalesforceCallEvidence.request(RecordWrite.create(1, "BC_Thing__c", fields));
    assertThat(request)
        .doesNotContain("tok-very-secret", "hunter2")
        .contains("\"Api_Token__c\": \"[redacted]\"", "\"Password__c\": \"[redacted]\"")
        .contains("n".repeat(SalesforceCallEvidence.MAX_VALUE_CHARS) + "…(shortened)");
  }
}
