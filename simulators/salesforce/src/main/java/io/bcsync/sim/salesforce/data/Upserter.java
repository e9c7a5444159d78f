package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * upsert: match on the external id (case rules of the field); none -> create, one -> update,
 * several -> DUPLICATE_EXTERNAL_ID; the same key twice in one call -> DUPLICATE_VALUE for those.
 */
final class Upserter {
  private final RecordWriter writer;
  private final Transaction tx;

  Upserter(RecordWriter writer, Transaction tx) {
    this.writer = writer;
    this.tx = tx;
  }

  List<SaveOutcome> upsertAll(String externalIdField, List<RecordInput> records, Schema schema) {
    List<Object> keys = new ArrayList<>();
    List<SaveOutcome> outcomes = new ArrayList<>();
    for (RecordInput input : records) {
      SObjectType type = schema.type(input.type()).orElseThrow();
      try {
        keys.add(keyValue(keyField(type, externalIdField), input));
        outcomes.add(null);
      } catch (RecordError.Failure failure) {
        keys.add(null);
        outcomes.add(SaveOutcome.failed(failure.error));
      }
    }
    List<SaveOutcome> result = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (outcomes.get(i) != null) {
        result.add(outcomes.get(i));
        continue;
      }
      RecordInput input = records.get(i);
      SObjectType type = schema.type(input.type()).orElseThrow();
      FieldDef key = keyField(type, externalIdField);
      Object value = keys.get(i);
      if (value != null && repeatedInBatch(key, keys, i)) {
        // DUPLICATE_VALUE, not DUPLICATE_EXTERNAL_ID (that one is several stored records matching
        // one key): ../shared/reference/salesforce.md G.
        result.add(
            SaveOutcome.failed(
                RecordError.of(
                    "DUPLICATE_VALUE",
                    "Duplicate external id specified: " + input.value(key.name()),
                    key.name())));
        continue;
      }
      result.add(DmlEngine.attempt(() -> upsertOne(type, key, value, input)));
    }
    return result;
  }

  private SaveOutcome upsertOne(SObjectType type, FieldDef key, Object value, RecordInput input) {
    if (key.name().equals("Id")) {
      return value == null
          ? SaveOutcome.ok(writer.insert(type, input, tx).id(), true)
          : SaveOutcome.ok(writer.update(type, input, tx).id(), false);
    }
    List<Record> matches = tx.keys().live(type, key, value);
    if (matches.isEmpty()) {
      return SaveOutcome.ok(writer.insert(type, input, tx).id(), true);
    }
    if (matches.size() > 1) {
      throw RecordError.of(
              "DUPLICATE_EXTERNAL_ID",
              key.label()
                  + ": more than one record found for external id field: "
                  + matches.stream().map(Record::id).toList(),
              key.name())
          .fail();
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("Id", matches.get(0).id());
    values.putAll(input.values());
    RecordInput asUpdate =
        new RecordInput(input.type(), values, input.parentReferences(), input.fieldsToNull());
    return SaveOutcome.ok(writer.update(type, asUpdate, tx).id(), false);
  }

  private static FieldDef keyField(SObjectType type, String name) {
    FieldDef field = name == null ? null : type.field(name).orElse(null);
    if (field == null || !(field.idLookup() || field.externalId())) {
      throw RecordError.of(
              "INVALID_FIELD",
              "Field name provided, "
                  + name
                  + " is not an External ID or indexed field for "
                  + type.name())
          .fail();
    }
    return field;
  }

  private static Object keyValue(FieldDef key, RecordInput input) {
    String raw = key.name().equals("Id") ? input.id() : input.value(key.name());
    if (raw == null) {
      if (key.name().equals("Id")) {
        return null;
      }
      throw RecordError.of("MISSING_ARGUMENT", key.name() + " not specified", key.name()).fail();
    }
    return FieldValues.parse(key, raw);
  }

  private static boolean repeatedInBatch(FieldDef key, List<Object> keys, int index) {
    for (int j = 0; j < keys.size(); j++) {
      if (j != index
          && keys.get(j) != null
          && FieldValues.sameKey(key, keys.get(j), keys.get(index))) {
        return true;
      }
    }
    return false;
  }
}
