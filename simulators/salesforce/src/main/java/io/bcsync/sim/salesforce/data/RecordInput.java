package io.bcsync.sim.salesforce.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sObject as sent by a client, before validation: raw text values in the order they arrived,
 * parent references by external id keyed by relationship name, and fields to clear.
 */
public record RecordInput(
    String type,
    Map<String, String> values,
    Map<String, RecordInput> parentReferences,
    List<String> fieldsToNull) {

  public RecordInput {
    values = new LinkedHashMap<>(values);
    parentReferences = new LinkedHashMap<>(parentReferences);
    fieldsToNull = List.copyOf(fieldsToNull);
  }

  public static RecordInput of(String type, Map<String, ?> fields) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> nulls = new java.util.ArrayList<>();
    fields.forEach(
        (k, v) -> {
          if (v == null) {
            nulls.add(k);
          } else {
            values.put(k, String.valueOf(v));
          }
        });
    return new RecordInput(type, values, Map.of(), nulls);
  }

  /** The Id value, whatever case the client used for the element name. */
  public String id() {
    return values.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase("Id"))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  public String value(String field) {
    return values.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(field))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }
}
