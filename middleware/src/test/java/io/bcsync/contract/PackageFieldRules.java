package io.bcsync.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.sfdx.MetadataXml;
import io.bcsync.sfdx.ObjectDirectory;
import io.bcsync.sfdx.SfdxSourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which field of an object carries the field-level security of a field, read from the package: its
 * custom fields ({@code required}, master-detail, lookups and relationship names) and the offline
 * standard schema of the metadata check ({@code tools/metadata-check/standard-schema.json}: system
 * and required standard fields, compound addresses, standard relationships). Salesforce has no
 * field permissions for Id, system fields, required and master-detail fields (always accessible),
 * and takes those of an address component from its compound field.
 */
final class PackageFieldRules {
  private final Set<String> alwaysAccessible = new HashSet<>();
  private final Set<String> systemFields = new HashSet<>();
  private final Map<String, String> compoundOf = new HashMap<>();
  // "Object.relationship" (lower case) -> target object, for parent and child relationships
  private final Map<String, String> parents = new HashMap<>();
  private final Map<String, String> children = new HashMap<>();
  private final Map<String, String> permissionsFrom = new HashMap<>();

  static PackageFieldRules read(Path forceApp) {
    PackageFieldRules rules = new PackageFieldRules();
    rules.readStandardSchema(forceApp.resolveSibling("tools/metadata-check/standard-schema.json"));
    for (ObjectDirectory object : SfdxSourceTree.at(forceApp).objects()) {
      for (Path file : object.fieldFiles()) {
        rules.readCustomField(object.name(), MetadataXml.read(file));
      }
    }
    return rules;
  }

  private void readStandardSchema(Path file) {
    JsonNode schema;
    try {
      schema = new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    schema.get("systemFields").forEach(field -> systemFields.add(key(field.asText())));
    schema
        .get("objects")
        .fields()
        .forEachRemaining(
            entry -> {
              String object = entry.getKey();
              JsonNode def = entry.getValue();
              if (def.has("permissionsFrom")) {
                permissionsFrom.put(key(object), def.get("permissionsFrom").asText());
              }
              def.path("required").forEach(f -> alwaysAccessible.add(key(object, f.asText())));
              def.path("compound")
                  .fields()
                  .forEachRemaining(
                      compound ->
                          compound
                              .getValue()
                              .forEach(
                                  c -> compoundOf.put(key(object, c.asText()), compound.getKey())));
              def.path("lookups")
                  .fields()
                  .forEachRemaining(
                      l -> parents.put(key(object, l.getKey()), l.getValue().asText()));
              def.path("children")
                  .fields()
                  .forEachRemaining(
                      c -> children.put(key(object, c.getKey()), c.getValue().asText()));
            });
  }

  private void readCustomField(String object, MetadataXml field) {
    String name = field.text("fullName").orElse("");
    String type = field.text("type").orElse("");
    if (field.flag("required") || type.equals("MasterDetail")) {
      alwaysAccessible.add(key(object, name));
    }
    Optional<String> target = field.text("referenceTo");
    Optional<String> relationship = field.text("relationshipName");
    if (target.isPresent() && relationship.isPresent()) {
      parents.put(key(object, name.replaceAll("__c$", "__r")), target.get());
      children.put(key(target.get(), relationship.get() + "__r"), object);
    }
  }

  /**
   * The field whose permission decides access to {@code field}: itself, or the compound address of
   * a component; empty when no field permission applies (Id, system, required, master-detail).
   */
  Optional<String> permissionField(String object, String field) {
    String permission = compoundOf.getOrDefault(key(object, field), lookupField(object, field));
    if (systemFields.contains(key(permission))
        || alwaysAccessible.contains(key(object, permission))) {
      return Optional.empty();
    }
    return Optional.of(permission);
  }

  /**
   * A parent written by external id ({@code Account}, {@code BC_Order__r}) is its lookup field
   * ({@code AccountId}, {@code BC_Order__c}); any other name is itself.
   */
  private String lookupField(String object, String field) {
    if (!parents.containsKey(key(object, field))) {
      return field;
    }
    return field.endsWith("__r") ? field.replaceAll("__r$", "__c") : field + "Id";
  }

  /** The object whose object permissions govern {@code object} (OrderItem: Order). */
  String objectPermissionsOf(String object) {
    return permissionsFrom.getOrDefault(key(object), object);
  }

  /** The object a parent relationship ({@code BC_Store__r}, {@code Account}) points at. */
  Optional<String> parentObject(String object, String relationship) {
    return Optional.ofNullable(parents.get(key(object, relationship)));
  }

  /** The object of a child relationship ({@code OrderItems}, {@code BC_Order_Lines__r}). */
  Optional<String> childObject(String object, String relationship) {
    return Optional.ofNullable(children.get(key(object, relationship)));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  private static String key(String object, String field) {
    return key(object + "." + field);
  }
}
