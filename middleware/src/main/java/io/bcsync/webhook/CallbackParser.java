package io.bcsync.webhook;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and validates a callback body (docs/pipeline.md, "Input rules"). A body that is not one
 * JSON object with the callback's fields well-typed is a 400 naming the offending field; values
 * that cannot come from BigCommerce are a 422. No message repeats the body.
 */
@Singleton
public class CallbackParser {
  /** Longest scope accepted: it keys the work item of a callback without a resource id. */
  static final int MAX_SCOPE_LENGTH = 128;

  /** No BigCommerce webhook predates the platform (2009-01-01T00:00:00Z). */
  static final Instant EARLIEST_CREATED_AT = Instant.parse("2009-01-01T00:00:00Z");

  /** Accepted clock difference for a created_at in the future. */
  static final Duration CREATED_AT_FUTURE_SKEW = Duration.ofDays(1);

  private static final Pattern PRODUCER = Pattern.compile("stores/([a-z0-9]{1,32})");

  /**
   * {@code store/<resource>/.../<event>}: two or more segments of letters, digits and underscores
   * (or a lone {@code *}), an optional trailing slash. No dots, so no {@code ..}.
   */
  private static final Pattern SCOPE = Pattern.compile("store(/([A-Za-z0-9_]+|\\*)){2,}/?");

  /** BigCommerce sends 40 hex digits; anything visible and ASCII up to 128 is tolerated. */
  private static final Pattern HASH = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private static final Pattern STORE_ID = Pattern.compile("[1-9][0-9]{0,18}");

  private final ObjectReader reader;
  private final Clock clock;

  public CallbackParser(ObjectMapper mapper, Clock clock) {
    this.reader =
        mapper
            .reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    this.clock = clock;
  }

  public CallbackBody parse(String rawBody) {
    JsonNode root = readOneValue(rawBody);
    if (root == null || !root.isObject()) {
      throw WebhookRejection.malformed("body must be a JSON object");
    }
    if (JsonStrings.hasLoneSurrogate(root)) {
      throw loneSurrogate();
    }
    List<String> missing = new ArrayList<>();
    for (String field : List.of("scope", "store_id", "data", "hash", "producer")) {
      JsonNode value = root.get(field);
      if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      throw WebhookRejection.malformed("missing required field(s): " + String.join(", ", missing));
    }
    String scope = requireText(root, "scope");
    if (scope.length() > MAX_SCOPE_LENGTH || !SCOPE.matcher(scope).matches()) {
      throw WebhookRejection.malformed(
          "scope must look like store/<resource>/<event>: segments of letters, digits and"
              + " underscores, at most "
              + MAX_SCOPE_LENGTH
              + " characters");
    }
    String storeId = storeId(root.get("store_id"));
    JsonNode data = root.get("data");
    if (!(data.isObject() || data.isArray())) {
      throw WebhookRejection.malformed("data must be an object or an array");
    }
    String hash = requireText(root, "hash");
    if (!HASH.matcher(hash).matches()) {
      throw WebhookRejection.malformed(
          "hash must be 1 to 128 visible ASCII characters (BigCommerce sends a SHA-1 in hex)");
    }
    Matcher producer = PRODUCER.matcher(requireText(root, "producer"));
    if (!producer.matches()) {
      throw WebhookRejection.malformed("producer must be stores/<store hash>");
    }
    return new CallbackBody(
        scope,
        storeId,
        data,
        hash,
        createdAt(root.get("created_at")),
        producer.group(0),
        producer.group(1));
  }

  private JsonNode readOneValue(String rawBody) {
    try {
      return reader.readTree(rawBody);
    } catch (JsonParseException e) {
      // Jackson's message may quote the body: say what kind of problem it is, nothing more.
      if (e.getMessage() != null && e.getMessage().startsWith("Duplicate field")) {
        throw WebhookRejection.malformed("body names one field twice in the same object");
      }
      // Jackson 2.21 refuses a lone surrogate in a field name while parsing ("Broken surrogate
      // pair in field name"); in values it still passes it on for JsonStrings to find.
      if (e.getMessage() != null && e.getMessage().contains("surrogate")) {
        throw loneSurrogate();
      }
      throw WebhookRejection.malformed("body is not valid JSON");
    } catch (JsonProcessingException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Trailing token")) {
        throw WebhookRejection.malformed(
            "body must be exactly one JSON value; something follows the object");
      }
      throw WebhookRejection.malformed("body is not valid JSON");
    }
  }

  private static WebhookRejection loneSurrogate() {
    return WebhookRejection.malformed(
        "body contains a lone UTF-16 surrogate escape (\\ud800-\\udfff): not valid Unicode");
  }

  /** A numeric string (as BigCommerce sends it) or a whole number, positive. */
  private static String storeId(JsonNode storeId) {
    if (storeId.isIntegralNumber()) {
      if (!storeId.canConvertToLong() || storeId.longValue() < 1) {
        throw WebhookRejection.invalid("store_id must be a positive whole number");
      }
      return Long.toString(storeId.longValue());
    }
    if (!storeId.isTextual()) {
      throw WebhookRejection.malformed("store_id must be a string or an integer");
    }
    if (!STORE_ID.matcher(storeId.textValue()).matches()) {
      throw WebhookRejection.invalid("store_id must be a positive whole number (\"1025646\")");
    }
    return storeId.textValue();
  }

  /** Optional Unix seconds, between the platform's start and a day from now. */
  private Long createdAt(JsonNode created) {
    if (created == null || created.isNull()) {
      return null;
    }
    if (!created.isIntegralNumber()) {
      throw WebhookRejection.malformed("created_at must be an integer (Unix seconds)");
    }
    long latest = clock.instant().plus(CREATED_AT_FUTURE_SKEW).getEpochSecond();
    if (!created.canConvertToLong()
        || created.longValue() < EARLIEST_CREATED_AT.getEpochSecond()
        || created.longValue() > latest) {
      throw WebhookRejection.invalid(
          "created_at must be Unix seconds between " + EARLIEST_CREATED_AT + " and a day from now");
    }
    return created.longValue();
  }

  private static String requireText(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (!value.isTextual()) {
      throw WebhookRejection.malformed(field + " must be a string");
    }
    return value.asText();
  }
}
