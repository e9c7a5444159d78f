package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.data.RecordChange.ChangeType;
import io.bcsync.sim.salesforce.ids.IdGenerator;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.FieldType;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates and applies one record's insert, update or delete; failures are thrown as
 * RecordError.Failure.
 */
final class RecordWriter {
  private final Schema schema;
  private final RecordStore store;
  private final IdGenerator ids;
  private final BusinessRules rules;
  private final Map<String, Long> autoNumbers = new HashMap<>();

  RecordWriter(Schema schema, RecordStore store, IdGenerator ids, BusinessRules rules) {
    this.schema = schema;
    this.store = store;
    this.ids = ids;
    this.rules = rules;
  }

  Record insert(SObjectType type, RecordInput input, Transaction tx) {
    Map<String, Object> values = validatedValuesForInsert(type, input, tx);
    rules.beforeInsert(type, values);
    String id = ids.next(type.keyPrefix());
    Instant now = tx.now();
    values.put("Id", id);
    values.put("CreatedDate", now);
    values.put("CreatedById", tx.context().userId());
    stampModified(values, tx);
    type.fields().stream()
        .filter(FieldDef::isAutoNumber)
        .forEach(f -> values.put(f.name(), nextAutoNumber(type, f)));
    Record record = store.insert(type, id, values);
    tx.record(
        record, ChangeType.CREATE, new LinkedHashMap<>(record.values()), List.of(), List.of());
    return record;
  }

  /**
   * Everything an insert checks before it writes; also used for platform events, which are never
   * stored.
   */
  Map<String, Object> validatedValuesForInsert(
      SObjectType type, RecordInput input, Transaction tx) {
    if (!type.createable()) {
      throw RecordError.of(
              "INVALID_TYPE", "entity type " + type.name() + " does not support create")
          .fail();
    }
    if (input.id() != null) {
      throw RecordError.of(
              "INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", "Id")
          .fail();
    }
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> notWritable = new ArrayList<>();
    input
        .values()
        .forEach(
            (name, raw) -> {
              FieldDef field = type.field(name).orElseThrow();
              if (!field.createable()) {
                notWritable.add(field.name());
              }
              values.put(field.name(), FieldValues.parse(field, raw));
            });
    input.fieldsToNull().forEach(name -> values.remove(type.field(name).orElseThrow().name()));
    resolveParentReferences(type, input, values, tx);
    failIfNotWritable(notWritable);
    for (FieldDef field : type.fields()) {
      if (!values.containsKey(field.name()) && field.defaultValue() != null && field.createable()) {
        values.put(field.name(), field.defaultValue());
      }
    }
    if (type.hasField("OwnerId") && !values.containsKey("OwnerId")) {
      values.put("OwnerId", tx.context().userId());
    }
    List<String> missing =
        type.fields().stream()
            .filter(FieldDef::requiredOnCreate)
            .filter(f -> values.get(f.name()) == null)
            .map(FieldDef::name)
            .toList();
    if (!missing.isEmpty()) {
      throw requiredMissing(missing);
    }
    checkReferences(type, values);
    QueueOwnership.check(schema, store, type, values);
    checkUnique(type, values, null, tx);
    return values;
  }

  Record update(SObjectType type, RecordInput input, Transaction tx) {
    if (input.id() == null) {
      throw RecordError.of("MISSING_ARGUMENT", "Id not specified in an update call", "Id").fail();
    }
    Record record = existing(DmlEngine.requireId(input.id()), type);
    if (!type.updateable()) {
      throw RecordError.of(
              "INVALID_TYPE", "entity type " + type.name() + " does not support update")
          .fail();
    }
    Map<String, Object> changes = new LinkedHashMap<>();
    List<String> notWritable = new ArrayList<>();
    input
        .values()
        .forEach(
            (name, raw) -> {
              FieldDef field = type.field(name).orElseThrow();
              if (field.name().equals("Id")) {
                return;
              }
              if (!field.updateable()) {
                notWritable.add(field.name());
              }
              changes.put(field.name(), FieldValues.parse(field, raw));
            });
    List<String> requiredNulled = new ArrayList<>();
    input
        .fieldsToNull()
        .forEach(
            name -> {
              FieldDef field = type.field(name).orElseThrow();
              if (!field.updateable()) {
                notWritable.add(field.name());
              } else if (!field.nillable()) {
                requiredNulled.add(field.name());
              }
              changes.put(field.name(), null);
            });
    resolveParentReferences(type, input, changes, tx);
    failIfNotWritable(notWritable);
    if (!requiredNulled.isEmpty()) {
      throw requiredMissing(requiredNulled);
    }
    checkReferences(type, changes);
    QueueOwnership.check(schema, store, type, changes);
    checkUnique(type, changes, record.id(), tx);
    rules.beforeUpdate(type, record, changes);
    apply(record, changes, tx);
    return record;
  }

