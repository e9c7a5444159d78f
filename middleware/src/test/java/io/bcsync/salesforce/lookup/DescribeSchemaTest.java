package io.bcsync.salesforce.lookup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.sync.mapping.FieldSchema;
import io.bcsync.sync.mapping.FieldType;
import io.bcsync.sync.mapping.InvalidMappingException;
import io.bcsync.sync.mapping.SyncConfigLoader;
import io.bcsync.testsupport.SimulatedOrgTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mapping validation against the org's describe results. */
@MicronautTest(transactional = false)
class DescribeSchemaTest extends SimulatedOrgTest {

  @Inject SalesforceConnector connector;

  @Test
  void the_shipped_defaults_validate_against_the_org_and_fields_carry_their_describe_facts()
      throws Exception {
    DescribeSchema schema = new DescribeSchema(connector);
    connector.session();
    sim.resetApiCalls();
    schema.prefetch(
        List.of(
            "Account",
            "Contact",
            "Lead",
            "Order",
            "OrderItem",
            "Opportunity",
            "OpportunityLineItem",
            "BC_Order__c",
            "BC_Order_Line__c",
            "No_Such_Object__c"));

    assertThat(sim.apiCallCount("describeGlobal")).isEqualTo(1);
    assertThat(sim.apiCallCount("describeSObjects")).isEqualTo(1);
    new SyncConfigLoader(schema).loadDefaults();
    assertThat(schema.object("No_Such_Object__c")).isEmpty();

    assertThat(schema.object("contact").orElseThrow().field("LastName"))
        .contains(new FieldSchema("LastName", FieldType.TEXT, 80, true, null));
    assertThat(schema.object("Contact").orElseThrow().field("Email").orElseThrow().type())
        .isEqualTo(FieldType.EMAIL);
    assertThat(schema.object("Contact").orElseThrow().field("Name"))
        .as("calculated: not writable")
        .isEmpty();
    assertThat(schema.object("Account").orElseThrow().field("OwnerId").orElseThrow().required())
        .as("defaulted on create")
        .isFalse();
    FieldSchema total =
        schema.object("BC_Order__c").orElseThrow().field("BC_Grand_Total__c").orElseThrow();
    assertThat(total.type()).isEqualTo(FieldType.CURRENCY);
    assertThat(total.scale()).isEqualTo(2);
  }

  @Test
  void a_field_the_org_lacks_is_rejected(@TempDir Path dir) throws Exception {
    Path store = dir.resolve("store.yml");
    Files.writeString(
        store,
        """
        objects:
          Contact:
            fields:
              BC_Shoe_Size__c: $.customer.id
        """);

    assertThatThrownBy(() -> new SyncConfigLoader(new DescribeSchema(connector)).load(store))
        .isInstanceOf(InvalidMappingException.class)
        .hasMessageContaining("store.yml:4")
        .hasMessageContaining("Contact.BC_Shoe_Size__c");
  }
}
