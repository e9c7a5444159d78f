package io.bcsync.salesforce.writer;

import io.bcsync.sync.port.ExternalReference;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;

/**
 * Converts Java values to what force-wsc serialises correctly. force-wsc cannot write java.time
 * types at all, and a Calendar in the JVM's zone can move a date across midnight; so a date goes
 * out as the text {@code yyyy-MM-dd} (no zone to shift it) and an instant as a UTC Calendar ({@code
 * xsd:dateTime} with Z).
 */
public final class SalesforceValues {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private SalesforceValues() {}

  public static Object toWire(Object value) {
    if (value instanceof ExternalReference ref) {
      com.sforce.soap.partner.sobject.SObject parent =
          new com.sforce.soap.partner.sobject.SObject(ref.sobjectType());
      parent.setField(ref.externalIdField(), ref.value());
      return parent;
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    if (value instanceof Instant instant) {
      return utcCalendar(instant);
    }
    if (value instanceof OffsetDateTime time) {
      return utcCalendar(time.toInstant());
    }
    if (value instanceof ZonedDateTime time) {
      return utcCalendar(time.toInstant());
    }
    if (value instanceof java.util.Date) {
      // java.util.Date is written as xsd:date with a date-time text; refuse it rather than guess
      // (salesforce.md A.7)
      throw new IllegalArgumentException(
          "use LocalDate or Instant instead of java.util.Date for Salesforce fields");
    }
    return value;
  }

  private static Calendar utcCalendar(Instant instant) {
    GregorianCalendar calendar = new GregorianCalendar(UTC);
    calendar.setTimeInMillis(instant.toEpochMilli());
    return calendar;
  }

  /**
   * Today's date where a date field's meaning is "the calendar day in UTC", e.g. for audit stamps.
   */
  public static LocalDate utcDate(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
