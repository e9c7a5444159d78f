package io.bcsync.sync.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageMetadataSchemaTest {
  private final SalesforceSchema schema = new PackageMetadataSchema(Fixtures.PACKAGE);

  @Test
  void reads_custom_fields_with_type_length_and_scale() {
    FieldSchema orderId =
        schema.object("Order").orElseThrow().field("BC_Order_Id__c").orElseThrow();
    assertThat(orderId)
        .isEqualTo(new FieldSchema("BC_Order_Id__c", FieldType.TEXT, 80, false, null));
    FieldSchema total =
        schema.object("BC_Order__c").orElseThrow().field("bc_grand_total__c").orElseThrow();
    assertThat(total.type()).isEqualTo(FieldType.CURRENCY);
    assertThat(total.scale()).isEqualTo(2);
  }

  @Test
  void master_detail_fields_are_required_and_custom_objects_have_a_name() {
    ObjectSchema lines = schema.object("BC_Order_Line__c").orElseThrow();
    assertThat(lines.field("BC_Order__c").orElseThrow().required()).isTrue();
    assertThat(schema.object("BC_Order__c").orElseThrow().field("Name").orElseThrow().length())
        .isEqualTo(80);
  }

  @Test
  void standard_objects_only_carry_the_package_fields_until_combined() {
    assertThat(schema.object("Contact").orElseThrow().field("LastName")).isEmpty();
    SalesforceSchema combined = PackageMetadataSchema.withStandardFields(Fixtures.PACKAGE);
    assertThat(combined.object("Contact").orElseThrow().field("LastName").orElseThrow().required())
        .isTrue();
    assertThat(combined.object("Contact").orElseThrow().field("BC_Customer_Id__c")).isPresent();
    assertThat(combined.object("Nonexistent__c")).isEmpty();
  }

  @Test
  void refuses_xml_with_a_doctype(@TempDir Path dir) throws Exception {
    Path fields = Files.createDirectories(dir.resolve("objects/Evil__c/fields"));
    Files.writeString(
        fields.resolve("X__c.field-meta.xml"),
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><CustomField><fullName>&e;</fullName></CustomField>");

    assertThatThrownBy(() -> new PackageMetadataSchema(dir))
        .hasMessageContaining("Cannot read Salesforce metadata");
  }
}
