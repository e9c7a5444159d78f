package io.bcsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.testsupport.CapturedLogs;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /salesforce/oauth/callback} is public: whatever it is sent is a 4xx, and what it
 * echoes or logs of the caller's text is short visible ASCII.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OAuthCallbackInputTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject ObjectMapper mapper;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.salesforce.auth-mode", "web-server");
    properties.put("bcsync.salesforce.login-url", "https://test.salesforce.com");
    properties.put("bcsync.salesforce.client-id", "sf-consumer-key");
    properties.put("bcsync.salesforce.client-secret", "sf-consumer-secret");
    properties.put(
        "bcsync.salesforce.redirect-uri", "https://bcsync.example/salesforce/oauth/callback");
    properties.put(
        "bcsync.salesforce.token-encryption-key",
        Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes()));
    return properties;
  }

  @Test
  void a_refusal_from_salesforce_is_400_with_a_fixed_reason() throws Exception {
    JsonNode body =
        assertBadRequest(
            get("?error=access_denied&error_description=end-user%20denied%20authorization"));
    assertThat(body.get("error").asText()).isEqualTo("authorization_not_granted");
    assertThat(body.get("message").asText())
        .contains("access_denied")
        .contains("end-user denied authorization");
  }

  @Test
  void forged_error_text_is_neither_echoed_nor_logged_as_sent() throws Exception {
    String longText = "x".repeat(1000);
    try (CapturedLogs logs = new CapturedLogs()) {
      JsonNode body =
          assertBadRequest(
              get(
                  "?error=%3Cscript%3E%0A2026-01-01%20ERROR%20forged"
                      + "&error_description=line%0Abreak%20"
                      + longText));
      String message = body.get("message").asText();
      assertThat(body.get("error").asText()).isEqualTo("authorization_not_granted");
      assertThat(message)
          .doesNotContain("<script>")
          .doesNotContain("\n")
          .doesNotContain("x".repeat(300))
          .contains("an unrecognised error");
      assertThat(logs.atLeast(Level.INFO))
          .noneSatisfy(line -> assertThat(line).contains("\n"))
          .noneSatisfy(line -> assertThat(line).contains("<script>"))
          .noneSatisfy(line -> assertThat(line).contains("x".repeat(300)));
    }
  }

  @Test
  void a_callback_without_a_state_this_service_issued_is_400() throws Exception {
    assertBadRequest(get(""));
    assertBadRequest(get("?code=abc"));
    assertBadRequest(get("?code=abc&state=never-issued"));
    assertBadRequest(get("?code=abc&state=" + "s".repeat(2000)));
  }

  private HttpResponse<String> get(String query) throws Exception {
    return WebhookCalls.httpGet(server.getURI(), "/salesforce/oauth/callback" + query, null);
  }

  private JsonNode assertBadRequest(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = mapper.readTree(response.body());
    assertThat(body.get("message").asText()).isNotBlank();
    return body;
  }
}
