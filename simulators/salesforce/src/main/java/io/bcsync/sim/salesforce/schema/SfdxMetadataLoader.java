package io.bcsync.sim.salesforce.schema;

import io.bcsync.sfdx.MetadataXml;
import io.bcsync.sfdx.ObjectDirectory;
import io.bcsync.sfdx.SfdxSourceTree;
import io.bcsync.sim.salesforce.schema.SObjectType.Kind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds the objects, fields and CDC selections of an SFDX source tree (e.g. sfdx-package/force-app)
 * to a schema, the way deploying the package would. Field types the simulator does not model become
 * read-only text fields with a log line, so a growing package never stops the simulator from
 * starting. Finding and parsing the files is {@link SfdxSourceTree}'s and {@link MetadataXml}'s;
 * this class maps them to the simulator's model.
 */
public final class SfdxMetadataLoader {
  private static final Logger LOG = LoggerFactory.getLogger(SfdxMetadataLoader.class);

  private final Schema schema;
  private int nextCustomPrefix = 1;
  private int nextEventPrefix = 1;

  public SfdxMetadataLoader(Schema schema) {
    this.schema = schema;
  }

  /** Summary of what a load added, for the startup banner and tests. */
  public record LoadReport(List<String> objects, int fields, List<String> cdcEntities) {}

  public LoadReport load(Path root) {
    SfdxSourceTree tree = SfdxSourceTree.at(root);
    List<String> objects = new ArrayList<>();
    int fields = 0;
    for (ObjectDirectory object : tree.objects()) {
      SObjectType type = ensureType(object);
      objects.add(type.name());
      fields += loadFields(type, object.fieldFiles());
    }
    List<String> cdc = new ArrayList<>();
    tree.channelMemberFiles().forEach(file -> readChannelMember(file).ifPresent(cdc::add));
    LOG.info(
        "Loaded {} objects, {} fields and {} CDC selections from {}",
        objects.size(),
        fields,
        cdc.size(),
        root);
    return new LoadReport(objects, fields, cdc);
  }

  private SObjectType ensureType(ObjectDirectory object) {
    String name = object.name();
    Optional<SObjectType> existing = schema.type(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    Optional<MetadataXml> xml = object.objectMetaFile().map(MetadataXml::read);
    boolean event = name.endsWith("__e");
    boolean standard = !name.contains("__");
    if (standard) {
      LOG.warn(
          "Standard object {} is not modelled by the simulator; adding it with only system and package fields",
          name);
    }
    Kind kind = event ? Kind.PLATFORM_EVENT : standard ? Kind.STANDARD : Kind.CUSTOM;
    SObjectType type = new SObjectType(name, nextPrefix(event ? 'e' : 'a'), kind);
    xml.ifPresent(
        objectXml -> {
          String label = objectXml.text("label").orElse(name);
          type.labels(label, objectXml.text("pluralLabel").orElse(label + "s"));
        });
    if (event) {
      addEventSystemFields(type);
    } else {
      StandardObjects.withSystemFields(type);
      if (!standard) {
        addNameField(type, xml);
      }
      StandardObjects.addOwner(type, "User", "Group");
    }
    return schema.add(type);
  }

  /**
   * a01, a02 ... azz for custom objects, e01 ... for platform events (real prefixes are
   * org-specific).
   */
  private String nextPrefix(char first) {
    while (true) {
      int n = first == 'e' ? nextEventPrefix++ : nextCustomPrefix++;
      if (n >= 36 * 36) {
        throw new IllegalStateException("More than 1295 custom objects in the metadata");
      }
      String prefix =
          first + String.valueOf(Character.forDigit(n / 36, 36)) + Character.forDigit(n % 36, 36);
      if (!schema.keyPrefixInUse(prefix)) {
        return prefix;
      }
    }
  }

  private static void addEventSystemFields(SObjectType type) {
    type.add(new FieldDef("ReplayId", FieldType.STRING).readOnly());
    type.add(new FieldDef("CreatedDate", FieldType.DATETIME).readOnly());
    type.add(
        new FieldDef("CreatedById", FieldType.REFERENCE)
            .readOnly()
            .references("CreatedBy", "User"));
    type.add(new FieldDef("EventUuid", FieldType.STRING).length(36).readOnly());
  }

  private static void addNameField(SObjectType type, Optional<MetadataXml> objectXml) {
    Optional<MetadataXml> nameField = objectXml.flatMap(xml -> xml.child("nameField"));
    boolean autoNumber =
        nameField.flatMap(n -> n.text("type")).map("AutoNumber"::equals).orElse(false);
    FieldDef name =
        new FieldDef("Name", FieldType.STRING)
            .length(80)
            .nameField()
            .custom(false)
            .label(nameField.flatMap(n -> n.text("label")).orElse("Name"));
    if (autoNumber) {
      name.autoNumber();
      nameField.flatMap(n -> n.text("displayFormat")).ifPresent(type::autoNumberFormat);
    } else {
      name.required();
    }
    type.add(name);
  }

  private int loadFields(SObjectType type, List<Path> fieldFiles) {
    int count = 0;
    for (Path file : fieldFiles) {
      MetadataXml xml = MetadataXml.read(file);
      String fullName =
          xml.text("fullName").orElse(file.getFileName().toString().replace(".field-meta.xml", ""));
      type.add(CustomFieldMapper.toField(fullName, xml, type.name()));
      count++;
    }
    return count;
  }

  private Optional<String> readChannelMember(Path file) {
    MetadataXml xml = MetadataXml.read(file);
    String channel = xml.text("eventChannel").orElse("ChangeEvents");
    Optional<String> entity = xml.text("selectedEntity").flatMap(this::entityForChangeEvent);
    if (entity.isEmpty()) {
      LOG.warn("Ignoring CDC selection {}: unknown entity", file.getFileName());
      return Optional.empty();
    }
    List<String> enriched =
        xml.all("enrichedFields").stream().flatMap(e -> e.text("name").stream()).toList();
    schema.selectForCdc(entity.get(), channel, enriched);
    return entity;
  }

  /** ContactChangeEvent -> Contact, Order__ChangeEvent -> Order__c. */
  private Optional<String> entityForChangeEvent(String selected) {
    if (!selected.endsWith("ChangeEvent")) {
      return Optional.empty();
    }
    String stem = selected.substring(0, selected.length() - "ChangeEvent".length());
    String entity = stem.endsWith("__") ? stem + "c" : stem;
    return schema.type(entity).map(SObjectType::name);
  }
}
