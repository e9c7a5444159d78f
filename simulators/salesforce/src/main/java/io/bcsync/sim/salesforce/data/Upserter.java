package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** upsert: match on the external id (case rules of the field); none -> create, one -> update, several -> error. */
final class Upserter {
    private final RecordStore store;
    private final RecordWriter writer;
    private final Transaction tx;
    private final Map<String, Map<String, List<Record>>> indexes = new HashMap<>();

    Upserter(RecordStore store, RecordWriter writer, Transaction tx) {
        this.store = store;
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
                result.add(SaveOutcome.failed(RecordError.of("DUPLICATE_EXTERNAL_ID",
                        "Duplicate external id specified: " + input.value(key.name()), key.name())));
                continue;
            }
            result.add(DmlEngine.attempt(() -> upsertOne(type, key, value, input)));
        }
        return result;
    }

    private SaveOutcome upsertOne(SObjectType type, FieldDef key, Object value, RecordInput input) {
        if (key.name().equals("Id")) {
            return value == null ? SaveOutcome.ok(writer.insert(type, input, tx).id(), true)
                    : SaveOutcome.ok(writer.update(type, input, tx).id(), false);
        }
        List<Record> matches = value instanceof String text
                ? keyIndex(type, key).getOrDefault(indexKey(key, text), List.of()).stream()
                        .filter(r -> !r.isDeleted() && FieldValues.sameKey(key, r.get(key.name()), value)).toList()
                : store.live(type).stream().filter(r -> FieldValues.sameKey(key, r.get(key.name()), value)).toList();
        if (matches.isEmpty()) {
            return SaveOutcome.ok(writer.insert(type, input, tx).id(), true);
        }
        if (matches.size() > 1) {
            throw RecordError.of("DUPLICATE_EXTERNAL_ID", key.label() + ": more than one record found for external id field: "
                    + matches.stream().map(Record::id).toList(), key.name()).fail();
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("Id", matches.get(0).id());
        values.putAll(input.values());
        RecordInput asUpdate = new RecordInput(input.type(), values, input.parentReferences(), input.fieldsToNull());
        return SaveOutcome.ok(writer.update(type, asUpdate, tx).id(), false);
    }

    /**
     * Live records of the type by their key value, built once per call: matching each of a call's 200 records by
     * scanning every record of the type made large data sets (benchmarks with tens of thousands of order lines)
     * quadratic. Keys of one call are distinct (checked before), so records this call inserts never need to be found
     * by another of its records, and the index built at the start stays correct for the call.
     */
    private Map<String, List<Record>> keyIndex(SObjectType type, FieldDef key) {
        return indexes.computeIfAbsent(type.name() + "." + key.name(), k -> {
            Map<String, List<Record>> index = new HashMap<>();
            for (Record record : store.live(type)) {
                if (record.get(key.name()) instanceof String text) {
                    index.computeIfAbsent(indexKey(key, text), x -> new ArrayList<>()).add(record);
                }
            }
            return index;
        });
    }

    private static String indexKey(FieldDef key, String value) {
        return key.caseSensitive() ? value : value.toLowerCase(Locale.ROOT);
    }

    private static FieldDef keyField(SObjectType type, String name) {
        FieldDef field = name == null ? null : type.field(name).orElse(null);
        if (field == null || !(field.idLookup() || field.externalId())) {
            throw RecordError.of("INVALID_FIELD", "Field name provided, " + name + " is not an External ID or indexed field for "
                    + type.name()).fail();
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
            if (j != index && keys.get(j) != null && FieldValues.sameKey(key, keys.get(j), keys.get(index))) {
                return true;
            }
        }
        return false;
    }
}
