package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads BigCommerce's field formats: V2 money is a string ("69.8400"), V3 money a number; V2 dates
 * are RFC 2822, V3 dates ISO 8601, webhook and hook times Unix seconds. Empty strings (V2's "not
 * shipped") read as null.
 */
public final class Fields {
  private Fields() {}

  public static BigDecimal money(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.decimalValue();
    }
    String text = value.asText().trim();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("field " + field + " is not a decimal amount");
    }
  }

  public static Instant date(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return Instant.ofEpochSecond(value.asLong());
    }
    return parseDate(value.asText());
  }

  /** RFC 2822 ("Tue, 05 Mar 2019 21:40:11 +0000"), ISO 8601 with offset or Z, or epoch seconds. */
  public static Instant parseDate(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty()) {
      return null;
    }
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Instant.ofEpochSecond(Long.parseLong(value));
      }
      if (value.contains(",")) {
        return OffsetDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      }
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("unrecognised date format: " + value);
    }
  }

  public static long longValue(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isEmpty() ? 0 : value.asLong();
  }

  public static int intValue(JsonNode node, String field) {
    return (int) longValue(node, field);
  }

  public static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  public static boolean bool(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && (value.asBoolean() || "true".equalsIgnoreCase(value.asText()));
  }

  public static List<JsonNode> elements(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(out::add);
    }
    return out;
  }
}
