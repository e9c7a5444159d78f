package io.bcsync.bigcommerce.app;

import static io.bcsync.testsupport.WebhookCalls.httpGet;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signed app callbacks ({@code /bc/load}, {@code /bc/uninstall}, {@code /bc/remove_user})
 * answer whatever they are sent with a 4xx, never a 500: payloads that are not JWTs, JWTs that are
 * not HS256 or whose claims are not JSON, legacy payloads that are not base64, and URLs beyond the
 * server's limit. ({@code AppInstallFlowTest} has the well-formed but wrongly signed ones.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppCallbackInputTest implements TestPropertyProvider {
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    // Many callbacks in a row by design; AppCallbackLimitsTest covers the rate limit.
    properties.put("bcsync.bigcommerce.callbacks.rate-limit", "1000");
    properties.put("bcsync.bigcommerce.callbacks.rate-burst", "1000");
    return properties;
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bc/load", "/bc/uninstall", "/bc/remove_user"})
  void malformed_signed_payloads_are_401(String path) throws Exception {
    String noneJwt = b64("{\"alg\":\"none\"}") + "." + b64("{\"sub\":\"stores/abc\"}") + ".";
    String notJsonClaims = b64("{\"alg\":\"HS256\"}") + "." + b64("not json") + "." + b64("sig");
    String[] queries = {
      "signed_payload_jwt=garbage",
      "signed_payload_jwt=a.b.c",
      "signed_payload_jwt=" + enc(noneJwt),
      "signed_payload_jwt=" + enc(notJsonClaims),
      "signed_payload_jwt=%20",
      "signed_payload=no-dot-at-all",
      "signed_payload=%25%25%25.%25%25",
      "signed_payload=" + enc(b64("{}") + "." + b64("00")),
      "signed_payload=.",
      ""
    };
    for (String query : queries) {
      HttpResponse<String> response = httpGet(server.getURI(), path + "?" + query, null);
      assertThat(response.statusCode()).as(path + "?" + query).isEqualTo(401);
      assertThat(response.body()).doesNotContain("Exception").doesNotContain("garbage");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bc/load", "/bc/uninstall", "/bc/remove_user", "/bc/auth"})
  void refusals_carry_the_security_headers_too(String path) throws Exception {
    HttpResponse<String> response = httpGet(server.getURI(), path, null);

    assertThat(response.statusCode()).isBetween(400, 499);
    // No verified store: only BigCommerce's control panel may frame even an error page.
    assertThat(response.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'none'")
                    .endsWith("frame-ancestors https://*.bigcommerce.com"));
    assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/bc/load", "/bc/uninstall", "/bc/auth"})
  void a_url_beyond_the_server_limit_is_413(String path) throws Exception {
    HttpResponse<String> response =
        httpGet(server.getURI(), path + "?signed_payload_jwt=" + "a".repeat(20_000), null);
    assertThat(response.statusCode()).isEqualTo(413);
  }

  private static String b64(String text) {
    return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
