package io.bcsync.sim.bigcommerce.http;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** The three date formats and the money format BigCommerce mixes across API versions. */
public final class Formats {
  /**
   * V2 dates: RFC 2822 with a numeric zone and a two-digit day, e.g. "Tue, 05 Mar 2019 21:40:11
   * +0000".
   */
  private static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
          .withZone(ZoneOffset.UTC);

  private Formats() {}

  public static String v2Date(Instant instant) {
    return instant == null ? "" : RFC_2822.format(instant);
  }

  public static String v3Date(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** V2 money: a string with exactly four decimals, e.g. "69.8400". */
  public static String v2Money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount)
        .setScale(4, RoundingMode.HALF_UP)
        .toPlainString();
  }

  /** V3 money is a JSON number with at most two decimals in BigCommerce examples. */
  public static BigDecimal v3Money(BigDecimal amount) {
    return (amount == null ? BigDecimal.ZERO : amount)
        .setScale(2, RoundingMode.HALF_UP)
        .stripTrailingZeros();
  }

  /**
   * Parses a date filter the way BigCommerce accepts them: RFC 2822, ISO 8601 date-time, ISO date,
   * or Unix seconds.
   */
  public static Instant parseDateFilter(String value) {
    String v = value.trim();
    try {
      return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // fall through to the next accepted format
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException ignored) {
      // fall through
    }
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException ignored) {
      // fall through
    }
    try {
      return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException ignored) {
      // fall through
    }
    if (v.matches("\\d+")) {
      return Instant.ofEpochSecond(Long.parseLong(v));
    }
    throw new IllegalArgumentException("unparseable date: " + value);
  }
}
