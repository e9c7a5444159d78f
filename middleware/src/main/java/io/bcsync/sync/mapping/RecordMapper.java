package io.bcsync.sync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Fills one record from one source document with a resolved object mapping. */
final class RecordMapper {
  /** Jackson on both sides keeps numbers exact (DecimalNode) and avoids a second JSON library's object model. */
  private static final Configuration JSON_PATH = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider())
      .mappingProvider(new JacksonMappingProvider())
      .options(Option.DEFAULT_PATH_LEAF_TO_NULL)
      .build();

  private final Function<String, Map<String, String>> lookups;

  RecordMapper(Function<String, Map<String, String>> lookups) {
    this.lookups = lookups;
  }

  MappedRecord map(ResolvedObject object, JsonNode document) {
    Map<String, Object> fields = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    for (ResolvedField field : object.fields()) {
      FieldMapping mapping = field.mapping();
      String subject = object.object() + "." + mapping.field();
      Object raw = evaluate(mapping.source(), document, mapping.options(), subject);
      raw = lookUp(raw, mapping, subject, notes);
      if (raw == null) {
        raw = mapping.options().defaultValue();
      }
      Object value = ValueConverter.convert(raw, field.target(), mapping.options(), subject, notes);
      if (value == null && field.target().required()) {
        throw new RecordMappingException(subject + " is required but its mapping (" + mapping.location() + ") gave no value");
      }
      if (value != null) {
        fields.put(field.target().name(), value);
      }
    }
    return new MappedRecord(object.object(), fields, notes);
  }

  private Object lookUp(Object raw, FieldMapping mapping, String subject, List<String> notes) {
    String table = mapping.options().lookup();
    if (table == null || raw == null) {
      return raw;
    }
    String key = text(raw);
    String found = lookups.apply(table).get(key);
    if (found == null) {
      notes.add(subject + ": no entry for '" + key + "' in lookup " + table);
    }
    return found;
  }

  private static Object evaluate(ValueSource source, JsonNode document, FieldOptions options, String subject) {
    if (source instanceof ValueSource.Constant constant) {
      return constant.value();
    }
    if (source instanceof ValueSource.Path path) {
      return read(path, document, options, subject);
    }
    ValueSource.Concat concat = (ValueSource.Concat) source;
    List<String> parts = new ArrayList<>();
    for (ValueSource part : concat.parts()) {
      Object value = evaluate(part, document, options, subject);
      if (value != null && !text(value).isBlank()) {
        parts.add(text(value));
      } else if (!concat.skipBlank()) {
        return null;
      }
    }
    return parts.isEmpty() ? null : String.join(concat.separator(), parts);
  }

  private static Object read(ValueSource.Path path, JsonNode document, FieldOptions options, String subject) {
    JsonNode found;
    try {
      found = JsonPath.using(JSON_PATH).parse(document).read(path.compiled());
    } catch (PathNotFoundException absent) {
      return null;
    }
    if (found != null && found.isArray()) {
      List<String> items = new ArrayList<>();
      for (JsonNode item : found) {
        Object value = scalar(item, path, subject);
        if (value != null) {
          items.add(text(value));
        }
      }
      return items.isEmpty() ? null : String.join(options.joinOrDefault(), items);
    }
    return scalar(found, path, subject);
  }

  /** BigCommerce writes "" for unset strings; it counts as absent so that {@code default} applies. */
  private static Object scalar(JsonNode node, ValueSource.Path path, String subject) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isContainerNode()) {
      throw new RecordMappingException(subject + ": " + path.expression() + " selects an object, not a value");
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    String text = node.asText();
    return text.isBlank() ? null : text;
  }

  private static String text(Object value) {
    return value instanceof java.math.BigDecimal number ? number.toPlainString() : value.toString();
  }
}
