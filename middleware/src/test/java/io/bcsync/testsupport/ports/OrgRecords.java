package io.bcsync.testsupport.ports;

import io.bcsync.salesforce.writer.SalesforceErrors;
import io.bcsync.sync.port.ExternalReference;
import io.bcsync.sync.port.RecordError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The records of the in-memory org and what one record's create, update, upsert or delete does to
 * them, with Salesforce's per-record rules and errors (../shared/reference/salesforce.md A.8, A.9,
 * E and G). Where the real rule or code is not documented, the fake refuses rather than accepts,
 * and says so where it does. Not thread-safe: {@link InMemorySalesforce} serialises calls.
 */
final class OrgRecords {
  /** One record; deleted ones stay (in the recycle bin) so a second delete can say so. */
  static final class Stored {
    final String type;
    final Map<String, Object> values = new LinkedHashMap<>();
    boolean deleted;

    Stored(String type) {
      this.type = type;
    }

    String id() {
      return (String) values.get("Id");
    }

    Object get(String field) {
      return values.get(field);
    }
  }

  /** What one record's write did: its id and whether it was inserted, or its error. */
  record Saved(String id, boolean created, RecordError error) {
    boolean success() {
      return error == null;
    }
  }

  /** Thrown inside one record's write; turned into that record's error. */
  static final class Refused extends RuntimeException {
    final RecordError error;

    Refused(RecordError error) {
      super(error.toString(), null, false, false);
      this.error = error;
    }
  }

  private final OrgSchema schema;
  private final OrgOrderRules orders = new OrgOrderRules(this);
  private final Map<String, Stored> byId = new LinkedHashMap<>();
  private long nextId = 1;

  OrgRecords(OrgSchema schema) {
    this.schema = schema;
  }

  static RecordError error(String code, String message, String... fields) {
    return new RecordError(code, message, List.of(fields), SalesforceErrors.isRetryable(code));
  }

  static Refused refuse(String code, String message, String... fields) {
    return new Refused(error(code, message, fields));
  }

  Saved create(String type, Map<String, Object> fields) {
    try {
      return new Saved(insert(type, fields).id(), true, null);
    } catch (Refused refused) {
      return new Saved(null, false, refused.error);
    }
  }

  Saved update(String type, Map<String, Object> fields) {
    try {
      return new Saved(change(type, fields).id(), false, null);
    } catch (Refused refused) {
      return new Saved(null, false, refused.error);
    }
  }

  /**
   * Zero matches: insert; one: update; several: DUPLICATE_EXTERNAL_ID
   * (../shared/reference/salesforce.md A.9).
   */
  Saved upsert(String type, String keyField, Map<String, Object> fields) {
    try {
      if (keyField.equals("Id")) {
        return fields.get("Id") == null ? create(type, fields) : update(type, fields);
      }
      if (!schema.isExternalId(type, keyField)) {
        throw refuse(
            "INVALID_FIELD",
            "Field name provided, "
                + keyField
                + " is not an External ID or indexed field for "
                + type);
      }
      Object key = fields.get(keyField);
      if (key == null) {
        throw refuse("MISSING_ARGUMENT", keyField + " not specified", keyField);
      }
      List<Stored> matches = withValue(type, keyField, key);
      if (matches.size() > 1) {
        throw refuse(
            "DUPLICATE_EXTERNAL_ID",
            keyField + ": more than one record found for external id field",
            keyField);
      }
      if (matches.isEmpty()) {
        return create(type, fields);
      }
      Map<String, Object> asUpdate = new LinkedHashMap<>(fields);
      asUpdate.put("Id", matches.get(0).id());
      return update(type, asUpdate);
    } catch (Refused refused) {
      return new Saved(null, false, refused.error);
    }
  }

  /** Null when deleted now. */
  RecordError delete(String id) {
    try {
      Stored record = existing(id, null);
      if (record.type.equals("OrderItem")) {
        orders.refuseOnActivatedOrder(record.get("OrderId"));
      }
      record.deleted = true;
      return null;
    } catch (Refused refused) {
      return refused.error;
    }
  }

  Optional<Stored> find(String id) {
    if (id == null || id.length() < 15) {
      return Optional.empty();
    }
    // Salesforce accepts the 15-character form of an id wherever it takes the 18-character one.
    String shortId = id.substring(0, 15);
    return byId.values().stream().filter(r -> r.id().startsWith(shortId)).findFirst();
  }

  List<Stored> live(String type) {
    return byId.values().stream().filter(r -> !r.deleted && r.type.equals(type)).toList();
  }

  private Stored insert(String type, Map<String, Object> fields) {
    if (fields.containsKey("Id")) {
      throw refuse("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", "Id");
    }
    Map<String, Object> values = resolved(type, fields);
    values.values().removeIf(Objects::isNull);
    List<String> missing =
        schema.required(type).stream().filter(f -> values.get(f) == null).toList();
    if (!missing.isEmpty()) {
      throw refuse(
          "REQUIRED_FIELD_MISSING",
          "Required fields are missing: " + missing,
          missing.toArray(String[]::new));
    }
    checkLookups(type, values);
    checkUnique(type, values, null);
    orders.check(type, null, values);
    if (type.equals("Lead")) {
      values.putIfAbsent("IsConverted", false);
    }
    Stored record = new Stored(type);
    record.values.put("Id", newId(type));
    record.values.putAll(values);
    byId.put(record.id(), record);
    return record;
  }

