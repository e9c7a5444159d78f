package io.bcsync.sync.mapping;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;

/**
 * Reads BigCommerce dates: V2 writes RFC 2822 ({@code Tue, 05 Mar 2019 21:40:11 +0000}), V3 ISO
 * 8601 ({@code 2018-11-13T21:42:06Z}). The result keeps the offset that was written and never
 * consults the JVM's time zone, so the same input gives the same date on every server.
 */
final class DateReader {
  static final String RFC_2822 = "rfc2822";
  static final String ISO_8601 = "iso8601";

  private static final List<DateTimeFormatter> AUTO =
      List.of(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME,
          DateTimeFormatter.RFC_1123_DATE_TIME,
          DateTimeFormatter.ISO_LOCAL_DATE);

  private DateReader() {}

  /**
   * The formatter for a {@code date:} option, or null for automatic detection; throws on a bad
   * pattern.
   */
  static DateTimeFormatter formatterFor(String option) {
    if (option == null || option.equals("auto")) {
      return null;
    }
    if (option.equals(RFC_2822)) {
      return DateTimeFormatter.RFC_1123_DATE_TIME;
    }
    if (option.equals(ISO_8601)) {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    }
    return DateTimeFormatter.ofPattern(option, Locale.ROOT);
  }

  /**
   * An {@link OffsetDateTime}, a {@link LocalDateTime} or a {@link LocalDate}, whichever the text
   * carries.
   */
  static Temporal read(String text, String option) {
    DateTimeFormatter formatter = formatterFor(option);
    if (formatter != null) {
      return fromParsed(formatter.parse(text.strip()));
    }
    for (DateTimeFormatter candidate : AUTO) {
      try {
        return fromParsed(candidate.parse(text.strip()));
      } catch (DateTimeParseException tryNext) {
        // automatic detection: the next format may fit
      }
    }
    throw new DateTimeParseException("not an ISO 8601 or RFC 2822 date", text, 0);
  }

  private static Temporal fromParsed(TemporalAccessor parsed) {
    boolean hasTime = parsed.isSupported(ChronoField.HOUR_OF_DAY);
    if (hasTime && parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return OffsetDateTime.from(parsed);
    }
    return hasTime ? LocalDateTime.from(parsed) : LocalDate.from(parsed);
  }
}
