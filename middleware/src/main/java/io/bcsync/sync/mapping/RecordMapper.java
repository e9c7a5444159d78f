package io.bcsync.sync.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Fills one record from one source document with a resolved object mapping. */
final class RecordMapper {
  /**
   * Jackson on both sides keeps numbers exact (DecimalNode) and avoids a second JSON library's
   * object model.
   */
  private static final Configuration JSON_PATH =
      Configuration.builder()
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
      Object raw = evaluate(mapping.source(), document, mapping.options(), subject, notes);
      raw = lookUp(raw, mapping, subject, notes);
      if (raw == null) {
        raw = mapping.options().defaultValue();
      }
      Object value = ValueConverter.convert(raw, field.target(), mapping.options(), subject, notes);
      if (value == null && field.target().required()) {
        throw new RecordMappingException(
            subject + " is required but its mapping (" + mapping.location() + ") gave no value");
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

  private static Object evaluate(
      ValueSource source,
      JsonNode document,
      FieldOptions options,
      String subject,
      List<String> notes) {
    if (source instanceof ValueSource.Constant constant) {
      return constant.value();
    }
    if (source instanceof ValueSource.Path path) {
      return read(path, document, options, subject);
    }
    if (source instanceof ValueSource.Sum sum) {
      return sum(sum, document, subject, notes);
    }
    ValueSource.Concat concat = (ValueSource.Concat) source;
    List<String> parts = new ArrayList<>();
    for (ValueSource part : concat.parts()) {
      Object value = evaluate(part, document, options, subject, notes);
      if (value != null && !text(value).isBlank()) {
        parts.add(text(value));
      } else if (!concat.skipBlank()) {
        return null;
      }
    }
    return parts.isEmpty() ? null : String.join(concat.separator(), parts);
  }

  private static Object read(
      ValueSource.Path path, JsonNode document, FieldOptions options, String subject) {
    List<Object> values = values(path, document, subject);
    if (values.size() == 1 && path.compiled().isDefinite()) {
      return values.get(0);
    }
    return values.isEmpty()
        ? null
        : String.join(options.joinOrDefault(), values.stream().map(RecordMapper::text).toList());
  }

  /**
   * The non-absent values a path selects: none, one, or (for a path selecting an array) each
   * element's.
   */
  private static List<Object> values(ValueSource.Path path, JsonNode document, String subject) {
    JsonNode found;
    try {
      found = JsonPath.using(JSON_PATH).parse(document).read(path.compiled());
    } catch (PathNotFoundException absent) {
      return List.of();
    }
    List<Object> values = new ArrayList<>();
    if (found != null && found.isArray()) {
      for (JsonNode item : found) {
        Object value = scalar(item, path, subject);
        if (value != null) {
          values.add(value);
        }
      }
    } else {
      Object value = scalar(found, path, subject);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  /**
   * See {@link ValueSource.Sum}: exact decimal arithmetic; null when a definite path or the divisor
   * is absent.
   */
  private static BigDecimal sum(
      ValueSource.Sum sum, JsonNode document, String subject, List<String> notes) {
    BigDecimal total = BigDecimal.ZERO;
    for (ValueSource.Path path : sum.add()) {
      BigDecimal part = total(path, document, subject);
      if (part == null) {
        return null;
      }
      total = total.add(part);
    }
    for (ValueSource.Path path : sum.subtract()) {
      BigDecimal part = total(path, document, subject);
      if (part == null) {
        return null;
      }
      total = total.subtract(part);
    }
    if (sum.divideBy() == null) {
      return total;
    }
    BigDecimal divisor = total(sum.divideBy(), document, subject);
    if (divisor == null) {
      return null;
    }
    if (divisor.signum() == 0) {
      notes.add(subject + ": divide_by " + sum.divideBy().expression() + " is 0, no value");
      return null;
    }
    return total.divide(divisor, MathContext.DECIMAL64);
  }

  private static BigDecimal total(ValueSource.Path path, JsonNode document, String subject) {
    List<Object> values = values(path, document, subject);
    if (values.isEmpty() && path.compiled().isDefinite()) {
      return null;
    }
    BigDecimal total = BigDecimal.ZERO;
    for (Object value : values) {
      total = total.add(number(value, subject));
    }
    return total;
  }

  /** The value is not echoed: it may be customer data. */
  private static BigDecimal number(Object value, String subject) {
    if (value instanceof BigDecimal number) {
      return number;
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new RecordMappingException(subject + ": sum of something that is not a number");
    }
  }

  /**
   * BigCommerce writes "" for unset strings; it counts as absent so that {@code default} applies.
   */
  private static Object scalar(JsonNode node, ValueSource.Path path, String subject) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isContainerNode()) {
      throw new RecordMappingException(
          subject + ": " + path.expression() + " selects an object, not a value");
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
