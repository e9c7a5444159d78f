package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.ids.SalesforceIds;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/** Converts between wire text and typed values, and compares values the way the platform does. */
public final class FieldValues {
  private static final DateTimeFormatter DATETIME_OUT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private FieldValues() {}

  /** Parses wire text for a field; a bad value is a per-record error, as the API reports it. */
  public static Object parse(FieldDef field, String raw) {
    String text = raw.trim();
    try {
      return switch (field.type().kind()) {
        case TEXT -> parseText(field, raw);
        case BOOLEAN -> parseBoolean(field, text);
        case NUMBER -> new BigDecimal(text);
        case DATE -> LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        case DATETIME -> parseInstant(text);
      };
    } catch (NumberFormatException | DateTimeParseException e) {
      throw RecordError.of(
              "INVALID_TYPE_ON_FIELD_IN_RECORD",
              field.label() + ": value not of required type: " + raw,
              field.name())
          .fail();
    }
  }

  private static Object parseText(FieldDef field, String raw) {
    if (field.type() == FieldType.ID || field.type() == FieldType.REFERENCE) {
      return SalesforceIds.normalize(raw)
          .orElseThrow(
              () ->
                  RecordError.of(
                          "MALFORMED_ID",
                          field.label() + ": id value of incorrect type: " + raw,
                          field.name())
                      .fail());
    }
    if (field.type().hasLength() && raw.length() > field.length()) {
      throw RecordError.of(
              "STRING_TOO_LONG",
              field.label()
                  + ": data value too large: "
                  + raw
                  + " (max length="
                  + field.length()
                  + ")",
              field.name())
          .fail();
    }
    return raw;
  }

  private static Boolean parseBoolean(FieldDef field, String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> true;
      case "false", "0" -> false;
      default -> throw new NumberFormatException(field.name());
    };
  }

  public static Instant parseInstant(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    return OffsetDateTime.parse(
            text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "Z")
        .toInstant();
  }

  /**
   * Wire text of a stored value, in the formats Salesforce sends (1.0 for doubles, millisecond UTC
   * datetimes).
   */
  public static String format(FieldDef field, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal number) {
      if (field != null && field.type() == FieldType.INT) {
        return number.toBigInteger().toString();
      }
      BigDecimal plain = number.stripTrailingZeros();
      return plain.scale() <= 0 ? plain.setScale(1).toPlainString() : plain.toPlainString();
    }
    if (value instanceof Instant instant) {
      return DATETIME_OUT.format(instant);
    }
    return value.toString();
  }

  /** JSON-friendly form for streaming payloads and the control API. */
  public static Object toJson(FieldDef field, Object value) {
    if (value instanceof BigDecimal number) {
      return field != null && field.type() == FieldType.INT
          ? number.longValue()
          : number.doubleValue();
    }
    if (value instanceof Instant || value instanceof LocalDate) {
      return format(field, value);
    }
    return value;
  }

  public static boolean same(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(a, b);
  }

  /**
   * Key comparison for unique and external-id fields: case-insensitive unless the field is
   * case-sensitive.
   */
  public static boolean sameKey(FieldDef field, Object a, Object b) {
    if (a instanceof String x && b instanceof String y && !field.caseSensitive()) {
      return x.equalsIgnoreCase(y);
    }
    return same(a, b);
  }
}
