package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.SObjectType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stored record: typed values keyed by the canonical field name. */
public final class Record {
  private final SObjectType type;
  private final String id;
  private final Map<String, Object> values;
  private boolean deleted;

  Record(SObjectType type, String id, Map<String, Object> values) {
    this.type = type;
    this.id = id;
    this.values = new LinkedHashMap<>(values);
  }

  public SObjectType type() {
    return type;
  }

  public String id() {
    return id;
  }

  public Object get(String canonicalField) {
    return values.get(canonicalField);
  }

  public Map<String, Object> values() {
    return Collections.unmodifiableMap(values);
  }

  public boolean isDeleted() {
    return deleted;
  }

  void put(String canonicalField, Object value) {
    if (value == null) {
      values.remove(canonicalField);
    } else {
      values.put(canonicalField, value);
    }
  }

  void markDeleted() {
    deleted = true;
  }

  void restoreFromRecycleBin() {
    deleted = false;
  }

  Record copy() {
    Record copy = new Record(type, id, values);
    copy.deleted = deleted;
    return copy;
  }
}
