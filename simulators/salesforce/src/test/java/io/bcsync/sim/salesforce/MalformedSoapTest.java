package io.bcsync.sim.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hand-written requests, only to check that malformed input gets a SOAP fault instead of a crash.
 */
class MalformedSoapTest {
  static SalesforceSimulator sim;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    sim = TestOrgs.start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static HttpResponse<String> post(byte[] body, boolean gzip) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(sim.loginUrl()))
            .header("Content-Type", "text/xml; charset=UTF-8")
            .header("SOAPAction", "\"\"");
    if (gzip) {
      request.header("Content-Encoding", "gzip");
    }
    return http.send(
        request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void not_xml_is_a_client_fault_with_status_500() throws Exception {
    HttpResponse<String> response = post("this is not xml".getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("<faultcode>soapenv:Client</faultcode>");
  }

  @Test
  void soap_12_envelope_is_rejected() throws Exception {
    String soap12 =
        "<e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body><login xmlns=\"urn:partner.soap.sforce.com\"/></e:Body></e:Envelope>";

    assertThat(post(soap12.getBytes(StandardCharsets.UTF_8), false).statusCode()).isEqualTo(500);
  }

  @Test
  void doctype_is_refused() throws Exception {
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Body><m:login xmlns:m=\"urn:partner.soap.sforce.com\">"
            + "<m:username>&e;</m:username></m:login></env:Body></env:Envelope>";

    HttpResponse<String> response = post(xxe.getBytes(StandardCharsets.UTF_8), false);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).doesNotContain("root:");
  }

  @Test
  void unknown_operation_and_missing_session_are_faults() throws Exception {
    String unknown =
        "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Body>"
            + "<m:frobnicate xmlns:m=\"urn:partner.soap.sforce.com\"/></env:Body></env:Envelope>";
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(unknown.getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> response = post(zipped.toByteArray(), true);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("<faultcode>sf:INVALID_SESSION_ID</faultcode>");
  }

  @Test
  void truncated_gzip_is_a_client_fault() throws Exception {
    HttpResponse<String> response = post(new byte[] {0x1f, (byte) 0x8b, 8, 0}, true);

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("soapenv:Client");
  }
}
