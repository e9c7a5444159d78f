package io.bcsync.sim.salesforce.soap;

import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;

/** DescribeSObjectResult and Field, limited to the elements the simulator knows, in WSDL order. */
final class DescribeXml {
  private DescribeXml() {}

  static String describe(Schema schema, String operation, java.util.List<SObjectType> types) {
    Xml xml = new Xml().open(operation + "Response");
    types.forEach(t -> describe(xml, schema, t));
    return xml.close(operation + "Response").toString();
  }

  static String describeGlobal(java.util.Collection<SObjectType> types) {
    Xml xml =
        new Xml()
            .open("describeGlobalResponse")
            .open("result")
            .element("encoding", "UTF-8")
            .element("maxBatchSize", 200);
    for (SObjectType t : types) {
      xml.open("sobjects")
          .element("activateable", false)
          .element("createable", t.createable())
          .element("custom", t.isCustom())
          .element("customSetting", false)
          .element("deletable", t.deletable())
          .element("deprecatedAndHidden", false)
          .element("feedEnabled", false)
          .element("keyPrefix", t.keyPrefix())
          .element("label", t.label())
          .element("labelPlural", t.labelPlural())
          .element("layoutable", !t.isPlatformEvent())
          .element("mergeable", false)
          .element("mruEnabled", false)
          .element("name", t.name())
          .element("queryable", t.queryable())
          .element("replicateable", t.queryable())
          .element("retrieveable", t.queryable())
          .element("searchable", t.queryable())
          .element("triggerable", true)
          .element("undeletable", t.deletable())
          .element("updateable", t.updateable())
          .close("sobjects");
    }
    return xml.close("result").close("describeGlobalResponse").toString();
  }

  private static void describe(Xml xml, Schema schema, SObjectType type) {
    xml.open("result").element("activateable", false);
    schema.childRelationships(type).forEach(r -> childRelationship(xml, r));
    xml.element("createable", type.createable())
        .element("custom", type.isCustom())
        .element("customSetting", false)
        .element("deletable", type.deletable())
        .element("deprecatedAndHidden", false)
        .element("feedEnabled", false);
    type.fields().forEach(f -> field(xml, f));
    xml.element("keyPrefix", type.keyPrefix())
        .element("label", type.label())
        .element("labelPlural", type.labelPlural())
        .element("layoutable", !type.isPlatformEvent())
        .element("mergeable", false)
        .element("mruEnabled", false)
        .element("name", type.name())
        .element("queryable", type.queryable())
        .element("replicateable", type.queryable())
        .element("retrieveable", type.queryable())
        .element("searchable", type.queryable())
        .element("triggerable", true)
        .element("undeletable", type.deletable())
        .element("updateable", type.updateable())
        .close("result");
  }

  /**
   * ChildRelationship in WSDL order (cascadeDelete, childSObject, deprecatedAndHidden, field,
   * relationshipName, restrictedDelete): the names parent-to-child subqueries use.
   */
  private static void childRelationship(Xml xml, Schema.ChildRelationship relationship) {
    xml.open("childRelationships")
        .element("cascadeDelete", false)
        .element("childSObject", relationship.child().name())
        .element("deprecatedAndHidden", false)
        .element("field", relationship.field().name())
        .element("relationshipName", relationship.field().childRelationshipName())
        .element("restrictedDelete", false)
        .close("childRelationships");
  }

  private static void field(Xml xml, FieldDef f) {
    boolean text = f.type().hasLength();
    xml.open("fields")
        .element("autoNumber", f.isAutoNumber())
        .element("byteLength", text ? f.length() * 3 : 0)
        .element("calculated", f.isCalculated())
        .element("caseSensitive", f.caseSensitive())
        .element("createable", f.createable())
        .element("custom", f.isCustom())
        .element("defaultedOnCreate", f.defaultedOnCreate())
        .element("dependentPicklist", false)
        .element("deprecatedAndHidden", false)
        .element(
            "digits", f.type() == io.bcsync.sim.salesforce.schema.FieldType.INT ? f.precision() : 0)
        .element("externalId", f.externalId())
        .element("filterable", true)
        .element(
            "groupable",
            f.type().kind() != io.bcsync.sim.salesforce.schema.FieldType.ValueKind.NUMBER)
        .element("idLookup", f.idLookup())
        .element("label", f.label())
        .element("length", text ? f.length() : (f.type().soapType().equals("tns:ID") ? 18 : 0))
        .element("name", f.name())
        .element("nameField", f.isNameField())
        .element("namePointing", f.referenceTo().size() > 1)
        .element("nillable", f.nillable());
    for (String value : f.picklistValues()) {
      xml.open("picklistValues")
          .element("active", true)
          .element("defaultValue", value.equals(f.defaultValue()))
          .element("label", value)
          .element("value", value)
          .close("picklistValues");
    }
    xml.element("precision", f.precision());
    f.referenceTo().forEach(r -> xml.element("referenceTo", r));
    if (f.relationshipName() != null) {
      xml.element("relationshipName", f.relationshipName());
    }
    xml.element("restrictedPicklist", false)
        .element("scale", f.scale())
        .element("soapType", f.type().soapType())
        .element("sortable", true)
        .element("type", f.type().describeName())
        .element("unique", f.unique())
        .element("updateable", f.updateable())
        .close("fields");
  }
}
