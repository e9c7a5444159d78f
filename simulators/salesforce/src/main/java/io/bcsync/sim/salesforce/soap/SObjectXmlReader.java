package io.bcsync.sim.salesforce.soap;

import io.bcsync.sim.salesforce.data.RecordInput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Reads m:sObjects elements as force-wsc writes them: sobj:type first, one element per field,
 * nested elements for parent references by external id, and sobj:fieldsToNull entries.
 */
final class SObjectXmlReader {
  private SObjectXmlReader() {}

  static List<RecordInput> readAll(Element operation) {
    return SoapRequest.children(operation, "sObjects").stream()
        .map(SObjectXmlReader::read)
        .toList();
  }

  static RecordInput read(Element sobject) {
    String type = null;
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, RecordInput> parents = new LinkedHashMap<>();
    List<String> fieldsToNull = new ArrayList<>();
    for (Element child : SoapRequest.children(sobject)) {
      String name = child.getLocalName();
      boolean nested = !SoapRequest.children(child).isEmpty();
      if (name.equals("type")) {
        type = child.getTextContent().trim();
      } else if (name.equals("fieldsToNull")) {
        fieldsToNull.add(child.getTextContent().trim());
      } else if (nested) {
        parents.put(name, read(child));
      } else if (!SoapRequest.isNil(child)
          && !(name.equals("Id") && child.getTextContent().isBlank())) {
        // a nil element is what setField(name, null) would mean; the platform ignores it, as it
        // does here
        values.put(name, child.getTextContent());
      }
    }
    return new RecordInput(type, values, parents, fieldsToNull);
  }
}
