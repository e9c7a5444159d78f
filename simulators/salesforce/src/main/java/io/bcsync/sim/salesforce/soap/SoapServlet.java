package io.bcsync.sim.salesforce.soap;

import io.bcsync.sim.salesforce.SimulatedOrg;
import io.bcsync.sim.salesforce.fault.ApiFault;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;

/**
 * /services/Soap/u/{version}[/{orgId}]: SOAP 1.1 partner endpoint. Accepts gzip request bodies
 * (force-wsc compresses by default), answers faults with HTTP 500 and gzips responses when the
 * client allows it.
 */
public final class SoapServlet extends HttpServlet {
  private static final Logger LOG = LoggerFactory.getLogger(SoapServlet.class);
  private static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final String ENVELOPE_OPEN =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
          + ENVELOPE_NS
          + "\" xmlns=\"urn:partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xmlns:sf=\"urn:sobject.partner.soap.sforce.com\">";

  private final transient SimulatedOrg org;
  private final transient PartnerApi api;

  public SoapServlet(SimulatedOrg org) {
    this.org = org;
    this.api = new PartnerApi(org);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String apiVersion = apiVersion(req.getPathInfo());
    SoapRequest request;
    try {
      request = parse(readBody(req));
    } catch (Exception e) {
      write(
          req,
          resp,
          500,
          clientFault(e.getMessage() == null ? "Unable to parse the request" : e.getMessage()));
      return;
    }
    try {
      String body = api.handle(request, apiVersion);
      boolean withLimits = !request.operation().equals("login");
      write(
          req,
          resp,
          200,
          ENVELOPE_OPEN
              + (withLimits ? limitInfoHeader() : "")
              + "<soapenv:Body>"
              + body
              + "</soapenv:Body></soapenv:Envelope>");
    } catch (ApiFault fault) {
      LOG.debug("{} -> {}", request.operation(), fault.code());
      write(req, resp, 500, faultEnvelope(fault));
    } catch (PartnerApi.LostResponse lost) {
      LOG.debug("{} committed; its response is lost", request.operation());
      org.faults().holdLostResponse(lost.hold);
      // Close the connection without a byte of the answer: the client sees it end (or has timed
      // out already while the answer was held).
      ServletContextRequest.getServletContextRequest(req)
          .getConnectionMetaData()
          .getConnection()
          .getEndPoint()
          .close();
    } catch (PartnerApi.HttpFailure failure) {
      resp.setStatus(503);
      resp.setContentType("text/html;charset=UTF-8");
      resp.getWriter()
          .write(
              "<html><body><h1>Service Unavailable</h1><p>The server is temporarily unable to "
                  + "service your request due to maintenance downtime.</p></body></html>");
    }
  }

  private static String apiVersion(String pathInfo) {
    String path = pathInfo == null ? "" : pathInfo.replaceFirst("^/", "");
    String version = path.split("/")[0];
    return version.matches("\\d+\\.\\d") ? version : "65.0";
  }

  private static byte[] readBody(HttpServletRequest req) throws IOException {
    InputStream raw = req.getInputStream();
    InputStream in = raw;
    String encoding = req.getHeader("Content-Encoding");
    if (encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
      in = new GZIPInputStream(raw);
    }
    byte[] body = in.readAllBytes();
    // GZIPInputStream stops after the gzip trailer; a chunked body's last (empty) chunk may still
    // be
    // unread, and Jetty closes a connection whose request was not read to its end, failing the
    // client's next request on it. Read it, as a server that reads the whole request does.
    raw.transferTo(java.io.OutputStream.nullOutputStream());
    return body;
  }

