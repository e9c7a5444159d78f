package io.bcsync.salesforce.writer;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.FailureClassifier;
import io.bcsync.pipeline.Outcome;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A write call that failed before any record had a result keeps which records it carried, not their
 * fields (they belong to every item of the batch); the classifier hands it to the attempt.
 */
class SalesforceUnreachableExceptionTest {

  @Test
  void a_whole_write_call_failure_names_its_operations_and_counts_and_reaches_the_outcome() {
    List<RecordWrite> writes =
        List.of(
            new RecordWrite(
                1, "Account", WriteOperation.UPSERT, "BC_Key__c", Map.of("Name", "Ada Shop")),
            new RecordWrite(
                1, "Contact", WriteOperation.UPSERT, "BC_Key__c", Map.of("Email", "ada@x.test")),
            new RecordWrite(
                2, "Contact", WriteOperation.UPSERT, "BC_Key__c", Map.of("Email", "bob@x.test")));
    SalesforceUnreachableException failure =
        new SalesforceUnreachableException(
            "writing 3 records",
            new RecordError("INVALID_SESSION_ID", "Session expired or invalid", null, true),
            null,
            SalesforceUnreachableException.writes(writes));

    Outcome.Failure outcome = new FailureClassifier().classify(new RuntimeException(failure));

    assertThat(outcome.permanent()).isFalse();
    assertThat(outcome.evidence().system()).isEqualTo("salesforce");
    assertThat(outcome.evidence().request())
        .isEqualTo("upsert Account by BC_Key__c: 1 record\nupsert Contact by BC_Key__c: 2 records")
        .doesNotContain("ada@x.test");
    assertThat(outcome.evidence().response())
        .isEqualTo("fault INVALID_SESSION_ID: Session expired or invalid");
  }

  @Test
  void a_failure_that_could_not_describe_its_call_has_no_evidence() {
    SalesforceUnreachableException failure =
        new SalesforceUnreachableException(
            "reading", new RecordError("TIMEOUT", "timed out", null, true), null);

    assertThat(new FailureClassifier().classify(failure).evidence()).isNull();
  }
}
