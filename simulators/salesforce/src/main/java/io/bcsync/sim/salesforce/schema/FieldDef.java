package io.bcsync.sim.salesforce.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * One field of an sObject, with the describe attributes the simulator enforces. Built fluently,
 * then read-only.
 */
public final class FieldDef {
  private final String name;
  private final FieldType type;
  private String label;
  private int length;
  private int precision;
  private int scale;
  private boolean nillable = true;
  private boolean createable = true;
  private boolean updateable = true;
  private boolean defaultedOnCreate;
  private boolean externalId;
  private boolean unique;
  private boolean caseSensitive;
  private boolean idLookup;
  private boolean calculated;
  private boolean autoNumber;
  private boolean custom;
  private boolean nameField;
  private Object defaultValue;
  private List<String> referenceTo = List.of();
  private String relationshipName;
  private String childRelationshipName;
  private List<String> picklistValues = List.of();

  public FieldDef(String name, FieldType type) {
    this.name = name;
    this.type = type;
    this.label = name;
    this.custom = name.endsWith("__c");
    if (type.hasLength()) {
      this.length = 255;
    }
  }

  public FieldDef label(String value) {
    this.label = value;
    return this;
  }

  public FieldDef length(int value) {
    this.length = value;
    return this;
  }

  public FieldDef precision(int p, int s) {
    this.precision = p;
    this.scale = s;
    return this;
  }

  public FieldDef custom(boolean value) {
    this.custom = value;
    return this;
  }

  public FieldDef nameField() {
    this.nameField = true;
    return this;
  }

  /**
   * Not nillable, creatable and not defaulted: a create without it fails with
   * REQUIRED_FIELD_MISSING.
   */
  public FieldDef required() {
    this.nillable = false;
    return this;
  }

  public FieldDef readOnly() {
    this.createable = false;
    this.updateable = false;
    return this;
  }

  public FieldDef createOnly() {
    this.updateable = false;
    return this;
  }

  public FieldDef calculated() {
    this.calculated = true;
    return readOnly();
  }

  public FieldDef autoNumber() {
    this.autoNumber = true;
    this.nillable = false;
    this.defaultedOnCreate = true;
    return readOnly();
  }

  public FieldDef defaultValue(Object value) {
    this.defaultValue = value;
    this.defaultedOnCreate = true;
    return this;
  }

  /** Not nillable but filled in by the platform when absent (OwnerId, checkboxes). */
  public FieldDef markDefaultedOnCreate() {
    this.defaultedOnCreate = true;
    this.nillable = false;
    return this;
  }

  public FieldDef externalId(boolean isUnique, boolean isCaseSensitive) {
    this.externalId = true;
    this.unique = isUnique;
    // "Treat ABC and abc as duplicates" only exists for unique fields; other text keys match
    // case-sensitively.
    this.caseSensitive = !isUnique || isCaseSensitive;
    this.idLookup = true;
    return this;
  }

  public FieldDef unique(boolean isCaseSensitive) {
    this.unique = true;
    this.caseSensitive = isCaseSensitive;
    return this;
  }

  public FieldDef markIdLookup() {
    this.idLookup = true;
    return this;
  }

  public FieldDef references(String relationship, String... targets) {
    this.referenceTo = List.of(targets);
    this.relationshipName = relationship;
    return this;
  }

  /**
   * The name under which the parent object lists the records of this lookup in parent-to-child
   * subqueries and describe's childRelationships (Order's OrderItems for OrderItem.OrderId, {@code
   * BC_Order_Lines__r} for a custom lookup whose metadata says {@code BC_Order_Lines}). Null: the
   * relationship cannot be queried from the parent.
   */
  public FieldDef childRelationship(String name) {
    this.childRelationshipName = name;
    return this;
  }

  public FieldDef picklist(String... values) {
    this.picklistValues = List.of(values);
    return this;
  }

  public String name() {
    return name;
  }

  public FieldType type() {
    return type;
  }

  public String label() {
    return label;
  }

  public int length() {
    return length;
  }

  public int precision() {
    return precision;
  }

  public int scale() {
    return scale;
  }

  public boolean nillable() {
    return nillable;
  }

  public boolean createable() {
    return createable;
  }

  public boolean updateable() {
    return updateable;
  }

  public boolean defaultedOnCreate() {
    return defaultedOnCreate;
  }

  public boolean externalId() {
    return externalId;
  }

  public boolean unique() {
    return unique;
  }

  public boolean caseSensitive() {
    return caseSensitive;
  }

  public boolean idLookup() {
    return idLookup;
  }

  public boolean isCalculated() {
    return calculated;
  }

  public boolean isAutoNumber() {
    return autoNumber;
  }

  public boolean isCustom() {
    return custom;
  }

  public boolean isNameField() {
    return nameField;
  }

  public Object defaultValue() {
    return defaultValue;
  }

  public List<String> referenceTo() {
    return referenceTo;
  }

  public String relationshipName() {
    return relationshipName;
  }

  public String childRelationshipName() {
    return childRelationshipName;
  }

  public List<String> picklistValues() {
    return new ArrayList<>(picklistValues);
  }

  /** Required on create in the REQUIRED_FIELD_MISSING sense. */
  public boolean requiredOnCreate() {
    return !nillable && createable && !defaultedOnCreate;
  }

  /** Whether values compare ignoring case (SOQL '=' on text, and case-insensitive unique keys). */
  public boolean matchesIgnoringCase() {
    return !caseSensitive;
  }
}
