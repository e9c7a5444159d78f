package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.salesforce.auth.CredentialStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.auth.ConnectedApp;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Connect Salesforce" from the console's Connections page, with the web-server sign-in configured:
 * only with the session's CSRF token does the page hand out a one-time start link, which then leads
 * to Salesforce's authorize page exactly as the admin API's link does (WebServerConnectTest follows
 * the rest of the flow).
 */
class ConsoleConnectSalesforceTest {
  static final String CALLBACK = "https://bcsync.example/salesforce/oauth/callback";
  static final ConnectedApp APP =
      new ConnectedApp("console-consumer-key", "console-consumer-secret", CALLBACK, null);
  static final HttpClient HTTP = HttpClient.newHttpClient(); // never follows redirects
  static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  static final Pattern START =
      Pattern.compile("href=\"(https://bcsync\\.example/salesforce/oauth/start\\?ticket=[^\"]+)\"");

  static SalesforceSimulator sim;

  @BeforeAll
  static void startOrg() {
    sim = SimulatedSalesforce.start(SimulatedSalesforce.sandbox().connectedApp(APP));
  }

  @AfterAll
  static void stopOrg() {
    sim.close();
  }

  @Test
  void the_page_hands_out_a_start_link_only_with_the_csrf_token_and_the_link_leads_to_salesforce()
      throws Exception {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.salesforce.login-url", sim.baseUrl());
    properties.put("bcsync.salesforce.auth-mode", "web-server");
    properties.put("bcsync.salesforce.client-id", APP.clientId());
    properties.put("bcsync.salesforce.client-secret", APP.clientSecret());
    properties.put("bcsync.salesforce.redirect-uri", CALLBACK);
    properties.put(
        "bcsync.salesforce.token-encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
      String base = "http://localhost:" + server.getPort();
      HttpResponse<String> signIn =
          HTTP.send(
              form(base + "/sign-in", "token=" + WebhookCalls.ADMIN_TOKEN, null),
              HttpResponse.BodyHandlers.ofString());
      assertThat(signIn.statusCode()).isEqualTo(303);
      String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];

      HttpResponse<String> page =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + "/connections"))
                  .header("Cookie", cookie)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("id=\"connect-salesforce\"", "not connected");
      Matcher csrf = CSRF.matcher(page.body());
      assertThat(csrf.find()).isTrue();

      HttpResponse<String> refused =
          HTTP.send(
              form(base + "/connections/salesforce/connect", "replace=false", cookie),
              HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).doesNotContain("ticket=");

      HttpResponse<String> issued =
          HTTP.send(
              form(
                  base + "/connections/salesforce/connect",
                  "csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8),
                  cookie),
              HttpResponse.BodyHandlers.ofString());
      assertThat(issued.statusCode()).isEqualTo(200);
      Matcher start = START.matcher(issued.body());
      assertThat(start.find()).as(issued.body()).isTrue();

      // The administrator follows the link: on to Salesforce's authorize page, as with the API.
      String startPath = URI.create(start.group(1).replace("&amp;", "&")).getRawPath();
      String query = URI.create(start.group(1).replace("&amp;", "&")).getRawQuery();
      HttpResponse<String> begin =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(base + startPath + "?" + query)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(begin.statusCode()).isEqualTo(303);
      assertThat(begin.headers().firstValue("Location").orElseThrow())
          .startsWith(sim.baseUrl() + "/services/oauth2/authorize?");
      assertThat(server.getApplicationContext().getBean(CredentialStore.class).isPresent())
          .as("nothing is connected before Salesforce answers")
          .isFalse();
    }
  }

  private static HttpRequest form(String url, String body, String cookie) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    return builder.build();
  }
}
