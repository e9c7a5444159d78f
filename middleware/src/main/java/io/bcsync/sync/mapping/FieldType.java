package io.bcsync.sync.mapping;

import java.util.Locale;

/** Salesforce field types, grouped by how the mapper converts a value for them. */
public enum FieldType {
  TEXT,
  TEXT_AREA,
  EMAIL,
  PHONE,
  URL,
  PICKLIST,
  NUMBER,
  CURRENCY,
  PERCENT,
  DATE,
  DATETIME,
  CHECKBOX,
  REFERENCE,
  OTHER;

  /**
   * From the {@code <type>} of a {@code CustomField} in SFDX source, or a describe {@code
   * soapType}-like name.
   */
  public static FieldType fromMetadata(String type) {
    return switch (type == null ? "" : type.strip().toLowerCase(Locale.ROOT)) {
      case "text", "string", "encryptedtext" -> TEXT;
      case "textarea", "longtextarea", "html" -> TEXT_AREA;
      case "email" -> EMAIL;
      case "phone" -> PHONE;
      case "url" -> URL;
      case "picklist", "multiselectpicklist" -> PICKLIST;
      case "number", "double", "int" -> NUMBER;
      case "currency" -> CURRENCY;
      case "percent" -> PERCENT;
      case "date" -> DATE;
      case "datetime" -> DATETIME;
      case "checkbox", "boolean" -> CHECKBOX;
      case "lookup", "masterdetail", "reference" -> REFERENCE;
      default -> OTHER;
    };
  }

  /** Types whose value is sent as a string (and may have a length). */
  public boolean isTextual() {
    return this == TEXT
        || this == TEXT_AREA
        || this == EMAIL
        || this == PHONE
        || this == URL
        || this == PICKLIST
        || this == REFERENCE
        || this == OTHER;
  }

  public boolean isNumeric() {
    return this == NUMBER || this == CURRENCY || this == PERCENT;
  }

  public boolean isTemporal() {
    return this == DATE || this == DATETIME;
  }
}
