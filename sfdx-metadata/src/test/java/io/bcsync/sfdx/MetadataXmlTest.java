package io.bcsync.sfdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataXmlTest {
  private static final String PICKLIST_FIELD =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
          <fullName>Status__c</fullName>
          <label> Status </label>
          <length>40</length>
          <required>true</required>
          <unique></unique>
          <valueSet>
              <valueSetDefinition>
                  <value><fullName>Success</fullName><default>true</default></value>
                  <value><fullName>Failed</fullName><default>false</default></value>
              </valueSetDefinition>
          </valueSet>
          <type>Picklist</type>
      </CustomField>
      """;

  @TempDir Path dir;

  @Test
  void reads_direct_children_by_local_name_stripped() throws IOException {
    MetadataXml field = MetadataXml.read(write("Status__c.field-meta.xml", PICKLIST_FIELD));

    assertThat(field.text("fullName")).contains("Status__c");
    assertThat(field.text("label")).contains("Status");
    assertThat(field.text("default")).as("only direct children count").isEmpty();
    assertThat(field.text("formula")).isEmpty();
    assertThat(field.flag("required")).isTrue();
    assertThat(field.flag("externalId")).as("absent flags are false").isFalse();
    assertThat(field.number("length")).contains(40);
    assertThat(field.number("unique")).as("an empty element has no number").isEmpty();
  }

  @Test
  void reaches_nested_elements_through_child_all_and_descendants() throws IOException {
    MetadataXml field = MetadataXml.read(write("Status__c.field-meta.xml", PICKLIST_FIELD));

    assertThat(
            field
                .child("valueSet")
                .flatMap(set -> set.child("valueSetDefinition"))
                .orElseThrow()
                .all("value"))
        .flatExtracting(value -> value.text("fullName").stream().toList())
        .containsExactly("Success", "Failed");
    assertThat(field.descendants("value")).hasSize(2);
    assertThat(field.child("missing")).isEmpty();
    assertThat(field.all("missing")).isEmpty();
  }

  @Test
  void reads_channel_members_without_a_namespace() throws IOException {
    MetadataXml member =
        MetadataXml.read(
            write(
                "ChangeEvents_Contact.platformEventChannelMember-meta.xml",
                """
        <PlatformEventChannelMember>
            <eventChannel>ChangeEvents</eventChannel>
            <enrichedFields><name>BC_Id__c</name></enrichedFields>
            <enrichedFields><name>Email</name></enrichedFields>
            <selectedEntity>ContactChangeEvent</selectedEntity>
        </PlatformEventChannelMember>
        """));

    assertThat(member.text("selectedEntity")).contains("ContactChangeEvent");
    assertThat(member.all("enrichedFields"))
        .flatExtracting(e -> e.text("name").stream().toList())
        .containsExactly("BC_Id__c", "Email");
  }

  @Test
  void refuses_a_doctype_with_an_external_entity_without_reading_it() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.txt"), "top-secret");
    Path evil =
        write(
            "Evil__c.field-meta.xml",
            "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \""
                + secret.toUri()
                + "\">]>"
                + "<CustomField><fullName>&e;</fullName></CustomField>");

    assertThatThrownBy(() -> MetadataXml.read(evil))
        .isInstanceOf(UnreadableMetadataException.class)
        .hasMessageStartingWith("Cannot read Salesforce metadata " + evil + ": ")
        .hasMessageContaining("DOCTYPE")
        .hasMessageNotContaining("top-secret")
        .satisfies(e -> assertThat(((UnreadableMetadataException) e).file()).isEqualTo(evil));
  }

  @Test
  void refuses_an_internal_entity_expansion_too() throws IOException {
    Path bomb =
        write(
            "Bomb__c.field-meta.xml",
            "<?xml version=\"1.0\"?>"
                + "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + "<CustomField><fullName>&b;</fullName></CustomField>");

    assertThatThrownBy(() -> MetadataXml.read(bomb))
        .isInstanceOf(UnreadableMetadataException.class);
  }

  @Test
  void malformed_and_missing_files_name_the_file() throws IOException {
    Path broken = write("Broken__c.field-meta.xml", "<CustomField><fullName>X</CustomField>");
    Path missing = dir.resolve("Missing__c.field-meta.xml");

    assertThatThrownBy(() -> MetadataXml.read(broken))
        .isInstanceOf(UnreadableMetadataException.class)
        .hasMessageContaining(broken.toString());
    assertThatThrownBy(() -> MetadataXml.read(missing))
        .isInstanceOf(UnreadableMetadataException.class)
        .hasMessageContaining(missing.toString());
  }

  private Path write(String name, String xml) throws IOException {
    return Files.writeString(dir.resolve(name), xml);
  }
}
