package io.bcsync.sfdx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SfdxSourceTreeTest {
  private static final String METADATA = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  @TempDir Path root;

  @BeforeEach
  void buildTree() throws IOException {
    Path main = root.resolve("main/default");
    write(
        main.resolve("objects/Order__c/Order__c.object-meta.xml"),
        "<CustomObject><nameField><type>Text</type></nameField></CustomObject>");
    write(main.resolve("objects/Order__c/fields/Total__c.field-meta.xml"), "<CustomField/>");
    write(main.resolve("objects/Order__c/fields/Amount__c.field-meta.xml"), "<CustomField/>");
    write(main.resolve("objects/Order__c/fields/README.md"), "not metadata");
    write(main.resolve("objects/Account/fields/BC_Id__c.field-meta.xml"), "<CustomField/>");
    write(
        main.resolve(
            "platformEventChannelMembers/ChangeEvents_Order.platformEventChannelMember-meta.xml"),
        "<PlatformEventChannelMember/>");
    write(root.resolve("extra/objects/Contact/fields/BC_Id__c.field-meta.xml"), "<CustomField/>");
    // LWC tooling beside the package: never part of what is deployed.
    write(
        root.resolve("node_modules/x/objects/Decoy__c/fields/Decoy__c.field-meta.xml"),
        "<CustomField/>");
    write(
        root.resolve(
            "node_modules/x/platformEventChannelMembers/Decoy.platformEventChannelMember-meta.xml"),
        "<PlatformEventChannelMember/>");
  }

  @Test
  void finds_every_object_folder_sorted_by_path_and_skips_node_modules() {
    var objects = SfdxSourceTree.at(root).objects();

    assertThat(objects)
        .extracting(ObjectDirectory::name)
        .containsExactly("Contact", "Account", "Order__c");
    assertThat(objects.get(1).path()).isEqualTo(root.resolve("main/default/objects/Account"));
  }

  @Test
  void lists_field_files_sorted_and_finds_the_object_file_only_where_it_exists() {
    var objects = SfdxSourceTree.at(root).objects();
    ObjectDirectory account = objects.get(1);
    ObjectDirectory order = objects.get(2);

    assertThat(order.fieldFiles())
        .extracting(file -> file.getFileName().toString())
        .containsExactly("Amount__c.field-meta.xml", "Total__c.field-meta.xml");
    assertThat(order.objectMetaFile()).contains(order.path().resolve("Order__c.object-meta.xml"));
    assertThat(account.objectMetaFile()).isEmpty();
    assertThat(account.fieldFiles()).hasSize(1);
  }

  @Test
  void an_object_folder_without_fields_has_none() throws IOException {
    Files.createDirectories(root.resolve("main/default/objects/Empty__c"));

    ObjectDirectory empty =
        SfdxSourceTree.at(root).objects().stream()
            .filter(object -> object.name().equals("Empty__c"))
            .findFirst()
            .orElseThrow();

    assertThat(empty.fieldFiles()).isEmpty();
  }

  @Test
  void lists_channel_members_outside_node_modules() {
    assertThat(SfdxSourceTree.at(root).channelMemberFiles())
        .containsExactly(
            root.resolve(
                "main/default/platformEventChannelMembers/ChangeEvents_Order.platformEventChannelMember-meta.xml"));
  }

  @Test
  void a_missing_root_is_refused_with_its_absolute_path() {
    Path missing = root.resolve("no-such-force-app");

    assertThatThrownBy(() -> SfdxSourceTree.at(missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SFDX source directory not found: " + missing.toAbsolutePath());
  }

  @Test
  void a_file_as_root_is_refused() throws IOException {
    Path file = Files.writeString(root.resolve("force-app.zip"), "zip");

    assertThatThrownBy(() -> SfdxSourceTree.at(file)).isInstanceOf(IllegalArgumentException.class);
  }

  private static void write(Path file, String xml) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, file.toString().endsWith(".xml") ? METADATA + xml : xml);
  }
}