  private Stored change(String type, Map<String, Object> fields) {
    Stored record = existing((String) fields.get("Id"), type);
    if (type.equals("Lead") && Boolean.TRUE.equals(record.get("IsConverted"))) {
      throw refuse("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead");
    }
    List<String> createOnly =
        fields.keySet().stream()
            .map(f -> fields.get(f) instanceof ExternalReference ? OrgSchema.lookupField(f) : f)
            .filter(schema.createOnly(type)::contains)
            .toList();
    if (!createOnly.isEmpty()) {
      throw refuse(
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          "Unable to create/update fields: " + String.join(", ", createOnly),
          createOnly.toArray(String[]::new));
    }
    Map<String, Object> changes = resolved(type, fields);
    changes.remove("Id");
    List<String> nulled =
        schema.required(type).stream()
            .filter(f -> changes.containsKey(f) && changes.get(f) == null)
            .toList();
    if (!nulled.isEmpty()) {
      throw refuse(
          "REQUIRED_FIELD_MISSING",
          "Required fields are missing: " + nulled,
          nulled.toArray(String[]::new));
    }
    checkLookups(type, changes);
    checkUnique(type, changes, record.id());
    orders.check(type, record, changes);
    changes.forEach(
        (field, value) -> {
          if (value == null) {
            record.values.remove(field);
          } else {
            record.values.put(field, value);
          }
        });
    return record;
  }

  /** The record to update or delete, or the error Salesforce gives for that id. */
  private Stored existing(String id, String expectedType) {
    String type = schema.objectOf(id);
    if (id == null || type == null || (expectedType != null && !expectedType.equals(type))) {
      throw refuse("MALFORMED_ID", "id value of incorrect type: " + id, "Id");
    }
    Stored record =
        find(id)
            .orElseThrow(() -> refuse("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
    if (record.deleted) {
      throw refuse("ENTITY_IS_DELETED", "entity is deleted");
    }
    return record;
  }

  /** The field values with every external id reference replaced by the parent's id. */
  private Map<String, Object> resolved(String type, Map<String, Object> fields) {
    Map<String, Object> values = new LinkedHashMap<>();
    fields.forEach(
        (field, value) -> {
          if (value instanceof ExternalReference ref) {
            values.put(OrgSchema.lookupField(field), parentId(field, ref));
          } else {
            values.put(field, value);
          }
        });
    return values;
  }

  private String parentId(String relationship, ExternalReference ref) {
    String lookup = OrgSchema.lookupField(relationship);
    if (!schema.isExternalId(ref.sobjectType(), ref.externalIdField())) {
      throw refuse(
          "INVALID_FIELD",
          "Field name provided, "
              + ref.externalIdField()
              + " is not an External ID or indexed field for "
              + ref.sobjectType(),
          lookup);
    }
    List<Stored> parents = withValue(ref.sobjectType(), ref.externalIdField(), ref.value());
    if (parents.isEmpty()) {
      throw refuse(
          "INVALID_FIELD",
          "Foreign key external ID: "
              + ref.value()
              + " not found for field "
              + ref.externalIdField()
              + " in entity "
              + ref.sobjectType(),
          lookup);
    }
    if (parents.size() > 1) {
      throw refuse(
          "DUPLICATE_EXTERNAL_ID",
          "Foreign key external ID: " + ref.value() + " matched more than one record",
          lookup);
    }
    return parents.get(0).id();
  }

  private void checkLookups(String type, Map<String, Object> values) {
    values.forEach(
        (field, value) -> {
          String target = schema.lookupTarget(type, field);
          if (target == null || value == null) {
            return;
          }
          Optional<Stored> parent = find(value.toString());
          if (parent.isEmpty()) {
            throw refuse("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", field);
          }
          if (parent.get().deleted) {
            throw refuse("ENTITY_IS_DELETED", "entity is deleted", field);
          }
          if (!parent.get().type.equals(target)) {
            throw refuse(
                "FIELD_INTEGRITY_EXCEPTION",
                field + ": id value of incorrect type: " + value,
                field);
          }
        });
  }

  /** A unique field's value already on another live record of the object: DUPLICATE_VALUE. */
  private void checkUnique(String type, Map<String, Object> values, String selfId) {
    for (String field : schema.externalIds(type)) {
      Object value = values.get(field);
      if (value == null) {
        continue;
      }
      withValue(type, field, value).stream()
          .filter(other -> !other.id().equals(selfId))
          .findFirst()
          .ifPresent(
              other -> {
                // Named with the field, which CustomerWriteResults needs to see a concurrent link.
                // Whether SOAP names it is not known: a REST answer has been seen with an empty
                // field list, and ../shared/reference/salesforce.md has no SOAP sample.
                throw refuse(
                    "DUPLICATE_VALUE",
                    "duplicate value found: "
                        + field
                        + " duplicates value on record with id: "
                        + other.id(),
                    field);
              });
    }
  }

  /** Live records whose field equals the value; text ignoring case, as the package's keys do. */
  List<Stored> withValue(String type, String field, Object value) {
    List<Stored> found = new ArrayList<>();
    for (Stored record : live(type)) {
      Object stored = record.get(field);
      if (stored != null && stored.toString().equalsIgnoreCase(value.toString())) {
        found.add(record);
      }
    }
    return found;
  }

  /**
   * An 18-character id: key prefix, a counter, and the case-safe suffix Salesforce computes from
   * where the first 15 characters have capitals.
   */
  private String newId(String type) {
    String base = schema.prefix(type) + String.format("%012d", nextId++);
    StringBuilder id = new StringBuilder(base);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = base.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      id.append(alphabet.charAt(bits));
    }
    return id.toString();
  }
}