  /** Writes changes, stamps audit fields and records an UPDATE carrying only what changed. */
  void apply(Record record, Map<String, Object> changes, Transaction tx) {
    Map<String, Object> changedValues = new LinkedHashMap<>();
    List<String> changed = new ArrayList<>();
    List<String> nulled = new ArrayList<>();
    changes.forEach(
        (field, value) -> {
          if (!FieldValues.same(record.get(field), value)) {
            changed.add(field);
            changedValues.put(field, value);
            if (value == null) {
              nulled.add(field);
            }
            record.put(field, value);
          }
        });
    Map<String, Object> audit = new LinkedHashMap<>();
    stampModified(audit, tx);
    audit.forEach(record::put);
    changed.add("LastModifiedDate");
    changedValues.put("LastModifiedDate", audit.get("LastModifiedDate"));
    tx.record(record, ChangeType.UPDATE, changedValues, changed, nulled);
  }

  SaveOutcome delete(String rawId, Transaction tx) {
    String id = DmlEngine.requireId(rawId);
    Record record = store.find(id).orElseThrow(() -> crossReference().fail());
    if (record.isDeleted()) {
      throw RecordError.of("ENTITY_IS_DELETED", "entity is deleted").fail();
    }
    if (!record.type().deletable()) {
      throw RecordError.of(
              "INVALID_TYPE", "entity type " + record.type().name() + " does not support delete")
          .fail();
    }
    rules.beforeDelete(record);
    for (Record child : rules.cascadeDeletes(record)) {
      markDeleted(child, tx);
    }
    markDeleted(record, tx);
    return SaveOutcome.ok(id, false);
  }

  /** Brings a deleted record back; CDC reports UNDELETE with all its fields, like CREATE. */
  SaveOutcome undelete(String rawId, Transaction tx) {
    String id = DmlEngine.requireId(rawId);
    Record record = store.find(id).orElseThrow(() -> crossReference().fail());
    if (!record.isDeleted()) {
      throw RecordError.of("UNDELETE_FAILED", "Entity is not in the recycle bin").fail();
    }
    record.restoreFromRecycleBin();
    Map<String, Object> audit = new LinkedHashMap<>();
    stampModified(audit, tx);
    audit.forEach(record::put);
    tx.record(
        record, ChangeType.UNDELETE, new LinkedHashMap<>(record.values()), List.of(), List.of());
    return SaveOutcome.ok(id, false);
  }

  private void markDeleted(Record record, Transaction tx) {
    if (!record.isDeleted()) {
      record.markDeleted();
      tx.record(record, ChangeType.DELETE, Map.of(), List.of(), List.of());
    }
  }

  Record existing(String id, SObjectType expected) {
    Record record = store.find(id).orElseThrow(() -> crossReference().fail());
    if (record.type() != expected) {
      throw RecordError.of(
              "MALFORMED_ID", expected.label() + " ID: id value of incorrect type: " + id, "Id")
          .fail();
    }
    if (record.isDeleted()) {
      throw RecordError.of("ENTITY_IS_DELETED", "entity is deleted").fail();
    }
    return record;
  }

