package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds live records of a type by a text field value (unique checks, external-id parent references)
 * for one API call, without scanning the whole type for each of the call's 200 records: with tens
 * of thousands of order lines (the sync benchmark) those scans made the simulator, not the client,
 * the bottleneck. Each index is built on first use from the store and kept current with every
 * record the call writes ({@link #track}); candidates are re-checked against the record's current
 * value, so an entry left behind by an update in the same call never matches wrongly.
 */
final class KeyLookup {
  private final RecordStore store;
  private final Map<String, Map<String, List<Record>>> indexes = new HashMap<>();
  private final Map<String, FieldDef> indexedFields = new HashMap<>();

  KeyLookup(RecordStore store) {
    this.store = store;
  }

  List<Record> live(SObjectType type, FieldDef field, Object value) {
    if (!(value instanceof String text)) {
      return store.live(type).stream()
          .filter(r -> FieldValues.sameKey(field, r.get(field.name()), value))
          .toList();
    }
    return index(type, field).getOrDefault(normalise(field, text), List.of()).stream()
        .distinct()
        .filter(r -> !r.isDeleted() && FieldValues.sameKey(field, r.get(field.name()), value))
        .toList();
  }

  /** A record this call inserted or updated: visible to the rest of the call's lookups. */
  void track(Record record) {
    indexedFields.forEach(
        (key, field) -> {
          if (key.startsWith(record.type().name() + ".")
              && record.get(field.name()) instanceof String text) {
            indexes
                .get(key)
                .computeIfAbsent(normalise(field, text), k -> new ArrayList<>())
                .add(record);
          }
        });
  }

  private Map<String, List<Record>> index(SObjectType type, FieldDef field) {
    String key = type.name() + "." + field.name();
    return indexes.computeIfAbsent(
        key,
        k -> {
          indexedFields.put(k, field);
          Map<String, List<Record>> index = new HashMap<>();
          for (Record record : store.live(type)) {
            if (record.get(field.name()) instanceof String text) {
              index.computeIfAbsent(normalise(field, text), x -> new ArrayList<>()).add(record);
            }
          }
          return index;
        });
  }

  private static String normalise(FieldDef field, String value) {
    return field.caseSensitive() ? value : value.toLowerCase(Locale.ROOT);
  }
}
