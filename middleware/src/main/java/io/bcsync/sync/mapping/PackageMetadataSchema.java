package io.bcsync.sync.mapping;

import io.bcsync.sfdx.MetadataXml;
import io.bcsync.sfdx.ObjectDirectory;
import io.bcsync.sfdx.SfdxSourceTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Objects and fields as an SFDX source tree (e.g. {@code sfdx-package/force-app}) would deploy
 * them: every {@code objects/<Object>/fields/<Field>.field-meta.xml}, plus the {@code Name} field
 * of custom objects from their {@code nameField}. Standard objects contribute only the package's
 * custom fields; combine with {@link StandardFieldsSchema} for their standard fields. Finding and
 * parsing the files is {@link SfdxSourceTree}'s and {@link MetadataXml}'s; this class maps them to
 * {@link FieldSchema}.
 */
public final class PackageMetadataSchema implements SalesforceSchema {
  /** Salesforce's fixed length of a custom object's text Name field. */
  private static final int NAME_FIELD_LENGTH = 80;

  private final Map<String, ObjectSchema> objects = new HashMap<>();

  public PackageMetadataSchema(Path sourceRoot) {
    for (ObjectDirectory object : SfdxSourceTree.at(sourceRoot).objects()) {
      List<FieldSchema> fields = new ArrayList<>();
      object.objectMetaFile().flatMap(PackageMetadataSchema::readNameField).ifPresent(fields::add);
      for (Path file : object.fieldFiles()) {
        fields.add(readField(file));
      }
      objects.merge(
          key(object.name()), new ObjectSchema(object.name(), fields), ObjectSchema::plus);
    }
  }

  /**
   * The package's objects and fields plus the built-in standard fields: what the simulator's org
   * looks like.
   */
  public static SalesforceSchema withStandardFields(Path sourceRoot) {
    return SalesforceSchema.combined(
        List.of(new PackageMetadataSchema(sourceRoot), new StandardFieldsSchema()));
  }

  @Override
  public Optional<ObjectSchema> object(String name) {
    return Optional.ofNullable(objects.get(key(name)));
  }

  private static FieldSchema readField(Path file) {
    MetadataXml xml = MetadataXml.read(file);
    String name =
        xml.text("fullName").orElseThrow(() -> new IllegalStateException(file + ": no <fullName>"));
    String rawType = xml.text("type").orElse("");
    FieldType type = FieldType.fromMetadata(rawType);
    boolean required = "masterdetail".equalsIgnoreCase(rawType) || xml.flag("required");
    Integer length =
        type.isTextual() ? xml.text("length").map(Integer::valueOf).orElse(null) : null;
    Integer scale = type.isNumeric() ? xml.text("scale").map(Integer::valueOf).orElse(null) : null;
    return new FieldSchema(name, type, length, required, scale);
  }

  /**
   * A custom object's Name: text (writable, 80) or an auto-number (written by Salesforce, so typed
   * OTHER).
   */
  private static Optional<FieldSchema> readNameField(Path objectMeta) {
    Optional<MetadataXml> nameField = MetadataXml.read(objectMeta).child("nameField");
    return nameField.map(
        field ->
            "Text".equals(field.text("type").orElse(""))
                ? new FieldSchema("Name", FieldType.TEXT, NAME_FIELD_LENGTH, false, null)
                : new FieldSchema("Name", FieldType.OTHER, null, false, null));
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