  /**
   * Parent by external id: child element named after the relationship holding one external-id
   * value.
   */
  private void resolveParentReferences(
      SObjectType type, RecordInput input, Map<String, Object> values, Transaction tx) {
    for (Map.Entry<String, RecordInput> ref : input.parentReferences().entrySet()) {
      FieldDef lookup = type.relationship(ref.getKey()).orElseThrow();
      RecordInput parentInput = ref.getValue();
      SObjectType parentType =
          schema
              .type(parentInput.type())
              .orElseGet(() -> schema.type(lookup.referenceTo().get(0)).orElseThrow());
      if (parentInput.values().size() != 1) {
        throw RecordError.of(
                "INVALID_FIELD",
                "A relationship reference must name exactly one external id field for "
                    + parentType.name(),
                lookup.name())
            .fail();
      }
      Map.Entry<String, String> key = parentInput.values().entrySet().iterator().next();
      FieldDef keyField = parentType.field(key.getKey()).orElseThrow();
      if (!keyField.idLookup()) {
        throw RecordError.of(
                "INVALID_FIELD",
                "Field name provided, "
                    + keyField.name()
                    + " is not an External ID or indexed field for "
                    + parentType.name(),
                lookup.name())
            .fail();
      }
      Object keyValue = FieldValues.parse(keyField, key.getValue());
      List<Record> matches = tx.keys().live(parentType, keyField, keyValue);
      if (matches.isEmpty()) {
        throw RecordError.of(
                "INVALID_FIELD",
                "Foreign key external ID: "
                    + key.getValue()
                    + " not found for field "
                    + keyField.name()
                    + " in entity "
                    + parentType.name(),
                lookup.name())
            .fail();
      }
      if (matches.size() > 1) {
        throw RecordError.of(
                "DUPLICATE_EXTERNAL_ID",
                "Foreign key external ID: "
                    + key.getValue()
                    + " matched more than one record for field "
                    + keyField.name()
                    + " in entity "
                    + parentType.name(),
                lookup.name())
            .fail();
      }
      values.put(lookup.name(), matches.get(0).id());
    }
  }

  private void checkReferences(SObjectType type, Map<String, Object> values) {
    values.forEach(
        (name, value) -> {
          FieldDef field = type.field(name).orElseThrow();
          if (field.type() != FieldType.REFERENCE || value == null) {
            return;
          }
          Optional<Record> target = store.findLive((String) value);
          if (target.isEmpty()) {
            throw RecordError.of(
                    "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", field.name())
                .fail();
          }
          boolean rightType =
              field.referenceTo().stream()
                  .anyMatch(t -> t.equalsIgnoreCase(target.get().type().name()));
          if (!rightType) {
            throw RecordError.of(
                    "FIELD_INTEGRITY_EXCEPTION",
                    "field integrity exception: unknown ("
                        + field.label()
                        + ": id value of incorrect type: "
                        + value
                        + ")",
                    field.name())
                .fail();
          }
        });
  }

  private void checkUnique(
      SObjectType type, Map<String, Object> values, String selfId, Transaction tx) {
    values.forEach(
        (name, value) -> {
          FieldDef field = type.field(name).orElseThrow();
          if (!field.unique() || value == null) {
            return;
          }
          tx.keys().live(type, field, value).stream()
              .filter(r -> !r.id().equals(selfId))
              .findFirst()
              .ifPresent(
                  clash -> {
                    throw RecordError.of(
                            "DUPLICATE_VALUE",
                            "duplicate value found: "
                                + field.name()
                                + " duplicates value on record with id: "
                                + clash.id(),
                            field.name())
                        .fail();
                  });
        });
  }

  private static void failIfNotWritable(List<String> fields) {
    if (!fields.isEmpty()) {
      throw new RecordError(
              "INVALID_FIELD_FOR_INSERT_UPDATE",
              "Unable to create/update fields: "
                  + String.join(", ", fields)
                  + ". Please check the security settings of this field and verify that it is read/write for your profile "
                  + "or permission set.",
              List.copyOf(fields))
          .fail();
    }
  }

  private static RecordError.Failure requiredMissing(List<String> fields) {
    return new RecordError(
            "REQUIRED_FIELD_MISSING", "Required fields are missing: " + fields, List.copyOf(fields))
        .fail();
  }

  static RecordError crossReference() {
    return RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
  }

  private static void stampModified(Map<String, Object> values, Transaction tx) {
    values.put("LastModifiedDate", tx.now());
    values.put("LastModifiedById", tx.context().userId());
    values.put("SystemModstamp", tx.now());
  }

  private String nextAutoNumber(SObjectType type, FieldDef field) {
    long next = autoNumbers.merge(type.name() + "." + field.name(), 1L, Long::sum) + 99;
    String format = type.autoNumberFormat().orElse("{00000000}");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(0+)}").matcher(format);
    if (!m.find()) {
      return format + next;
    }
    String digits = String.format("%0" + m.group(1).length() + "d", next);
    return format.substring(0, m.start()) + digits + format.substring(m.end());
  }
}
