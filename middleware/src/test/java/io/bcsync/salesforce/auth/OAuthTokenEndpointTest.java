package io.bcsync.salesforce.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a token endpoint answers is not trusted: the instance URL the token will be sent to must be
 * a Salesforce host (or the configured login host), and error text is escaped before it reaches a
 * message that is logged.
 */
class OAuthTokenEndpointTest {
  private HttpServer server;
  private volatile int status;
  private volatile String answer;
  private String loginUrl;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/services/oauth2/token",
        exchange -> {
          byte[] body = answer.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, body.length);
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

  private OAuthTokenEndpoint.TokenResponse grantNaming(String instanceUrl) {
    status = 200;
    answer =
        "{\"access_token\":\"00Dx!secret-access\",\"instance_url\":\""
            + instanceUrl
            + "\",\"id\":\"https://login.salesforce.com/id/00Dx/005x\"}";
    return new OAuthTokenEndpoint(loginUrl, Duration.ofSeconds(5))
        .request(Map.of("grant_type", "refresh_token"));
  }

  @Test
  void salesforce_hosts_and_the_configured_login_host_are_accepted() {
    assertThat(grantNaming("https://acme.my.salesforce.com/").token().instanceUrl())
        .isEqualTo("https://acme.my.salesforce.com");
    assertThat(grantNaming("https://acme--uat.sandbox.my.salesforce.com").token().instanceUrl())
        .isEqualTo("https://acme--uat.sandbox.my.salesforce.com");
    assertThat(grantNaming("https://na1.salesforce.com").token().userId()).isEqualTo("005x");
    assertThat(grantNaming("https://acme.lightning.force.com").token().instanceUrl())
        .isEqualTo("https://acme.lightning.force.com");
    // the simulator of the demo and tests: exactly the configured login URL's origin
    assertThat(grantNaming(loginUrl).token().instanceUrl()).isEqualTo(loginUrl);
  }

  @Test
  void any_other_instance_url_is_refused_without_echoing_it_raw() {
    for (String bad :
        new String[] {
          "https://evil.example",
          "http://acme.my.salesforce.com",
          "https://acme.my.salesforce.com.evil.example",
          "https://evilsalesforce.com",
          "https://user@acme.my.salesforce.com",
          "https://acme.my.salesforce.com/path",
          "http://127.0.0.1:1",
          "http://localhost:" + server.getAddress().getPort(),
          "javascript:alert(1)",
          "not a url",
          "https://evil.example/\\r\\nERROR forged"
        }) {
      assertThatThrownBy(() -> grantNaming(bad))
          .as(bad)
          .isInstanceOf(SalesforceAuthException.class)
          .hasMessageContaining("is not an HTTPS Salesforce host")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r", "secret-access"))
          .satisfies(e -> assertThat(((SalesforceAuthException) e).isRetryable()).isFalse());
    }
  }

  @Test
  void an_error_answer_reaches_the_message_escaped_and_short() {
    status = 400;
    answer =
        "{\"error\":\"invalid_grant\\r\\n2026-01-01 ERROR forged\","
            + "\"error_description\":\"expired\\nINFO forged line "
            + "x".repeat(1000)
            + "\"}";
    assertThatThrownBy(
            () ->
                new OAuthTokenEndpoint(loginUrl, Duration.ofSeconds(5))
                    .request(Map.of("grant_type", "authorization_code")))
        .isInstanceOf(SalesforceAuthException.class)
        .hasMessageContaining("invalid_grant??2026-01-01 ERROR forged")
        .hasMessageContaining("expired?INFO forged line")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("\n", "\r")
                    .doesNotContain("x".repeat(300)));
  }
}
