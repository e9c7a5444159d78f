package io.bcsync.sync.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;

/**
 * Converts a raw value (String, BigDecimal, Boolean or null) to what the target field takes: {@link
 * BigDecimal} for numbers and money (never a double, so {@code "12.0100"} stays exact), {@link
 * LocalDate} for Date fields (no time zone left to shift it), {@link Instant} for DateTime fields,
 * Boolean for checkboxes, String for everything else.
 */
final class ValueConverter {
  private ValueConverter() {}

  /**
   * @param notes receives a line when a value was truncated
   * @throws RecordMappingException when the value cannot be converted
   */
  static Object convert(
      Object raw, FieldSchema target, FieldOptions options, String subject, List<String> notes) {
    if (raw == null) {
      return null;
    }
    FieldType type = target.type();
    if (type.isNumeric()) {
      return rounded(
          decimal(raw, subject), options.scale() != null ? options.scale() : target.scale());
    }
    if (type == FieldType.DATE) {
      return toDate(temporal(raw, options, subject), options.zone());
    }
    if (type == FieldType.DATETIME) {
      return toInstant(temporal(raw, options, subject), options.zone(), subject);
    }
    if (type == FieldType.CHECKBOX) {
      return bool(raw, subject);
    }
    return truncated(text(raw, options, subject), target, options, subject, notes);
  }

  private static String text(Object raw, FieldOptions options, String subject) {
    if (options.date() != null) {
      Temporal value = temporal(raw, options, subject);
      if (options.zone() != null && value instanceof OffsetDateTime dateTime) {
        value = dateTime.atZoneSameInstant(options.zone()).toOffsetDateTime();
      }
      DateTimeFormatter out =
          options.format() != null
              ? DateTimeFormatter.ofPattern(options.format(), Locale.ROOT)
              : DateTimeFormatter.ISO_DATE_TIME;
      return value instanceof LocalDate && options.format() == null
          ? value.toString()
          : out.format(value);
    }
    if (options.format() != null || options.scale() != null) {
      BigDecimal number = rounded(decimal(raw, subject), options.scale());
      if (options.format() == null) {
        return number.toPlainString();
      }
      DecimalFormat format =
          new DecimalFormat(options.format(), DecimalFormatSymbols.getInstance(Locale.ROOT));
      format.setRoundingMode(RoundingMode.HALF_UP);
      return format.format(number);
    }
    return raw instanceof BigDecimal number ? number.toPlainString() : raw.toString();
  }

  private static String truncated(
      String value, FieldSchema target, FieldOptions options, String subject, List<String> notes) {
    Integer length = target.length();
    if (length == null || value.length() <= length) {
      return value;
    }
    if (!options.truncate()) {
      throw new RecordMappingException(
          subject
              + ": value has "
              + value.length()
              + " characters, the field holds "
              + length
              + " (truncate: false)");
    }
    int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
    notes.add(subject + " truncated from " + value.length() + " to " + end + " characters");
    return value.substring(0, end);
  }

  private static BigDecimal decimal(Object raw, String subject) {
    if (raw instanceof BigDecimal number) {
      return number;
    }
    if (raw instanceof String text) {
      try {
        return new BigDecimal(text.strip());
      } catch (NumberFormatException e) {
        throw new RecordMappingException(subject + ": not a number");
      }
    }
    throw new RecordMappingException(
        subject + ": expected a number, got " + raw.getClass().getSimpleName());
  }

  private static BigDecimal rounded(BigDecimal value, Integer scale) {
    return scale == null ? value : value.setScale(scale, RoundingMode.HALF_UP);
  }

  private static Temporal temporal(Object raw, FieldOptions options, String subject) {
    if (!(raw instanceof String text)) {
      throw new RecordMappingException(
          subject + ": expected a date text, got " + raw.getClass().getSimpleName());
    }
    try {
      return DateReader.read(text, options.date());
    } catch (DateTimeParseException e) {
      throw new RecordMappingException(subject + ": not a date in the expected format");
    }
  }

  /**
   * The calendar date as written in the source, or as seen in {@code zone} when one is configured.
   */
  private static LocalDate toDate(Temporal value, ZoneId zone) {
    if (value instanceof OffsetDateTime dateTime) {
      return zone == null ? dateTime.toLocalDate() : dateTime.atZoneSameInstant(zone).toLocalDate();
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.toLocalDate();
    }
    return (LocalDate) value;
  }

  private static Instant toInstant(Temporal value, ZoneId zone, String subject) {
    if (value instanceof OffsetDateTime dateTime) {
      return dateTime.toInstant();
    }
    if (zone == null) {
      throw new RecordMappingException(
          subject + ": the date has no offset; set zone: to say which time zone it is in");
    }
    if (value instanceof LocalDateTime dateTime) {
      return dateTime.atZone(zone).toInstant();
    }
    return ((LocalDate) value).atStartOfDay(zone).toInstant();
  }

  private static Boolean bool(Object raw, String subject) {
    if (raw instanceof Boolean value) {
      return value;
    }
    String text =
        raw instanceof BigDecimal number
            ? number.stripTrailingZeros().toPlainString()
            : raw.toString().strip();
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default -> throw new RecordMappingException(subject + ": expected true/false or 1/0");
    };
  }
}
