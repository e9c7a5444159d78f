package io.bcsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The writer through the real force-wsc client when Salesforce commits a call and its answer never
 * arrives: the call is not sent again by the HTTP layer (that would hide the loss and run the write
 * twice), its records fail retryably, and the next write converges on the committed records.
 */
@MicronautTest(transactional = false)
class SalesforceLostResponseTest extends SimulatedOrgTest {

  @Inject SalesforceWriter writer;
  @Inject SalesforceRecords records;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("bcsync.salesforce.api.read-timeout", "2s");
    return properties;
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
    sim.resetApiCalls();
  }

  private static RecordWrite contact(long item, String key, String lastName) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("BC_Customer_Id__c", key);
    fields.put("LastName", lastName);
    return RecordWrite.upsert(item, "Contact", "BC_Customer_Id__c", fields);
  }

  private List<Map<String, Object>> contacts(String key) {
    return sim.records("Contact").stream()
        .filter(r -> key.equalsIgnoreCase(String.valueOf(r.get("BC_Customer_Id__c"))))
        .toList();
  }

  @Test
  void a_dropped_connection_after_the_commit_is_one_call_and_a_retryable_failure()
      throws Exception {
    String key = "lost-" + UUID.randomUUID();
    writer.write(List.of(contact(1, "warm-" + key, "Warm"))); // session opened before the fault
    sim.resetApiCalls();
    sim.faults().loseResponses("upsert", "Contact", 1, Duration.ZERO);

    WriteReport lost = writer.write(List.of(contact(1, key, "First")));

    assertThat(sim.apiCallCount("upsert", "Contact"))
        .as("the POST was not sent again by the HTTP client")
        .isEqualTo(1);
    assertThat(lost.results().get(0).success()).isFalse();
    assertThat(lost.outcomes().get(1L))
        .isInstanceOfSatisfying(Outcome.Failure.class, f -> assertThat(f.permanent()).isFalse());
    assertThat(contacts(key)).as("committed although unanswered").hasSize(1);

    RecordResult again = writer.write(List.of(contact(1, key, "Second"))).results().get(0);

    assertThat(again.success()).isTrue();
    assertThat(again.created()).isFalse();
    assertThat(contacts(key))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("LastName", "Second"));
  }

  @Test
  void an_answer_held_past_the_read_timeout_is_a_retryable_timeout() throws Exception {
    String key = "held-" + UUID.randomUUID();
    writer.write(List.of(contact(1, "warm-" + key, "Warm")));
    sim.resetApiCalls();
    sim.faults().loseResponses("upsert", "Contact", 1, Duration.ofSeconds(30));

    WriteReport lost = writer.write(List.of(contact(7, key, "Held")));
    sim.faults().clear(); // releases the held answer

    assertThat(lost.results().get(0).errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.statusCode()).isEqualTo("TIMEOUT");
              assertThat(e.retryable()).isTrue();
            });
    assertThat(sim.apiCallCount("upsert", "Contact")).isEqualTo(1);
    assertThat(contacts(key)).hasSize(1);
  }

  @Test
  void one_external_id_twice_in_a_write_goes_out_in_two_calls_in_order() throws Exception {
    String key = "twice-" + UUID.randomUUID();
    sim.resetApiCalls();

    WriteReport report =
        writer.write(
            List.of(
                contact(1, key, "Earlier"),
                contact(2, "other-" + key, "Other"),
                contact(3, key.toUpperCase(), "Later")));

    assertThat(report.results()).allMatch(RecordResult::success);
    assertThat(report.calls()).isEqualTo(2);
    assertThat(contacts(key))
        .singleElement()
        .satisfies(c -> assertThat(c).containsEntry("LastName", "Later"));
  }

  @Test
  void a_retry_finds_records_by_their_own_or_their_parents_external_id_in_one_query()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("BC_Account_Key__c", run + ":guest:abc");
    account.put("Name", "Guest household");
    Map<String, Object> contact = new LinkedHashMap<>();
    contact.put("LastName", "Guest");
    contact.put(
        "Account", new ExternalReference("Account", "BC_Account_Key__c", run + ":guest:abc"));
    WriteReport written =
        writer.write(
            List.of(
                RecordWrite.upsert(1, "Account", "BC_Account_Key__c", account),
                RecordWrite.create(1, "Contact", contact)));
    sim.resetApiCalls();

    Map<String, List<String>> byParent =
        records.idsByKey(
            "Contact",
            "Account.BC_Account_Key__c",
            List.of(run.toUpperCase() + ":GUEST:ABC", run + ":guest:none"));
    Map<String, List<String>> byOwn =
        records.idsByKey("Account", "BC_Account_Key__c", List.of(run + ":guest:abc"));

    assertThat(byParent)
        .as("keyed as given, compared ignoring case as SOQL does")
        .containsOnlyKeys(run.toUpperCase() + ":GUEST:ABC");
    assertThat(byParent.get(run.toUpperCase() + ":GUEST:ABC"))
        .containsExactly(written.results().get(1).id());
    assertThat(byOwn.get(run + ":guest:abc")).containsExactly(written.results().get(0).id());
    assertThat(sim.apiCallCount("query")).isEqualTo(2);
  }
}
