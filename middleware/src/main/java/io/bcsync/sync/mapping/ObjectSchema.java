package io.bcsync.sync.mapping;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one Salesforce object. Names are looked up ignoring case, as Salesforce API names
 * are.
 */
public final class ObjectSchema {
  private final String name;
  private final Map<String, FieldSchema> fields = new LinkedHashMap<>();

  public ObjectSchema(String name, Collection<FieldSchema> fields) {
    this.name = name;
    fields.forEach(field -> this.fields.put(key(field.name()), field));
  }

  public String name() {
    return name;
  }

  public Optional<FieldSchema> field(String fieldName) {
    return Optional.ofNullable(fields.get(key(fieldName)));
  }

  public Collection<FieldSchema> fields() {
    return fields.values();
  }

  /** This object's fields plus {@code other}'s; on a clash this object's definition stays. */
  public ObjectSchema plus(ObjectSchema other) {
    Map<String, FieldSchema> merged = new LinkedHashMap<>(fields);
    other.fields.forEach(merged::putIfAbsent);
    return new ObjectSchema(name, merged.values());
  }

  private static String key(String fieldName) {
    return fieldName.toLowerCase(Locale.ROOT);
  }
}
