package io.bcsync.sim.salesforce.soap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A parsed partner API request: the operation element and the SOAP headers the simulator honours.
 */
record SoapRequest(
    String operation,
    Element body,
    String sessionId,
    String clientId,
    boolean allOrNone,
    Integer batchSize) {
  static final String PARTNER_NS = "urn:partner.soap.sforce.com";
  static final String SOBJECT_NS = "urn:sobject.partner.soap.sforce.com";
  static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

  static List<Element> children(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  static List<Element> children(Element parent, String localName) {
    return children(parent).stream().filter(e -> localName.equals(e.getLocalName())).toList();
  }

  static Optional<String> childText(Element parent, String localName) {
    return children(parent, localName).stream()
        .findFirst()
        .filter(e -> !isNil(e))
        .map(Element::getTextContent);
  }

  static boolean isNil(Element e) {
    return "true".equals(e.getAttributeNS(XSI_NS, "nil"));
  }

  String text(String localName) {
    return childText(body, localName).orElse(null);
  }

  List<String> texts(String localName) {
    return children(body, localName).stream().map(Element::getTextContent).toList();
  }
}
