package io.bcsync.sim.bigcommerce.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One shared mapper; the simulator builds its wire JSON as trees so field order and types are
 * explicit.
 */
public final class Json {
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode parse(byte[] bytes) throws IOException {
    return MAPPER.readTree(bytes);
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The elements of an array node; none when it is absent, null or not an array. */
  public static java.util.List<JsonNode> elements(JsonNode array) {
    java.util.List<JsonNode> list = new java.util.ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(list::add);
    }
    return list;
  }

  public static String text(JsonNode node, String field, String fallback) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? fallback : v.asText();
  }

  public static long longValue(JsonNode node, String field, long fallback) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? fallback : v.asLong();
  }

  public static boolean bool(JsonNode node, String field, boolean fallback) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? fallback : v.asBoolean();
  }
}
