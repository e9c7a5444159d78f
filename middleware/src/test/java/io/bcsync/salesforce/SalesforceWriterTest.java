package io.bcsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.pipeline.Outcome;
import io.bcsync.salesforce.auth.TokenProvider;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.salesforce.soap.SalesforceQueries;
import io.bcsync.salesforce.soap.Soql;
import io.bcsync.salesforce.writer.SalesforceWriter;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteReport;
import io.bcsync.testsupport.RecordingPause;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The batching writer through the real force-wsc client against the simulated org. */
@MicronautTest(transactional = false)
class SalesforceWriterTest extends SimulatedOrgTest {

  @Inject SalesforceWriter writer;
  @Inject SalesforceConnector connector;
  @Inject TokenProvider tokens;
  @Inject RecordingPause pauses;
  @Inject io.bcsync.salesforce.soap.ApiUsageGovernor governor;
  @Inject io.micrometer.core.instrument.MeterRegistry registry;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(super.getProperties());
    properties.put("test.recording-pause", "true");
    return properties;
  }

  @AfterEach
  void clearFaults() {
    sim.faults().clear();
    sim.resetApiCalls();
    pauses.clear();
  }

  private static Map<String, Object> contact(String customerId, String lastName) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("BC_Customer_Id__c", customerId);
    fields.put("LastName", lastName);
    fields.put("Email", customerId + "@example.com");
    return fields;
  }

  @Test
  void four_hundred_fifty_records_take_three_calls_and_one_bad_record_fails_only_its_own_item()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<RecordWrite> writes = new ArrayList<>();
    for (long item = 1; item <= 450; item++) {
      writes.add(
          RecordWrite.upsert(
              item,
              "Contact",
              "BC_Customer_Id__c",
              contact(run + "-" + item, item == 317 ? null : "Buyer " + item)));
    }
    int before = sim.count("Contact");

    WriteReport report = writer.write(writes);

    assertThat(sim.apiCallCount("upsert", "Contact")).isEqualTo(3);
    assertThat(report.calls()).isEqualTo(3);
    Map<Long, Outcome> outcomes = report.outcomes();
    assertThat(outcomes).hasSize(450);
    assertThat(outcomes.values().stream().filter(o -> o instanceof Outcome.Success)).hasSize(449);
    assertThat(outcomes.get(317L))
        .isInstanceOfSatisfying(
            Outcome.Failure.class,
            failure -> {
              assertThat(failure.permanent()).isTrue();
              assertThat(failure.error()).contains("Contact", "REQUIRED_FIELD_MISSING", "LastName");
            });
    assertThat(outcomes.get(316L)).isEqualTo(Outcome.SUCCESS);
    assertThat(outcomes.get(318L)).isEqualTo(Outcome.SUCCESS);
    assertThat(sim.count("Contact")).isEqualTo(before + 449);
    // every success carries the id Salesforce gave that very record
    var result = report.resultsFor(42).get(0);
    assertThat(sim.record(result.id()).orElseThrow())
        .containsEntry("BC_Customer_Id__c", run + "-42");
    // our writes carry the CallOptions client id
    assertThat(sim.changes().get(sim.changes().size() - 1).toString()).contains("client=bcsync");

    var session = connector.session();
    List<String> seen = new ArrayList<>();
    int total =
        SalesforceQueries.forEachPage(
            session,
            "SELECT Id, BC_Customer_Id__c FROM Contact WHERE BC_Customer_Id__c LIKE "
                + Soql.literal(run + "-%"),
            200,
            page -> page.forEach(r -> seen.add((String) r.getField("BC_Customer_Id__c"))));
    assertThat(total).isEqualTo(449);
    assertThat(seen).hasSize(449).doesNotHaveDuplicates();
    assertThat(sim.apiCallCount("queryMore")).isEqualTo(2);
  }

  @Test
  void parents_are_written_before_children_and_a_failed_parent_holds_back_its_children()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<RecordWrite> writes = new ArrayList<>();
    // children first in the input: the writer still sends Accounts first
    Map<String, Object> child = contact(run + "-c1", "Child");
    child.put("Account", new ExternalReference("Account", "BC_Company_Id__c", run + "-co1"));
    writes.add(RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", child));
    Map<String, Object> orphan = contact(run + "-c2", "Orphan");
    orphan.put("Account", new ExternalReference("Account", "BC_Company_Id__c", run + "-co2"));
    writes.add(RecordWrite.upsert(2, "Contact", "BC_Customer_Id__c", orphan));
    writes.add(
        RecordWrite.upsert(
            1,
            "Account",
            "BC_Company_Id__c",
            Map.of("BC_Company_Id__c", run + "-co1", "Name", "Parent Co")));
    Map<String, Object> badParent = new HashMap<>();
    badParent.put("BC_Company_Id__c", run + "-co2");
    writes.add(
        RecordWrite.upsert(2, "Account", "BC_Company_Id__c", badParent)); // no Name: required

    WriteReport report = writer.write(writes);

    Map<Long, Outcome> outcomes = report.outcomes();
    assertThat(outcomes.get(1L)).isEqualTo(Outcome.SUCCESS);
    assertThat(outcomes.get(2L))
        .isInstanceOfSatisfying(
            Outcome.Failure.class,
            f -> {
              assertThat(f.permanent()).isTrue();
              assertThat(f.error()).contains("Account", "REQUIRED_FIELD_MISSING");
            });
    assertThat(report.resultsFor(2).get(0).errors().get(0).statusCode()).isEqualTo("NOT_SENT");
    String contactId = report.resultsFor(1).get(0).id();
    String accountId = report.resultsFor(1).get(1).id();
    assertThat(sim.record(contactId).orElseThrow()).containsEntry("AccountId", accountId);
  }

  @Test
  void a_refused_record_is_logged_by_code_and_field_without_the_value_salesforce_echoes()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> fields = contact(run + "-long", "Long");
    // Contact.Email holds 80 characters; Salesforce answers STRING_TOO_LONG quoting the value.
    String email = "private." + "x".repeat(80) + "@example.com";
    fields.put("Email", email);

    WriteReport report;
    List<String> logged;
    try (io.bcsync.testsupport.CapturedLogs logs = new io.bcsync.testsupport.CapturedLogs()) {
      report = writer.write(List.of(RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", fields)));
      logged = logs.atLeast(ch.qos.logback.classic.Level.INFO);
    }

    assertThat(report.resultsFor(1).get(0).errors().get(0).statusCode())
        .isEqualTo("STRING_TOO_LONG");
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("STRING_TOO_LONG [Email]"));
    assertThat(logged).noneSatisfy(line -> assertThat(line).contains("private.x"));
    assertThat(report.outcomes().get(1L).toString())
        .contains("data value too large: <value>")
        .doesNotContain("private.x");
  }

  @Test
  void the_same_external_id_twice_goes_out_in_two_calls_and_the_later_write_wins()
      throws Exception {
    // Salesforce fails both records of one upsert call naming the same key (DUPLICATE_VALUE,
    // ../shared/reference/salesforce.md G); the simulator does too (UpsertSameKeyTest).
    String run = UUID.randomUUID().toString().substring(0, 8);
    WriteReport report =
        writer.write(
            List.of(
                RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", contact(run + "-x", "Old")),
                RecordWrite.upsert(2, "Contact", "BC_Customer_Id__c", contact(run + "-y", "Y")),
                RecordWrite.upsert(3, "Contact", "BC_Customer_Id__c", contact(run + "-X", "New"))));

    assertThat(report.outcomes().values()).containsOnly(Outcome.SUCCESS);
    assertThat(report.calls()).isEqualTo(2);
    assertThat(report.resultsFor(3).get(0).created()).isFalse();
    assertThat(sim.record(report.resultsFor(1).get(0).id()).orElseThrow())
        .containsEntry("LastName", "New");
  }

  @Test
  void unable_to_lock_row_is_retried_in_process_and_then_handed_back_as_retryable()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    sim.faults().failNext("upsert", "Contact", "UNABLE_TO_LOCK_ROW", 1);

    WriteReport retried =
        writer.write(
            List.of(
                RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", contact(run + "-a", "A")),
                RecordWrite.upsert(2, "Contact", "BC_Customer_Id__c", contact(run + "-b", "B"))));

    assertThat(retried.outcomes().values()).containsOnly(Outcome.SUCCESS);
    assertThat(retried.calls()).isEqualTo(2);
    assertThat(pauses.pauses()).hasSize(1);

    sim.faults().failNext("upsert", "Contact", "UNABLE_TO_LOCK_ROW", 10);
    WriteReport stuck =
        writer.write(
            List.of(
                RecordWrite.upsert(3, "Contact", "BC_Customer_Id__c", contact(run + "-c", "C"))));

    assertThat(stuck.calls()).isEqualTo(3); // first try + lock-retries (2)
    assertThat(stuck.outcomes().get(3L))
        .isInstanceOfSatisfying(
            Outcome.Failure.class,
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.error())
                  .contains("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access");
            });
  }

  @Test
  void an_expired_session_is_renewed_once_and_no_record_is_lost() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    writer.write(
        List.of(
            RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", contact(run + "-warm", "Warm"))));
    var session = connector.session();
    String oldToken = session.sessionId();
    int renewalsBefore = tokens.renewals();
    sim.expireSession(oldToken);

    List<RecordWrite> writes = new ArrayList<>();
    for (long item = 1; item <= 450; item++) {
      writes.add(
          RecordWrite.upsert(
              item, "Contact", "BC_Customer_Id__c", contact(run + "-" + item, "N" + item)));
    }
    WriteReport report = writer.write(writes);

    assertThat(report.outcomes().values()).hasSize(450).containsOnly(Outcome.SUCCESS);
    // one renewal: the connection's own header was updated, so calls 2 and 3 did not fail again
    assertThat(tokens.renewals()).isEqualTo(renewalsBefore + 1);
    assertThat(session.sessionId()).isNotEqualTo(oldToken);
    assertThat(
            sim.records("Contact").stream()
                .filter(r -> String.valueOf(r.get("BC_Customer_Id__c")).startsWith(run + "-"))
                .count())
        .isEqualTo(451);
  }

  @Test
  void dates_are_sent_as_calendar_days_whatever_the_jvm_zone() throws Exception {
    java.util.TimeZone original = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati")); // UTC+14
    try {
      Map<String, Object> fields = contact(UUID.randomUUID().toString(), "Dated");
      fields.put("Birthdate", LocalDate.of(1990, 1, 1));
      WriteReport report =
          writer.write(List.of(RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", fields)));
      assertThat(sim.record(report.results().get(0).id()).orElseThrow())
          .containsEntry("Birthdate", "1990-01-01");
    } finally {
      java.util.TimeZone.setDefault(original);
    }
  }

  @Test
  void below_the_api_reserve_the_writer_slows_down() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    writer.write(
        List.of(
            RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", contact(run + "-0", "Zero"))));
    assertThat(governor.isThrottling()).isFalse();
    for (int i = 0; governor.used() < 40; i++) {
      writer.write(
          List.of(
              RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", contact(run + "-w" + i, "W"))));
    }
    sim.setDailyApiLimit(
        governor.used() + 3); // after the next call 2 of ~43 are left: below the 10% reserve
    try {
      writer.write(
          List.of(
              RecordWrite.upsert(1, "Contact", "BC_Customer_Id__c", contact(run + "-1", "One"))));
      assertThat(governor.isThrottling()).isTrue();
      assertThat(pauses.pauses()).isEmpty(); // the call that revealed the shortage was not delayed
      writer.write(
          List.of(
              RecordWrite.upsert(2, "Contact", "BC_Customer_Id__c", contact(run + "-2", "Two"))));
      assertThat(pauses.pauses()).containsExactly(java.time.Duration.ofSeconds(2));
      assertThat(registry.get("bcsync.salesforce.api.throttled").counter().count())
          .isGreaterThanOrEqualTo(1);
      assertThat(registry.get("bcsync.salesforce.api.limit").gauge().value())
          .isEqualTo(governor.limit());
    } finally {
      sim.setDailyApiLimit(100_000);
      writer.write(
          List.of(
              RecordWrite.upsert(
                  3, "Contact", "BC_Customer_Id__c", contact("reset-" + UUID.randomUUID(), "R"))));
    }
    assertThat(governor.isThrottling()).isFalse();
  }
}
