package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.fault.MalformedQueryFault;
import com.sforce.soap.partner.sobject.SObject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SOQL literals and limits as Salesforce has them (../shared/reference/salesforce.md G; SOQL and
 * SOSL Reference, "Date Formats and Date Literals"
 * developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm,
 * and "SOQL and SOSL Limits" ...soql_sosl/sforce_api_calls_soql_select_limits.htm): datetime fields
 * take unquoted ISO-8601 with a zone, never a quoted value or a date alone; date literals such as
 * TODAY and LAST_N_DAYS:n are relative to now; statements over 100,000 characters and string
 * literals over 4,000 characters are refused.
 */
class SoqlLiteralsTest {
  SalesforceSimulator sim;
  PartnerConnection connection;
  String tag;

  @BeforeEach
  void start() throws Exception {
    sim = TestOrgs.start();
    connection = TestOrgs.login(sim);
    tag = "lit-" + UUID.randomUUID().toString().substring(0, 8);
    connection.create(new SObject[] {sobject("Account", Map.of("Name", tag))});
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private int count(String where) throws Exception {
    return connection
        .query("SELECT Id FROM Account WHERE Name = '" + tag + "' AND " + where)
        .getSize();
  }

  @Test
  void a_datetime_field_refuses_a_quoted_value_and_a_date_alone() throws Exception {
    assertThatThrownBy(() -> count("CreatedDate > '2020-01-01T00:00:00Z'"))
        .isInstanceOfSatisfying(
            InvalidFieldFault.class,
            f -> {
              assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_FIELD);
              assertThat(f.getExceptionMessage())
                  .containsIgnoringCase(
                      "value of filter criterion for field 'CreatedDate' must be of type dateTime"
                          + " and should not be enclosed in quotes");
            });
    assertThatThrownBy(() -> count("CreatedDate > 2020-01-01"))
        .isInstanceOf(InvalidFieldFault.class);

    assertThat(count("CreatedDate > 2020-01-01T00:00:00Z")).isEqualTo(1);
    assertThat(count("CreatedDate > 2020-01-01T00:00:00+02:00")).isEqualTo(1);
  }

  @Test
  void a_date_field_refuses_a_quoted_value_and_a_datetime() throws Exception {
    assertThatThrownBy(
            () -> connection.query("SELECT Id FROM Opportunity WHERE CloseDate = '2020-01-01'"))
        .isInstanceOf(InvalidFieldFault.class);
    assertThatThrownBy(
            () ->
                connection.query(
                    "SELECT Id FROM Opportunity WHERE CloseDate = 2020-01-01T00:00:00Z"))
        .isInstanceOf(InvalidFieldFault.class);
    assertThat(
            connection.query("SELECT Id FROM Opportunity WHERE CloseDate = 2020-01-01").getSize())
        .isZero();
  }

  @Test
  void today_and_last_n_days_are_relative_to_the_org_clock() throws Exception {
    assertThat(count("CreatedDate = TODAY")).isEqualTo(1);
    assertThat(count("CreatedDate = YESTERDAY")).isZero();
    assertThat(count("CreatedDate = LAST_N_DAYS:1")).isEqualTo(1);

    sim.advanceTime(Duration.ofDays(3));
    connection = TestOrgs.login(sim); // the session timed out meanwhile

    assertThat(count("CreatedDate = TODAY")).isZero();
    assertThat(count("CreatedDate < TODAY")).isEqualTo(1);
    assertThat(count("CreatedDate = LAST_N_DAYS:3")).isEqualTo(1);
    assertThat(count("CreatedDate = LAST_N_DAYS:2")).isZero();
    assertThat(count("CreatedDate = N_DAYS_AGO:3")).isEqualTo(1);
    assertThat(count("CreatedDate >= LAST_N_DAYS:2")).isZero();
  }

  @Test
  void a_date_field_compares_with_date_literals_by_day() throws Exception {
    LocalDate today = LocalDate.ofInstant(sim.now(), ZoneOffset.UTC);
    Calendar closeDate = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    closeDate.clear();
    closeDate.set(today.getYear(), today.getMonthValue() - 1, today.getDayOfMonth());
    connection.create(
        new SObject[] {
          sobject(
              "Opportunity",
              Map.of("Name", tag, "StageName", "Prospecting", "CloseDate", closeDate.getTime()))
        });

    String soql = "SELECT Id FROM Opportunity WHERE Name = '" + tag + "' AND CloseDate = ";
    assertThat(connection.query(soql + "TODAY").getSize()).isEqualTo(1);
    assertThat(connection.query(soql + "TOMORROW").getSize()).isZero();
    assertThat(connection.query(soql + "NEXT_N_DAYS:2").getSize()).isZero();
  }

  @Test
  void a_statement_over_100000_characters_is_malformed() {
    StringBuilder where = new StringBuilder("Name IN ('a'");
    while (where.length() < 100_000) {
      where.append(",'").append("x".repeat(50)).append('\'');
    }
    where.append(')');

    assertThatThrownBy(() -> count(where.toString()))
        .isInstanceOfSatisfying(
            MalformedQueryFault.class,
            f -> assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.MALFORMED_QUERY));
  }

  @Test
  void a_string_literal_over_4000_characters_is_malformed() throws Exception {
    assertThat(count("Name != '" + "d".repeat(4_000) + "'")).isEqualTo(1);
    assertThatThrownBy(() -> count("Name != '" + "d".repeat(4_001) + "'"))
        .isInstanceOf(MalformedQueryFault.class);
  }

  @Test
  void an_unsupported_date_literal_is_refused_not_guessed() {
    assertThatThrownBy(() -> count("CreatedDate = THIS_FISCAL_QUARTER"))
        .isInstanceOf(MalformedQueryFault.class);
  }
}