  private static SoapRequest parse(byte[] body) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var builder = factory.newDocumentBuilder();
    builder.setErrorHandler(new QuietErrorHandler()); // the fault reply reports it; no stderr noise
    Element envelope = builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
    if (!ENVELOPE_NS.equals(envelope.getNamespaceURI())
        || !"Envelope".equals(envelope.getLocalName())) {
      throw new IllegalArgumentException("Not a SOAP 1.1 envelope");
    }
    Element body1 = only(SoapRequest.children(envelope, "Body"), "Body");
    Element operation = only(SoapRequest.children(body1), "operation");
    List<Element> headers = SoapRequest.children(envelope, "Header");
    Element header = headers.isEmpty() ? null : headers.get(0);
    return new SoapRequest(
        operation.getLocalName(),
        operation,
        headerValue(header, "SessionHeader", "sessionId"),
        headerValue(header, "CallOptions", "client"),
        "true".equals(headerValue(header, "AllOrNoneHeader", "allOrNone")),
        parseInt(headerValue(header, "QueryOptions", "batchSize")));
  }

  /** Turns parser diagnostics into exceptions without the default handler's printing to stderr. */
  private static final class QuietErrorHandler implements org.xml.sax.ErrorHandler {
    @Override
    public void warning(org.xml.sax.SAXParseException e) {
      // warnings do not make a request invalid
    }

    @Override
    public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
      throw e;
    }

    @Override
    public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
      throw e;
    }
  }

  private static Element only(List<Element> elements, String what) {
    if (elements.size() != 1) {
      throw new IllegalArgumentException("Expected exactly one " + what + " element");
    }
    return elements.get(0);
  }

  private static String headerValue(Element header, String headerName, String child) {
    if (header == null) {
      return null;
    }
    return SoapRequest.children(header, headerName).stream()
        .findFirst()
        .flatMap(h -> SoapRequest.childText(h, child))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .orElse(null);
  }

  private static Integer parseInt(String text) {
    try {
      return text == null ? null : Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private String limitInfoHeader() {
    return "<soapenv:Header><LimitInfoHeader><limitInfo><current>"
        + org.usage().usedToday()
        + "</current><limit>"
        + org.usage().dailyLimit()
        + "</limit><type>API REQUESTS</type></limitInfo></LimitInfoHeader></soapenv:Header>";
  }

  /**
   * Fault with a typed detail element: force-wsc maps it to ApiFault subclasses and renews sessions
   * on it.
   */
  static String faultEnvelope(ApiFault fault) {
    String detailType = fault.type().element();
    StringBuilder detail =
        new StringBuilder()
            .append("<sf:")
            .append(detailType)
            .append(" xsi:type=\"sf:")
            .append(detailType)
            .append("\">")
            .append("<sf:exceptionCode>")
            .append(fault.code())
            .append("</sf:exceptionCode>")
            .append("<sf:exceptionMessage>")
            .append(Xml.escape(fault.getMessage()))
            .append("</sf:exceptionMessage>");
    if (fault.type().queryFault()) {
      detail.append("<sf:row>-1</sf:row><sf:column>-1</sf:column>");
    }
    detail.append("</sf:").append(detailType).append(">");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
        + ENVELOPE_NS
        + "\" xmlns:sf=\"urn:fault.partner.soap.sforce.com\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<soapenv:Body><soapenv:Fault><faultcode>sf:"
        + fault.code()
        + "</faultcode><faultstring>"
        + Xml.escape(fault.faultString())
        + "</faultstring><detail>"
        + detail
        + "</detail></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
  }

  private static String clientFault(String reason) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
        + ENVELOPE_NS
        + "\">"
        + "<soapenv:Body><soapenv:Fault><faultcode>soapenv:Client</faultcode><faultstring>"
        + Xml.escape(reason)
        + "</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
  }

  private static void write(
      HttpServletRequest req, HttpServletResponse resp, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    resp.setStatus(status);
    resp.setContentType("text/xml;charset=UTF-8");
    String accept = req.getHeader("Accept-Encoding");
    if (accept != null && accept.contains("gzip")) {
      ByteArrayOutputStream zipped = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
        gzip.write(bytes);
      }
      bytes = zipped.toByteArray();
      resp.setHeader("Content-Encoding", "gzip");
    }
    resp.setContentLength(bytes.length);
    try (OutputStream out = resp.getOutputStream()) {
      out.write(bytes);
    }
  }
}
