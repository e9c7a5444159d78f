package io.bcsync.sync.mapping;

/**
 * What the mapper needs to know about one Salesforce field.
 *
 * @param length maximum characters for text types, or {@code null} when unknown or unlimited
 * @param required a create fails without a value (MasterDetail fields always are)
 * @param scale decimal places for numeric types, or {@code null} when unknown
 */
public record FieldSchema(
    String name, FieldType type, Integer length, boolean required, Integer scale) {}
