package io.bcsync.sim.salesforce.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An sObject type: name, key prefix and fields (looked up case-insensitively, as the API does). */
public final class SObjectType {
  public enum Kind {
    STANDARD,
    CUSTOM,
    PLATFORM_EVENT
  }

  private final String name;
  private final String keyPrefix;
  private final Kind kind;
  private String label;
  private String labelPlural;
  private boolean createable = true;
  private boolean updateable = true;
  private boolean deletable = true;
  private String autoNumberFormat;
  private final Map<String, FieldDef> fields = new LinkedHashMap<>();

  public SObjectType(String name, String keyPrefix, Kind kind) {
    this.name = name;
    this.keyPrefix = keyPrefix;
    this.kind = kind;
    this.label = name;
    this.labelPlural = name + "s";
  }

  public SObjectType labels(String singular, String plural) {
    this.label = singular;
    this.labelPlural = plural;
    return this;
  }

  /** Query-only objects such as Organization. */
  public SObjectType readOnlyObject() {
    this.createable = false;
    this.updateable = false;
    this.deletable = false;
    return this;
  }

  public SObjectType autoNumberFormat(String format) {
    this.autoNumberFormat = format;
    return this;
  }

  public FieldDef add(FieldDef field) {
    fields.put(field.name().toLowerCase(Locale.ROOT), field);
    return field;
  }

  public Optional<FieldDef> field(String fieldName) {
    return Optional.ofNullable(fields.get(fieldName.toLowerCase(Locale.ROOT)));
  }

  public boolean hasField(String fieldName) {
    return fields.containsKey(fieldName.toLowerCase(Locale.ROOT));
  }

  /**
   * Finds the lookup field whose relationship name is given (Account for AccountId, Parent__r for
   * Parent__c).
   */
  public Optional<FieldDef> relationship(String relationshipName) {
    return fields.values().stream()
        .filter(
            f ->
                f.relationshipName() != null
                    && f.relationshipName().equalsIgnoreCase(relationshipName))
        .findFirst();
  }

  public Collection<FieldDef> fields() {
    return fields.values();
  }

  public String name() {
    return name;
  }

  public String keyPrefix() {
    return keyPrefix;
  }

  public Kind kind() {
    return kind;
  }

  public String label() {
    return label;
  }

  public String labelPlural() {
    return labelPlural;
  }

  public boolean createable() {
    return createable;
  }

  public boolean updateable() {
    return updateable && kind != Kind.PLATFORM_EVENT;
  }

  public boolean deletable() {
    return deletable && kind != Kind.PLATFORM_EVENT;
  }

  public boolean queryable() {
    return kind != Kind.PLATFORM_EVENT;
  }

  public boolean isCustom() {
    return kind != Kind.STANDARD;
  }

  public boolean isPlatformEvent() {
    return kind == Kind.PLATFORM_EVENT;
  }

  public Optional<String> autoNumberFormat() {
    return Optional.ofNullable(autoNumberFormat);
  }

  /** The per-object change event name: ContactChangeEvent, Order__ChangeEvent for Order__c. */
  public String changeEventName() {
    return name.endsWith("__c")
        ? name.substring(0, name.length() - 1) + "ChangeEvent"
        : name + "ChangeEvent";
  }
}
