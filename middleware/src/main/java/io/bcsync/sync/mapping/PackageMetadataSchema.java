package io.bcsync.sync.mapping;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Objects and fields as an SFDX source tree (e.g. {@code sfdx-package/force-app}) would deploy them: every
 * {@code objects/<Object>/fields/<Field>.field-meta.xml}, plus the {@code Name} field of custom objects from their
 * {@code nameField}. Standard objects contribute only the package's custom fields; combine with
 * {@link StandardFieldsSchema} for their standard fields.
 */
public final class PackageMetadataSchema implements SalesforceSchema {
  /** Salesforce's fixed length of a custom object's text Name field. */
  private static final int NAME_FIELD_LENGTH = 80;

  private final Map<String, ObjectSchema> objects = new HashMap<>();

  public PackageMetadataSchema(Path sourceRoot) {
    if (!Files.isDirectory(sourceRoot)) {
      throw new IllegalArgumentException("SFDX source directory not found: " + sourceRoot.toAbsolutePath());
    }
    DocumentBuilder xml = newSecureBuilder();
    for (Path objectDir : objectDirectories(sourceRoot)) {
      String name = objectDir.getFileName().toString();
      List<FieldSchema> fields = new ArrayList<>();
      readNameField(xml, objectDir.resolve(name + ".object-meta.xml")).ifPresent(fields::add);
      for (Path file : files(objectDir.resolve("fields"), ".field-meta.xml")) {
        fields.add(readField(xml, file));
      }
      objects.merge(key(name), new ObjectSchema(name, fields), ObjectSchema::plus);
    }
  }

  /** The package's objects and fields plus the built-in standard fields: what the simulator's org looks like. */
  public static SalesforceSchema withStandardFields(Path sourceRoot) {
    return SalesforceSchema.combined(List.of(new PackageMetadataSchema(sourceRoot), new StandardFieldsSchema()));
  }

  @Override
  public Optional<ObjectSchema> object(String name) {
    return Optional.ofNullable(objects.get(key(name)));
  }

  private static FieldSchema readField(DocumentBuilder xml, Path file) {
    Element root = parse(xml, file);
    String name = text(root, "fullName").orElseThrow(() -> new IllegalStateException(file + ": no <fullName>"));
    String rawType = text(root, "type").orElse("");
    FieldType type = FieldType.fromMetadata(rawType);
    boolean required = "masterdetail".equalsIgnoreCase(rawType) || text(root, "required").map(Boolean::parseBoolean).orElse(false);
    Integer length = type.isTextual() ? text(root, "length").map(Integer::valueOf).orElse(null) : null;
    Integer scale = type.isNumeric() ? text(root, "scale").map(Integer::valueOf).orElse(null) : null;
    return new FieldSchema(name, type, length, required, scale);
  }

  /** A custom object's Name: text (writable, 80) or an auto-number (written by Salesforce, so typed OTHER). */
  private static Optional<FieldSchema> readNameField(DocumentBuilder xml, Path objectMeta) {
    if (!Files.exists(objectMeta)) {
      return Optional.empty();
    }
    NodeList nameFields = parse(xml, objectMeta).getElementsByTagName("nameField");
    if (nameFields.getLength() == 0) {
      return Optional.empty();
    }
    boolean text = text((Element) nameFields.item(0), "type").map("Text"::equals).orElse(false);
    return Optional.of(text
        ? new FieldSchema("Name", FieldType.TEXT, NAME_FIELD_LENGTH, false, null)
        : new FieldSchema("Name", FieldType.OTHER, null, false, null));
  }

  private static Optional<String> text(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    for (int i = 0; i < nodes.getLength(); i++) {
      // Only direct children: <valueSet> entries also contain <fullName>, <default>, ...
      if (nodes.item(i).getParentNode() == parent) {
        return Optional.of(nodes.item(i).getTextContent().strip());
      }
    }
    return Optional.empty();
  }

  private static Element parse(DocumentBuilder xml, Path file) {
    try {
      return xml.parse(file.toFile()).getDocumentElement();
    } catch (SAXException | IOException e) {
      throw new IllegalStateException("Cannot read Salesforce metadata " + file + ": " + e.getMessage(), e);
    }
  }

  private static DocumentBuilder newSecureBuilder() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // Metadata files never need DTDs or external entities; refusing them closes XXE.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Path> objectDirectories(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      // node_modules (LWC Jest tooling beside the package) can hold unrelated folders named "objects".
      return walk.filter(path -> Files.isDirectory(path) && path.getFileName().toString().equals("objects"))
          .filter(path -> !path.toString().contains("node_modules"))
          .flatMap(PackageMetadataSchema::subdirectories)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> subdirectories(Path dir) {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(path -> path.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
