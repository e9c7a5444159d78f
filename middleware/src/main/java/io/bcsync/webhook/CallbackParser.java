package io.bcsync.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and validates a callback body; every problem becomes a 400 naming the offending field. */
@Singleton
public class CallbackParser {
  private static final Pattern PRODUCER = Pattern.compile("stores/([a-z0-9]{1,32})");
  private static final Pattern SCOPE = Pattern.compile("store/[A-Za-z0-9_*/.-]{1,190}");
  private static final int MAX_HASH_LENGTH = 128;

  private final ObjectMapper mapper;

  public CallbackParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public CallbackBody parse(String rawBody) {
    JsonNode root;
    try {
      root = mapper.readTree(rawBody);
    } catch (JsonProcessingException e) {
      throw WebhookRejection.malformed("body is not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw WebhookRejection.malformed("body must be a JSON object");
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
    if (!SCOPE.matcher(scope).matches()) {
      throw WebhookRejection.malformed("scope must look like store/<resource>/<event>");
    }
    JsonNode storeId = root.get("store_id");
    if (!(storeId.isTextual() || storeId.isIntegralNumber())) {
      throw WebhookRejection.malformed("store_id must be a string or an integer");
    }
    JsonNode data = root.get("data");
    if (!(data.isObject() || data.isArray())) {
      throw WebhookRejection.malformed("data must be an object or an array");
    }
    String hash = requireText(root, "hash");
    if (hash.length() > MAX_HASH_LENGTH) {
      throw WebhookRejection.malformed("hash is too long");
    }
    Matcher producer = PRODUCER.matcher(requireText(root, "producer"));
    if (!producer.matches()) {
      throw WebhookRejection.malformed("producer must be stores/<store hash>");
    }
    Long createdAt = null;
    JsonNode created = root.get("created_at");
    if (created != null && !created.isNull()) {
      if (!created.isIntegralNumber()) {
        throw WebhookRejection.malformed("created_at must be an integer (Unix seconds)");
      }
      createdAt = created.asLong();
    }
    return new CallbackBody(
        scope, storeId.asText(), data, hash, createdAt, producer.group(0), producer.group(1));
  }

  private static String requireText(JsonNode root, String field) {
    JsonNode value = root.get(field);
    if (!value.isTextual()) {
      throw WebhookRejection.malformed(field + " must be a string");
    }
    return value.asText();
  }
}
