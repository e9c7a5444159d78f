package io.bcsync.sfdx;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * One element of an SFDX source-format XML file. Elements are found by local name, so the metadata
 * namespace ({@code http://soap.sforce.com/2006/04/metadata}) needs no mention. Values are the
 * element's text, stripped.
 */
public final class MetadataXml {
  private final Element element;

  private MetadataXml(Element element) {
    this.element = element;
  }

  /** The root element of {@code file}, e.g. {@code <CustomField>}. */
  public static MetadataXml read(Path file) {
    try {
      return new MetadataXml(
          newHardenedFactory().newDocumentBuilder().parse(file.toFile()).getDocumentElement());
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new UnreadableMetadataException(file, e);
    }
  }

  /**
   * The text of the first direct child named {@code name}. Only direct children count: a field's
   * {@code <valueSet>} entries also contain {@code <fullName>}, {@code <default>}, ...
   */
  public Optional<String> text(String name) {
    return child(name).map(child -> child.element.getTextContent().strip());
  }

  /**
   * A {@code true}/{@code false} child; absent means false, as in Salesforce's metadata defaults.
   */
  public boolean flag(String name) {
    return text(name).map(Boolean::parseBoolean).orElse(false);
  }

  /** A whole-number child; absent or empty means no value. */
  public Optional<Integer> number(String name) {
    return text(name).filter(value -> !value.isEmpty()).map(Integer::parseInt);
  }

  public Optional<MetadataXml> child(String name) {
    return children(name).stream().findFirst();
  }

  /**
   * Every direct child named {@code name}, in document order (e.g. a channel member's
   * enrichedFields).
   */
  public List<MetadataXml> all(String name) {
    return children(name);
  }

  /**
   * Every element named {@code name} anywhere below this one, in document order (e.g. picklist
   * values).
   */
  public List<MetadataXml> descendants(String name) {
    List<MetadataXml> found = new ArrayList<>();
    NodeList nodes = element.getElementsByTagNameNS("*", name);
    for (int i = 0; i < nodes.getLength(); i++) {
      found.add(new MetadataXml((Element) nodes.item(i)));
    }
    return found;
  }

  private List<MetadataXml> children(String name) {
    List<MetadataXml> found = new ArrayList<>();
    for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element child && name.equals(child.getLocalName())) {
        found.add(new MetadataXml(child));
      }
    }
    return found;
  }

  private static DocumentBuilderFactory newHardenedFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    // Metadata files never need DTDs or external entities; refusing any DOCTYPE closes XXE (reading
    // local files or
    // URLs through an entity) and entity-expansion bombs before they are parsed.
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setExpandEntityReferences(false);
    return factory;
  }
}
