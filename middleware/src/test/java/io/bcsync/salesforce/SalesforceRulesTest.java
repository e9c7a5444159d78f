package io.bcsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.salesforce.soap.Soql;
import io.bcsync.salesforce.streaming.OwnChangeFilter;
import io.bcsync.salesforce.writer.SalesforceErrors;
import io.bcsync.salesforce.writer.SalesforceValues;
import io.bcsync.sync.port.WriteOperation;
import java.time.Instant;
import java.util.Calendar;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Small rules with big consequences: SOQL escaping, loop prevention, error classes, wire values.
 */
class SalesforceRulesTest {

  @Test
  void soql_literals_cannot_break_out_of_their_quotes() {
    assertThat(Soql.literal("O'Brien")).isEqualTo("'O\\'Brien'");
    assertThat(Soql.literal("a\\' OR Name != '")).isEqualTo("'a\\\\\\' OR Name != \\''");
    assertThat(Soql.literal("line\nbreak\t\"q\"")).isEqualTo("'line\\nbreak\\t\\\"q\\\"'");
    assertThat(Soql.likeLiteral("50%_off")).isEqualTo("'50\\%\\_off'");
    assertThat(Soql.inList(List.of("a", "b'c"))).isEqualTo("('a','b\\'c')");
    assertThat(Soql.dateTime(Instant.parse("2026-01-31T23:59:59.750Z")))
        .isEqualTo("2026-01-31T23:59:59Z");
    assertThatThrownBy(() -> Soql.name("Contact WHERE Id != null"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Soql.name("BC_Order__c")).isEqualTo("BC_Order__c");
  }

  @Test
  void own_changes_are_recognised_by_exact_client_id_or_integration_user() {
    OwnChangeFilter filter = new OwnChangeFilter("bcsync", "005000000000001AAA");
    assertThat(
            filter.isOwnChange(
                Map.of("changeOrigin", "com/salesforce/api/soap/65.0;client=bcsync")))
        .isTrue();
    assertThat(
            filter.isOwnChange(
                Map.of("changeOrigin", "com/salesforce/api/soap/65.0;client=bcsync2")))
        .isFalse();
    assertThat(filter.isOwnChange(Map.of("changeOrigin", "", "commitUser", "005000000000001")))
        .isTrue();
    assertThat(filter.isOwnChange(Map.of("changeOrigin", "", "commitUser", "005000000000002AAA")))
        .isFalse();
  }

  @Test
  void data_errors_are_permanent_and_contention_is_retryable() {
    assertThat(SalesforceErrors.isRetryable("UNABLE_TO_LOCK_ROW")).isTrue();
    assertThat(SalesforceErrors.isRetryable("REQUEST_LIMIT_EXCEEDED")).isTrue();
    assertThat(SalesforceErrors.isRetryable("SERVER_UNAVAILABLE")).isTrue();
    assertThat(SalesforceErrors.isRetryable("SOMETHING_NEW_IN_API_66")).isTrue();
    for (String code :
        List.of(
            "REQUIRED_FIELD_MISSING",
            "INVALID_FIELD",
            "FIELD_CUSTOM_VALIDATION_EXCEPTION",
            "DUPLICATES_DETECTED",
            "STRING_TOO_LONG",
            "ENTITY_IS_LOCKED")) {
      assertThat(SalesforceErrors.isRetryable(code)).as(code).isFalse();
    }
  }

  @Test
  void a_record_that_exists_already_is_never_a_permanent_error() {
    // Two concurrent inserts of one key, or one key twice in a call: the next call converges.
    assertThat(SalesforceErrors.isRetryable("DUPLICATE_VALUE")).isTrue();
    assertThat(SalesforceErrors.isRetryable(WriteOperation.UPSERT, "DUPLICATE_VALUE")).isTrue();
    // Several existing records match the key: only a person can choose between them.
    assertThat(SalesforceErrors.isRetryable("DUPLICATE_EXTERNAL_ID")).isFalse();
    assertThat(SalesforceErrors.isRetryable(WriteOperation.UPSERT, "DUPLICATE_EXTERNAL_ID"))
        .isFalse();
    // Insert-only fields on an upsert that matched: the record exists, resend without them.
    assertThat(
            SalesforceErrors.isRetryable(WriteOperation.UPSERT, "INVALID_FIELD_FOR_INSERT_UPDATE"))
        .isTrue();
    assertThat(
            SalesforceErrors.isRetryable(WriteOperation.UPDATE, "INVALID_FIELD_FOR_INSERT_UPDATE"))
        .isFalse();
    assertThat(
            SalesforceErrors.isRetryable(WriteOperation.CREATE, "INVALID_FIELD_FOR_INSERT_UPDATE"))
        .isFalse();
  }

  @Test
  void instants_go_out_as_utc_calendars_and_dates_as_text() {
    Object wire = SalesforceValues.toWire(Instant.parse("2026-03-01T00:30:00Z"));
    assertThat(wire)
        .isInstanceOfSatisfying(
            Calendar.class,
            c -> {
              assertThat(c.getTimeZone().getID()).isEqualTo("UTC");
              assertThat(c.get(Calendar.DAY_OF_MONTH)).isEqualTo(1);
            });
    assertThat(SalesforceValues.toWire(java.time.LocalDate.of(2026, 2, 28)))
        .isEqualTo("2026-02-28");
    assertThatThrownBy(() -> SalesforceValues.toWire(new java.util.Date()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
