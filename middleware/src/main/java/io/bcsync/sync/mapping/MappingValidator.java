package io.bcsync.sync.mapping;

import io.bcsync.sync.mapping.MappingDocument.ObjectEntry;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a merged mapping against a Salesforce schema and resolves it into a {@link SyncMapping}.
 * Everything that can be known before the first order arrives is checked here, so a bad mapping
 * stops the service at startup instead of dead-lettering orders later: objects and fields exist,
 * required fields are covered, lookups exist, options suit the target type, and constants and
 * defaults convert to the target type.
 */
final class MappingValidator {
  private final SalesforceSchema schema;
  private final List<MappingProblem> problems;

  MappingValidator(SalesforceSchema schema, List<MappingProblem> problems) {
    this.schema = schema;
    this.problems = problems;
  }

  SyncMapping resolve(MappingDocument document) {
    Map<String, ResolvedObject> resolved = new LinkedHashMap<>();
    for (ObjectEntry entry : document.objects().values()) {
      resolveObject(entry, document).ifPresent(object -> resolved.put(object.object(), object));
    }
    checkOneLineObjectPerParent(document);
    Map<String, Map<String, String>> lookups = new LinkedHashMap<>();
    document.lookups().forEach((name, table) -> lookups.put(name, table.entries()));
    return new SyncMapping(resolved, lookups);
  }

  private Optional<ResolvedObject> resolveObject(ObjectEntry entry, MappingDocument document) {
    String object = entry.object();
    if (entry.source() == null) {
      problem(entry.location(), object, "needs a source (order, order_line or customer)");
    }
    checkParent(entry, document);
    Optional<ObjectSchema> objectSchema = schema.object(object);
    if (objectSchema.isEmpty()) {
      problem(entry.location(), object, "no such object in the Salesforce schema");
      return Optional.empty();
    }
    List<String> linked = entry.linkedBySync() == null ? List.of() : entry.linkedBySync();
    Set<String> covered = new HashSet<>();
    for (String field : linked) {
      objectSchema
          .get()
          .field(field)
          .ifPresentOrElse(
              found -> covered.add(found.name()),
              () ->
                  problem(
                      entry.location(),
                      object + "." + field,
                      "linked_by_sync names no such field on " + object));
    }
    List<ResolvedField> fields = new ArrayList<>();
    for (FieldMapping mapping : entry.fields().values()) {
      if (mapping == null) {
        continue; // removed by the store file
      }
      String subject = object + "." + mapping.field();
      Optional<FieldSchema> target = objectSchema.get().field(mapping.field());
      if (target.isEmpty()) {
        problem(mapping.location(), subject, "no such field on " + object);
        continue;
      }
      covered.add(target.get().name());
      if (checkField(mapping, target.get(), subject, document)) {
        fields.add(new ResolvedField(mapping, target.get()));
      }
    }
    for (FieldSchema field : objectSchema.get().fields()) {
      if (field.required() && !covered.contains(field.name())) {
        problem(
            entry.location(),
            object + "." + field.name(),
            "required field is neither mapped nor listed in linked_by_sync");
      }
    }
    if (entry.source() == null) {
      return Optional.empty();
    }
    ObjectMapping mapping =
        new ObjectMapping(
            object,
            entry.source(),
            entry.parent(),
            fields.stream().map(ResolvedField::mapping).toList(),
            linked,
            entry.location());
    return Optional.of(new ResolvedObject(mapping, fields));
  }

  private void checkParent(ObjectEntry entry, MappingDocument document) {
    if (entry.source() == SourceKind.ORDER_LINE) {
      ObjectEntry parent = entry.parent() == null ? null : document.objects().get(entry.parent());
      if (parent == null || parent.source() != SourceKind.ORDER) {
        problem(
            entry.location(),
            entry.object(),
            "an order_line object needs parent: naming an object with source order");
      }
    } else if (entry.parent() != null) {
      problem(entry.location(), entry.object(), "parent only applies to order_line objects");
    }
  }

  private void checkOneLineObjectPerParent(MappingDocument document) {
    Set<String> parents = new HashSet<>();
    for (ObjectEntry entry : document.objects().values()) {
      if (entry.source() == SourceKind.ORDER_LINE
          && entry.parent() != null
          && !parents.add(entry.parent())) {
        problem(
            entry.location(),
            entry.object(),
            "a second order_line object for parent " + entry.parent());
      }
    }
  }

  /**
   * Checks options against the target type; returns false when the mapping cannot be used at all.
   */
  private boolean checkField(
      FieldMapping mapping, FieldSchema target, String subject, MappingDocument document) {
    int before = problems.size();
    FieldOptions options = mapping.options();
    FieldType type = target.type();
    if (options.lookup() != null && !document.lookups().containsKey(options.lookup())) {
      problem(mapping.location(), subject, "unknown lookup table '" + options.lookup() + "'");
    }
    if (mapping.source() instanceof ValueSource.Sum && !(type.isNumeric() || type.isTextual())) {
      problem(mapping.location(), subject, "sum: gives a number, but the field is " + type);
    }
    if (options.date() != null && !(type.isTemporal() || type.isTextual())) {
      problem(
          mapping.location(),
          subject,
          "date: applies to Date, DateTime and text fields, not " + type);
    }
    if (options.zone() != null && !type.isTemporal() && options.date() == null) {
      problem(mapping.location(), subject, "zone: applies to dates only");
    }
    if (options.scale() != null
        && (options.scale() < 0 || !(type.isNumeric() || type.isTextual()))) {
      problem(mapping.location(), subject, "scale: must be 0 or more, on a number or text field");
    }
    if (options.format() != null) {
      checkFormat(mapping, type, subject);
    }
    if (options.date() != null) {
      try {
        DateReader.formatterFor(options.date());
      } catch (IllegalArgumentException e) {
        problem(
            mapping.location(),
            subject,
            "date: '" + options.date() + "' is not rfc2822, iso8601 or a date pattern");
      }
    }
    if (problems.size() == before) {
      checkFixedValues(mapping, target, subject);
    }
    return problems.size() == before;
  }

  private void checkFormat(FieldMapping mapping, FieldType type, String subject) {
    FieldOptions options = mapping.options();
    if (!type.isTextual()) {
      problem(mapping.location(), subject, "format: writes text, but the field is " + type);
      return;
    }
    try {
      if (options.date() != null) {
        DateReader.formatterFor(options.format());
      } else {
        new DecimalFormat(options.format());
      }
    } catch (IllegalArgumentException e) {
      problem(
          mapping.location(), subject, "format: '" + options.format() + "' is not a valid pattern");
    }
  }

  /** Constants and defaults are known now, so they are converted now: a typo fails at startup. */
  private void checkFixedValues(FieldMapping mapping, FieldSchema target, String subject) {
    List<String> fixed = new ArrayList<>();
    if (mapping.source() instanceof ValueSource.Constant constant
        && mapping.options().lookup() == null) {
      fixed.add(constant.value());
    }
    if (mapping.options().defaultValue() != null) {
      fixed.add(mapping.options().defaultValue());
    }
    for (String value : fixed) {
      try {
        ValueConverter.convert(value, target, mapping.options(), subject, new ArrayList<>());
      } catch (RecordMappingException e) {
        problem(
            mapping.location(),
            subject,
            "fixed value does not fit the field: "
                + e.getMessage().substring(subject.length() + 2));
      }
    }
  }

  private void problem(SourceLocation location, String subject, String message) {
    problems.add(new MappingProblem(location, subject, message));
  }
}
