package io.bcsync.sync.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

/** BigCommerce dates as instants, read the way the mapping reads them ({@link DateReader}). */
public final class StoreDates {
  private StoreDates() {}

  /**
   * The instant of an RFC 2822 (V2) or ISO 8601 (V3) date; a date or time without an offset is
   * taken as UTC. Null for blank text.
   *
   * @throws java.time.format.DateTimeParseException for text in neither format
   */
  public static Instant instant(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Temporal value = DateReader.read(text, null);
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof LocalDateTime time) {
      return time.toInstant(ZoneOffset.UTC);
    }
    return ((LocalDate) value).atStartOfDay(ZoneOffset.UTC).toInstant();
  }
}
