package io.bcsync.sfdx;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates SFDX source files ({@code *-meta.xml}) against the XML Schema embedded in the Metadata
 * API WSDL: element names, order, required elements and enumerations, as a deploy would.
 *
 * <p>A metadata file's root element ({@code <CustomObject>}) names a complexType of that schema,
 * not a global element, so a global element of the same name is declared for every top-level
 * complexType before the schema is compiled. The WSDL is read where it lies; it is never copied.
 *
 * <p>Depends on the JDK only, so {@code sfdx-package/bin/check} runs this file directly ({@code
 * java MetadataSchemaValidator.java <wsdl> <dir>...}) without a Maven build.
 */
public final class MetadataSchemaValidator {
  static final String METADATA_NS = "http://soap.sforce.com/2006/04/metadata";
  private static final String XSD_NS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
  // Source format writes a component's targetConfigs as XML; the Metadata API carries the same
  // content base64-encoded, which is what the schema declares. Its content is not validated here.
  private static final Pattern TARGET_CONFIGS =
      Pattern.compile("(<targetConfigs>)(.*?)(</targetConfigs>)", Pattern.DOTALL);

  private final Schema schema;
  private final Set<String> types;

  private MetadataSchemaValidator(Schema schema, Set<String> types) {
    this.schema = schema;
    this.types = types;
  }

