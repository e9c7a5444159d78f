package io.bcsync.sim.salesforce;

import static io.bcsync.sim.salesforce.TestOrgs.sobject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.InvalidFieldFault;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.bind.XmlObject;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.FieldType;
import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import io.bcsync.sim.salesforce.schema.SfdxMetadataLoader;
import io.bcsync.sim.salesforce.schema.StandardObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Objects, fields and CDC selections come from SFDX metadata; without the package its fields do not
 * exist.
 */
class MetadataLoadingTest {
  private static final Path REAL_PACKAGE = Path.of("../../sfdx-package/force-app");

  private static Schema loadFixture() {
    Schema schema = new Schema();
    StandardObjects.registerAll(schema);
    new SfdxMetadataLoader(schema).load(TestOrgs.fixtureMetadata());
    return schema;
  }

  @Test
  void fixture_objects_fields_and_cdc_selection_are_loaded() {
    Schema schema = loadFixture();

    SObjectType log = schema.type("sync_log__c").orElseThrow();
    assertThat(log.keyPrefix()).startsWith("a0");
    assertThat(log.field("Account__c").orElseThrow().relationshipName()).isEqualTo("Account__r");
    assertThat(log.field("Status__c").orElseThrow().picklistValues())
        .containsExactly("Success", "Failed");
    assertThat(log.field("Name").orElseThrow().isAutoNumber()).isTrue();
    FieldDef location = log.field("Where__c").orElseThrow();
    assertThat(location.type()).as("unmodelled types load as text").isEqualTo(FieldType.STRING);
    assertThat(schema.type("Order_Sync__e").orElseThrow().isPlatformEvent()).isTrue();
    FieldDef accountKey =
        schema.type("Account").orElseThrow().field("BC_Customer_Id__c").orElseThrow();
    assertThat(accountKey.externalId()).isTrue();
    assertThat(accountKey.caseSensitive()).isFalse();
    assertThat(
            schema
                .type("Contact")
                .orElseThrow()
                .field("BC_Customer_Id__c")
                .orElseThrow()
                .caseSensitive())
        .as("non-unique external ids match case-sensitively")
        .isTrue();
    assertThat(schema.cdcEntities())
        .containsExactlyInAnyOrder("Account", "Contact", "Order", "Sync_Log__c");
    assertThat(schema.cdcMembersFor("Contact").get(0).enrichedFields())
        .containsExactly("BC_Customer_Id__c");
    assertThat(schema.isKnownChannel("/data/Sync_Log__ChangeEvent")).isTrue();
  }

  @Test
  void custom_object_lookups_are_queryable_through_the_relationship() throws Exception {
    try (SalesforceSimulator sim = TestOrgs.start()) {
      PartnerConnection connection = TestOrgs.login(sim);
      String account =
          connection.create(new SObject[] {sobject("Account", Map.of("Name", "Logged"))})[0]
              .getId();
      connection.create(
          new SObject[] {
            sobject(
                "Sync_Log__c",
                Map.of("Message__c", "hello", "Account__c", account, "Status__c", "Failed"))
          });

      SObject log =
          connection.query(
                  "SELECT Name, Message__c, Account__r.Name FROM Sync_Log__c WHERE Status__c = 'Failed'")
              .getRecords()[0];

      assertThat(log.getField("Name")).isEqualTo("SL-0100");
      assertThat(((XmlObject) log.getField("Account__r")).getField("Name")).isEqualTo("Logged");
    }
  }

  @Test
  void without_the_package_its_fields_are_invalid_field() throws Exception {
    try (SalesforceSimulator sim = SalesforceSimulator.start()) {
      PartnerConnection connection = TestOrgs.login(sim);

      assertThatThrownBy(
              () ->
                  connection.create(
                      new SObject[] {
                        sobject("Account", Map.of("Name", "X", "BC_Customer_Id__c", "1"))
                      }))
          .isInstanceOf(InvalidFieldFault.class);
    }
  }

  @Test
  void the_real_package_loads_completely_when_present() throws IOException {
    Assumptions.assumeTrue(Files.isDirectory(REAL_PACKAGE), "sfdx-package/force-app not present");
    Schema schema = new Schema();
    StandardObjects.registerAll(schema);

    SfdxMetadataLoader.LoadReport report = new SfdxMetadataLoader(schema).load(REAL_PACKAGE);

    List<Path> fieldFiles;
    try (Stream<Path> walk = Files.walk(REAL_PACKAGE)) {
      fieldFiles = walk.filter(p -> p.toString().endsWith(".field-meta.xml")).toList();
    }
    assertThat(report.fields()).isEqualTo(fieldFiles.size());
    for (Path file : fieldFiles) {
      String object = file.getParent().getParent().getFileName().toString();
      String field = file.getFileName().toString().replace(".field-meta.xml", "");
      assertThat(schema.type(object).flatMap(t -> t.field(field)))
          .as(object + "." + field)
          .isPresent();
    }
    try (SalesforceSimulator sim =
        SalesforceSimulator.start(SimulatorOptions.defaults().metadata(REAL_PACKAGE))) {
      assertThat(sim.metadataReports()).hasSize(1);
    }
  }
}
