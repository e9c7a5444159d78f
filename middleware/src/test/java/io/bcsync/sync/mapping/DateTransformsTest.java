package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates and date-times: RFC 2822, ISO and patterns, and the zone that gives the calendar day. */
class DateTransformsTest extends TransformTestBase {
  @Test
  void rfc2822_dates_keep_their_written_calendar_day() {
    // 23:47 UTC on 30 November: a JVM in America/Chicago must not turn this into another day, nor
    // Asia/Tokyo.
    MappedRecord record =
        map(
            "Day__c: { path: $.customer.at, date: rfc2822 }\nMoment__c: { path: $.customer.at, date: rfc2822 }",
            """
        {"at": "Sat, 30 Nov 2024 23:47:09 +0000"}""");

    assertThat(record.fields().get("Day__c")).isEqualTo(LocalDate.of(2024, 11, 30));
    assertThat(record.fields().get("Moment__c")).isEqualTo(Instant.parse("2024-11-30T23:47:09Z"));
  }

  @Test
  void a_zone_gives_the_calendar_day_in_the_stores_time_zone() {
    MappedRecord record =
        map(
            "Day__c: { path: $.customer.at, date: rfc2822, zone: Asia/Tokyo }",
            """
        {"at": "Sat, 30 Nov 2024 23:47:09 +0000"}""");

    assertThat(record.fields().get("Day__c")).isEqualTo(LocalDate.of(2024, 12, 1));
  }

  @Test
  void iso_dates_are_detected_and_patterns_are_supported() {
    assertThat(
            map(
                    "Day__c: $.customer.at",
                    """
        {"at": "2018-11-13T21:42:06Z"}""")
                .fields())
        .containsEntry("Day__c", LocalDate.of(2018, 11, 13));
    assertThat(
            map(
                    "Day__c: { path: $.customer.at, date: dd/MM/yyyy }",
                    """
        {"at": "05/03/2019"}""")
                .fields())
        .containsEntry("Day__c", LocalDate.of(2019, 3, 5));
    assertThat(
            map(
                    "Text__c: { path: $.customer.at, date: rfc2822, format: yyyy-MM-dd }",
                    """
        {"at": "Tue, 05 Mar 2019 21:40:11 +0000"}""")
                .fields())
        .containsEntry("Text__c", "2019-03-05");
  }

  @Test
  void a_datetime_without_offset_needs_a_zone() {
    assertThatThrownBy(
            () ->
                map(
                    "Moment__c: { path: $.customer.at, date: \"yyyy-MM-dd HH:mm\" }",
                    """
        {"at": "2019-03-05 21:40"}"""))
        .hasMessageContaining("set zone:");
    assertThat(
            map(
                    "Moment__c: { path: $.customer.at, date: \"yyyy-MM-dd HH:mm\", zone: America/Chicago }",
                    """
        {"at": "2019-03-05 21:40"}""")
                .fields())
        .containsEntry("Moment__c", Instant.parse("2019-03-06T03:40:00Z"));
  }
}
