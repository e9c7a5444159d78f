package io.bcsync.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.testsupport.SimulatedSalesforce;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of {@link PackageContractTest} on a small package of their own: which field carries a
 * permission, what SOQL reads, and how known gaps pass or fail.
 */
class ContractRulesTest {
  private static final String NS = "xmlns=\"http://soap.sforce.com/2006/04/metadata\"";

  @TempDir Path dir;
  Path forceApp;

  @BeforeEach
  void smallPackage() throws IOException {
    forceApp = dir.resolve("force-app");
    Path standard =
        SimulatedSalesforce.packageMetadata()
            .resolveSibling("tools/metadata-check/standard-schema.json");
    write(dir.resolve("tools/metadata-check/standard-schema.json"), Files.readString(standard));
    write(
        forceApp.resolve("main/default/objects/Order/fields/BC_Store__c.field-meta.xml"),
        "<CustomField "
            + NS
            + "><fullName>BC_Store__c</fullName><referenceTo>BC_Store__c"
            + "</referenceTo><relationshipName>Orders</relationshipName><type>Lookup</type>"
            + "</CustomField>");
    write(
        forceApp.resolve("main/default/objects/BC_Store__c/fields/BC_Hash__c.field-meta.xml"),
        "<CustomField "
            + NS
            + "><fullName>BC_Hash__c</fullName><required>true</required>"
            + "<type>Text</type></CustomField>");
    write(
        forceApp.resolve("main/default/classes/Panel.cls"),
        """
        public with sharing class Panel {
            // [SELECT Ignored__c FROM Account] in a comment is not read
            static Object load(Id accountId, Integer size) {
                String text = '[SELECT Quoted__c FROM Account]';
                return [
                    SELECT Id, BillingAddress, BillingStreet, BC_Store__r.BC_Hash__c,
                        (SELECT Quantity, TotalPrice FROM OrderItems ORDER BY Id LIMIT 200)
                    FROM Order
                    WHERE AccountId = :accountId AND Status != 'Draft'
                    WITH USER_MODE
                    ORDER BY EffectiveDate DESC NULLS LAST
                    LIMIT :size
                ];
            }
        }
        """);
  }

  @Test
  void soqlReadsSelectedFieldsPathsSubqueriesAndFiltersButNotBindsOrComments() {
    ApexSoqlReads reads = ApexSoqlReads.of(forceApp, PackageFieldRules.read(forceApp));

    assertThat(reads.objects()).containsExactly("Order", "BC_Store__c", "OrderItem");
    assertThat(reads.reads())
        .extracting(r -> r.object() + "." + r.field())
        .containsExactlyInAnyOrder(
            "Order.Id",
            "Order.BillingAddress",
            "Order.BillingStreet",
            "Order.BC_Store__r",
            "BC_Store__c.BC_Hash__c",
            "OrderItem.Quantity",
            "OrderItem.TotalPrice",
            "OrderItem.Id",
            "Order.AccountId",
            "Order.Status",
            "Order.EffectiveDate");
  }

  @Test
  void permissionsBelongToCompoundAndLookupFieldsAndNotToAlwaysAccessibleOnes() {
    PackageFieldRules rules = PackageFieldRules.read(forceApp);

    assertThat(rules.permissionField("Order", "BillingStreet")).contains("BillingAddress");
    assertThat(rules.permissionField("Order", "BillingAddress")).contains("BillingAddress");
    assertThat(rules.permissionField("Order", "BC_Store__r")).contains("BC_Store__c");
    assertThat(rules.permissionField("Contact", "Account")).contains("AccountId");
    assertThat(rules.permissionField("Contact", "FirstName")).as("part of Name").isEmpty();
    assertThat(rules.permissionField("Order", "Status")).as("required").isEmpty();
    assertThat(rules.permissionField("BC_Store__c", "BC_Hash__c")).as("required").isEmpty();
    assertThat(rules.permissionField("Order", "Id")).isEmpty();
    assertThat(rules.objectPermissionsOf("OrderItem")).isEqualTo("Order");
    assertThat(rules.childObject("BC_Store__c", "Orders__r")).contains("Order");
  }

  @Test
  void unknownGapsAndStaleEntriesFailWhileListedGapsPass() throws IOException {
    Path file = dir.resolve("known-gaps.txt");
    write(file, "# remove when fixed\ncontract: Set must make Order.* editable\n");

    KnownGaps.assertNoUnknownGaps(file, "Set", Set.of("Set must make Order.Foo editable"));
    assertThatThrownBy(
            () ->
                KnownGaps.assertNoUnknownGaps(
                    file,
                    "Set",
                    Set.of("Set must make Order.Foo editable", "Set must allow read on Case")))
        .hasMessageContaining("Set must allow read on Case");
    assertThatThrownBy(() -> KnownGaps.assertNoUnknownGaps(file, "Set", Set.of()))
        .hasMessageContaining("remove them")
        .hasMessageContaining("Set must make Order.* editable");
    KnownGaps.assertNoUnknownGaps(file, "Other", Set.of());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
