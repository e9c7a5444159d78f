package io.bcsync.sim.salesforce.schema;

import io.bcsync.sfdx.MetadataXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps a CustomField metadata file to the describe attributes the simulator enforces. */
final class CustomFieldMapper {
  private static final Logger LOG = LoggerFactory.getLogger(CustomFieldMapper.class);

  private CustomFieldMapper() {}

  static FieldDef toField(String fullName, MetadataXml xml, String objectName) {
    String metadataType = xml.text("type").orElse("Text");
    boolean formula = xml.text("formula").isPresent();
    FieldDef field = new FieldDef(fullName, fieldType(metadataType, fullName, objectName));
    field.label(xml.text("label").orElse(fullName));
    xml.number("length").ifPresent(field::length);
    if (field.type().kind() == FieldType.ValueKind.NUMBER) {
      field.precision(xml.number("precision").orElse(18), xml.number("scale").orElse(0));
    }
    switch (metadataType) {
      case "LongTextArea", "Html" -> field.length(xml.number("length").orElse(32768));
      case "TextArea" -> field.length(255);
      case "Checkbox" ->
          field.defaultValue(xml.text("defaultValue").map(Boolean::parseBoolean).orElse(false));
      // <relationshipName> names the child relationship seen from the parent; the child reaches its
      // parent through the field name with __r instead of __c.
      case "Lookup", "MasterDetail" -> {
        field.references(fullName.replace("__c", "__r"), xml.text("referenceTo").orElse("User"));
        // Parent-to-child subqueries name it with __r appended (SOQL and SOSL Reference,
        // "Relationship Names for Custom Objects and Custom Fields").
        xml.text("relationshipName").ifPresent(name -> field.childRelationship(name + "__r"));
      }
      case "Picklist", "MultiselectPicklist" ->
          field.picklist(
              xml.descendants("value").stream()
                  .flatMap(v -> v.text("fullName").stream())
                  .toArray(String[]::new));
      case "AutoNumber" -> field.autoNumber();
      case "Summary" -> field.calculated();
      default -> {
        // other types need no extra attributes
      }
    }
    if ("MasterDetail".equals(metadataType) || xml.flag("required")) {
      field.required();
    }
    if (xml.flag("externalId")) {
      field.externalId(xml.flag("unique"), xml.flag("caseSensitive"));
    } else if (xml.flag("unique")) {
      field.unique(xml.flag("caseSensitive"));
    }
    if (formula) {
      field.calculated();
    }
    return field;
  }

  private static FieldType fieldType(String metadataType, String fullName, String objectName) {
    return switch (metadataType) {
      case "Text", "EncryptedText" -> FieldType.STRING;
      case "TextArea", "LongTextArea", "Html" -> FieldType.TEXTAREA;
      case "Email" -> FieldType.EMAIL;
      case "Phone" -> FieldType.PHONE;
      case "Url" -> FieldType.URL;
      case "Number", "Summary" -> FieldType.DOUBLE;
      case "Currency" -> FieldType.CURRENCY;
      case "Percent" -> FieldType.PERCENT;
      case "Checkbox" -> FieldType.BOOLEAN;
      case "Date" -> FieldType.DATE;
      case "DateTime" -> FieldType.DATETIME;
      case "Picklist" -> FieldType.PICKLIST;
      case "MultiselectPicklist" -> FieldType.MULTIPICKLIST;
      case "Lookup", "MasterDetail" -> FieldType.REFERENCE;
      case "AutoNumber" -> FieldType.STRING;
      default -> {
        LOG.info(
            "Field {}.{} has type {} which the simulator does not model; treating it as text",
            objectName,
            fullName,
            metadataType);
        yield FieldType.STRING;
      }
    };
  }
}
