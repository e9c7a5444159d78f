package io.bcsync.sim.salesforce.schema;

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
import org.xml.sax.SAXException;

/** Minimal reading of SFDX source-format XML: direct child elements by local name, ignoring the namespace. */
final class MetadataXml {
    private final Element root;

    private MetadataXml(Element root) {
        this.root = root;
    }

    static MetadataXml read(Path file) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new MetadataXml(factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("Unreadable metadata file " + file + ": " + e.getMessage(), e);
        }
    }

    Optional<String> text(String name) {
        return children(root, name).stream().findFirst().map(e -> e.getTextContent().trim());
    }

    boolean flag(String name) {
        return text(name).map(Boolean::parseBoolean).orElse(false);
    }

    Optional<Integer> number(String name) {
        return text(name).filter(s -> !s.isEmpty()).map(Integer::parseInt);
    }

    Optional<MetadataXml> child(String name) {
        return children(root, name).stream().findFirst().map(MetadataXml::new);
    }

    List<MetadataXml> all(String name) {
        return children(root, name).stream().map(MetadataXml::new).toList();
    }

    /** Finds every element with the local name anywhere below, e.g. picklist value fullNames. */
    List<MetadataXml> descendants(String name) {
        List<MetadataXml> found = new ArrayList<>();
        var nodes = root.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            found.add(new MetadataXml((Element) nodes.item(i)));
        }
        return found;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName() != null ? e.getLocalName() : e.getTagName())) {
                out.add(e);
            }
        }
        return out;
    }
}