  /** Compiles the schema inside {@code wsdl} (a few seconds for the full Metadata API). */
  public static MetadataSchemaValidator fromWsdl(Path wsdl) {
    try {
      Document document = newDocumentBuilderFactory().newDocumentBuilder().parse(wsdl.toFile());
      NodeList schemas = document.getElementsByTagNameNS(XSD_NS, "schema");
      if (schemas.getLength() != 1) {
        throw new IllegalArgumentException(wsdl + " must embed exactly one xsd:schema");
      }
      Element xsd = (Element) schemas.item(0);
      // The schema's prefixes are declared on the WSDL root; declare them where the parser looks.
      xsd.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsd", XSD_NS);
      xsd.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:tns", METADATA_NS);
      Set<String> types = declareRootElements(xsd);
      SchemaFactory factory = SchemaFactory.newInstance(XSD_NS);
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      return new MetadataSchemaValidator(
          factory.newSchema(new DOMSource(xsd, wsdl.toUri().toString())), types);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + wsdl, e);
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalArgumentException("Cannot compile the schema in " + wsdl + ": " + e, e);
    }
  }

  private static Set<String> declareRootElements(Element xsd) {
    Set<String> globalElements = new HashSet<>();
    Set<String> complexTypes = new HashSet<>();
    for (var child = xsd.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && XSD_NS.equals(element.getNamespaceURI())) {
        String name = element.getAttribute("name");
        switch (element.getLocalName()) {
          case "element" -> globalElements.add(name);
          case "complexType" -> complexTypes.add(name);
          default -> {}
        }
      }
    }
    Set<String> declared = new HashSet<>();
    for (String type : complexTypes) {
      if (!globalElements.contains(type)) {
        Element element = xsd.getOwnerDocument().createElementNS(XSD_NS, "xsd:element");
        element.setAttribute("name", type);
        element.setAttribute("type", "tns:" + type);
        xsd.appendChild(element);
        declared.add(type);
      }
    }
    return declared;
  }

  /** Every problem in {@code file} as {@code line:column: message}; empty when it is valid. */
  public List<String> validate(Path file) {
    String xml;
    try {
      xml = Files.readString(file);
    } catch (IOException e) {
      return List.of("cannot read: " + e.getMessage());
    }
    if (xml.contains("<!DOCTYPE")) {
      return List.of("a DOCTYPE is not allowed in metadata");
    }
    String root = rootElementName(xml);
    if (root != null && !types.contains(root)) {
      return List.of("root element <" + root + "> is not a Metadata API type");
    }
    List<String> problems = new ArrayList<>();
    Validator validator = schema.newValidator();
    try {
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      validator.setErrorHandler(collectInto(problems));
      validator.validate(new StreamSource(new StringReader(blankTargetConfigs(xml))));
    } catch (SAXParseException e) {
      // already collected by the error handler
    } catch (SAXException | IOException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  private static String rootElementName(String xml) {
    Matcher matcher =
        Pattern.compile("<([A-Za-z_][\\w.-]*:)?([A-Za-z_][\\w.-]*)[\\s/>]")
            .matcher(xml.replaceAll("(?s)<\\?.*?\\?>|<!--.*?-->", ""));
    return matcher.find() ? matcher.group(2) : null;
  }

  /** Empties targetConfigs but keeps its line breaks, so reported line numbers stay true. */
  private static String blankTargetConfigs(String xml) {
    Matcher matcher = TARGET_CONFIGS.matcher(xml);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String lineBreaks = matcher.group(2).replaceAll("[^\n]", "");
      matcher.appendReplacement(out, "$1" + lineBreaks + "$3");
    }
    return matcher.appendTail(out).toString();
  }

  private static ErrorHandler collectInto(List<String> problems) {
    return new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        problems.add(
            e.getLineNumber()
                + ":"
                + e.getColumnNumber()
                + ": "
                + e.getMessage().replace("\"" + METADATA_NS + "\":", ""));
      }

      @Override
      public void fatalError(SAXParseException e) throws SAXParseException {
        error(e);
        throw e;
      }
    };
  }

  private static DocumentBuilderFactory newDocumentBuilderFactory()
      throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  /** Every {@code *-meta.xml} under {@code dir}, skipping LWC tooling and Jest test folders. */
  static List<Path> metadataFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(file -> file.getFileName().toString().endsWith("-meta.xml"))
          .filter(file -> !file.toString().matches(".*[\\\\/](node_modules|__tests__)[\\\\/].*"))
          .sorted()
          .toList();
    }
  }

  /**
   * Entries of a known-gaps file for one check: lines {@code <check>: <text>}, where {@code *} in
   * the text stands for anything; {@code #} starts a comment. A problem containing the text is
   * known.
   */
  static List<Pattern> knownGaps(Path file, String check) throws IOException {
    List<Pattern> gaps = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String entry = line.strip();
      if (entry.startsWith(check + ":")) {
        String text = entry.substring(check.length() + 1).strip();
        StringBuilder regex = new StringBuilder();
        for (String part : text.split("\\*", -1)) {
          regex.append(regex.length() == 0 ? "" : ".*").append(Pattern.quote(part));
        }
        gaps.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
      }
    }
    return gaps;
  }

  /**
   * {@code java MetadataSchemaValidator.java [--known <file>] <metadata.wsdl> <dir>...}: prints
   * each problem as {@code file:line:column: message}. Problems matching a {@code schema:} entry of
   * the known-gaps file are listed but pass; an entry that matches nothing fails (remove it). Exit
   * status 1 on any unknown problem or stale entry, 2 on bad usage.
   */
  public static void main(String[] args) throws IOException {
    List<String> rest = new ArrayList<>(List.of(args));
    List<Pattern> known = new ArrayList<>();
    if (rest.size() > 1 && rest.get(0).equals("--known")) {
      known.addAll(knownGaps(Path.of(rest.get(1)), "schema"));
      rest = rest.subList(2, rest.size());
    }
    if (rest.size() < 2 || !Files.isRegularFile(Path.of(rest.get(0)))) {
      System.err.println(
          "usage: MetadataSchemaValidator [--known <file>] <metadata.wsdl> <dir>...");
      System.exit(2);
    }
    MetadataSchemaValidator validator = fromWsdl(Path.of(rest.get(0)));
    Set<Pattern> used = new HashSet<>();
    int files = 0;
    int problems = 0;
    int knownProblems = 0;
    for (String dir : rest.subList(1, rest.size())) {
      for (Path file : metadataFiles(Path.of(dir))) {
        files++;
        for (String problem : validator.validate(file)) {
          String line = file + ":" + problem;
          var gap = known.stream().filter(p -> p.matcher(line).find()).findFirst();
          gap.ifPresent(used::add);
          if (gap.isPresent()) {
            knownProblems++;
          } else {
            problems++;
          }
          System.err.println((gap.isPresent() ? "  known gap: " : "  ✗ ") + line);
        }
      }
    }
    for (Pattern stale : known) {
      if (!used.contains(stale)) {
        problems++;
        System.err.println("  ✗ known-gaps entry matches nothing, remove it: schema: " + stale);
      }
    }
    System.out.printf(
        "schema check: %d metadata files against %s; %d problem(s), %d known gap(s)%n",
        files, rest.get(0), problems, knownProblems);
    System.exit(problems == 0 ? 0 : 1);
  }
}
