package io.bcsync.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 9: what answers at the login URL chooses a failed password login's fault text, and
 * that text reaches a logged exception message. It must arrive there escaped (no CR/LF to forge a
 * log line) and short, as the other grants' error texts do (OAuthTokenEndpointTest). The stub
 * answers with the Salesforce simulator's fault envelope.
 */
class SoapPasswordGrantTest {
  private static final String FORGED =
      "Invalid username.&#13;&#10;2026-12-07 02:00:00 ERROR io.bcsync forged line&#10;"
          + "x".repeat(5_000);

  private HttpServer server;
  private volatile String answer;
  private String loginUrl;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/services/Soap/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
          exchange.sendResponseHeaders(500, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    loginUrl = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void a_login_fault_reaches_the_exception_escaped_and_short() {
    answer =
        envelope(
            "<faultcode>sf:INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: "
                + FORGED
                + "</faultstring><detail><sf:LoginFault xsi:type=\"sf:LoginFault\">"
                + "<sf:exceptionCode>INVALID_LOGIN</sf:exceptionCode><sf:exceptionMessage>"
                + FORGED
                + "</sf:exceptionMessage></sf:LoginFault></detail>");

    SalesforceAuthException refused = login();

    assertThat(refused.getMessage())
        .startsWith("Salesforce refused the password login for bcsync@example.com: INVALID_LOGIN (")
        .contains("Invalid username.??2026-12-07")
        .hasSizeLessThan(400);
    assertThat(refused.isRetryable()).isFalse();
    assertEscapedAlongTheChain(refused);
  }

  @Test
  void another_soap_fault_reaches_the_exception_escaped_and_short() {
    answer =
        envelope("<faultcode>soapenv:Server</faultcode><faultstring>" + FORGED + "</faultstring>");

    SalesforceAuthException failed = login();

    assertThat(failed.getMessage())
        .startsWith("Salesforce login at " + loginUrl + " failed: SOAP fault ")
        .contains("Invalid username.??2026-12-07")
        .hasSizeLessThan(400);
    assertThat(failed.isRetryable()).isTrue();
    assertEscapedAlongTheChain(failed);
  }

  private SalesforceAuthException login() {
    return catchThrowableOfType(
        () ->
            new SoapPasswordGrant(
                    loginUrl, "bcsync@example.com", "pw", "token", Duration.ofSeconds(5))
                .obtain(),
        SalesforceAuthException.class);
  }

  /** A logged stack trace prints every cause's message too. */
  private static void assertEscapedAlongTheChain(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      assertThat(String.valueOf(cause.getMessage()))
          .as(cause.getClass().getName())
          .doesNotContain("\r", "\n", "x".repeat(201));
    }
  }

  private static String envelope(String fault) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
        + " xmlns:sf=\"urn:fault.partner.soap.sforce.com\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
        + "<soapenv:Body><soapenv:Fault>"
        + fault
        + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
  }
}
