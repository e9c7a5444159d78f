package io.bcsync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.salesforce.auth.CredentialStore;
import io.bcsync.salesforce.auth.TokenProvider;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.auth.ConnectedApp;
import io.bcsync.testsupport.CapturedLogs;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Connect Salesforce" (issue 16): only an administrator starts it, only the browser that opened
 * the start link can finish it, once, with PKCE; an existing connection is replaced only when
 * asked, and a refused org changes nothing.
 */
class WebServerConnectTest {
  static final String CALLBACK = "https://bcsync.example/salesforce/oauth/callback";
  static final ConnectedApp APP =
      new ConnectedApp("web-consumer-key", "web-consumer-secret", CALLBACK, null);
  static final HttpClient HTTP = HttpClient.newHttpClient(); // never follows redirects
  static final ObjectMapper JSON = new ObjectMapper();
  static SalesforceSimulator sim;

  @BeforeAll
  static void startOrg() {
    sim = SimulatedSalesforce.start(SimulatedSalesforce.sandbox().connectedApp(APP));
  }

  @AfterAll
  static void stopOrg() {
    sim.close();
  }

  static Map<String, Object> webServerProperties() {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.salesforce.login-url", sim.baseUrl());
    properties.put("bcsync.salesforce.auth-mode", "web-server");
    properties.put("bcsync.salesforce.client-id", APP.clientId());
    properties.put("bcsync.salesforce.client-secret", APP.clientSecret());
    properties.put("bcsync.salesforce.redirect-uri", CALLBACK);
    properties.put(
        "bcsync.salesforce.token-encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
    return properties;
  }

  /** The browser's view of one attempt: where Salesforce sent it back, and its cookie. */
  record Attempt(String callbackQuery, String cookie) {}

  @Test
  void an_administrator_connects_through_a_one_time_link_bound_to_the_browser() throws Exception {
    try (EmbeddedServer server = run(webServerProperties())) {
      assertThat(post(server, "/admin/salesforce/connect", null).statusCode()).isEqualTo(401);
      String startUrl = startUrl(server, "");
      assertThat(startUrl).startsWith("https://bcsync.example/salesforce/oauth/start?ticket=");

      HttpResponse<String> start = get(server, pathOf(startUrl), null);
      assertThat(start.statusCode()).isEqualTo(303);
      String authorize = start.headers().firstValue("Location").orElseThrow();
      assertThat(authorize)
          .startsWith(sim.baseUrl() + "/services/oauth2/authorize?")
          .containsPattern("&code_challenge=[A-Za-z0-9_-]{43}&code_challenge_method=S256");
      String setCookie = start.headers().firstValue("Set-Cookie").orElseThrow();
      assertThat(setCookie.toLowerCase())
          .contains("httponly", "secure", "samesite=lax", "path=/salesforce/oauth/callback");
      assertThat(start.headers().firstValue("Cache-Control")).contains("no-store");
      assertThat(get(server, pathOf(startUrl), null).statusCode())
          .as("a start link works once")
          .isEqualTo(400);

      Attempt attempt = new Attempt(consent(authorize), cookieValue(setCookie));
      HttpResponse<String> callback = callback(server, attempt.callbackQuery(), attempt.cookie());
      assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
      assertThat(callback.body()).contains("\"status\":\"connected\"", sim.orgId());

      HttpResponse<String> replayed = callback(server, attempt.callbackQuery(), attempt.cookie());
      assertThat(replayed.statusCode()).as("a state works once").isEqualTo(400);
      assertThat(json(replayed).get("error").asText()).isEqualTo("unknown_state");

      CredentialStore store = server.getApplicationContext().getBean(CredentialStore.class);
      String refreshToken = store.load().orElseThrow().refreshToken();
      assertThat(store.sealedValue().orElseThrow()).doesNotContain(refreshToken);
      assertThat(store.orgId()).contains(sim.orgId());

      // expiry of the access token: the refresh token gets a new one transparently
      SalesforceConnector connector =
          server.getApplicationContext().getBean(SalesforceConnector.class);
      sim.expireSession(connector.session().sessionId());
      String userId = connector.session().<String>call(c -> c.getUserInfo().getUserId());
      assertThat(userId).isEqualTo(connector.session().org().userId());
      assertThat(server.getApplicationContext().getBean(TokenProvider.class).renewals())
          .isEqualTo(1);
    }
  }

  @Test
  void a_callback_from_another_browser_is_refused_spends_the_state_and_stores_nothing()
      throws Exception {
    try (EmbeddedServer server = run(webServerProperties())) {
      CredentialStore store = server.getApplicationContext().getBean(CredentialStore.class);
      assertThat(get(server, "/salesforce/oauth/start", null).statusCode()).isEqualTo(400);
      assertThat(get(server, "/salesforce/oauth/start?ticket=forged", null).statusCode())
          .isEqualTo(400);

      Attempt first = begin(server, "");
      HttpResponse<String> withoutCookie = callback(server, first.callbackQuery(), null);
      assertThat(withoutCookie.statusCode()).isEqualTo(400);
      assertThat(json(withoutCookie).get("error").asText()).isEqualTo("state_not_bound");
      HttpResponse<String> late = callback(server, first.callbackQuery(), first.cookie());
      assertThat(json(late).get("error").asText())
          .as("the refused attempt spent the state")
          .isEqualTo("unknown_state");

      Attempt second = begin(server, "");
      String otherBrowsers = begin(server, "").cookie();
      HttpResponse<String> wrongVerifier = callback(server, second.callbackQuery(), otherBrowsers);
      assertThat(wrongVerifier.statusCode()).isEqualTo(400);
      assertThat(json(wrongVerifier).get("error").asText()).isEqualTo("state_not_bound");

      // Salesforce refuses the code: the browser gets a fixed sentence, the log the escaped reason
      Attempt third = begin(server, "");
      try (CapturedLogs logs = new CapturedLogs()) {
        HttpResponse<String> badCode =
            callback(server, third.callbackQuery().replace("?code=", "?code=x"), third.cookie());
        assertThat(badCode.statusCode()).isEqualTo(400);
        assertThat(json(badCode).get("error").asText()).isEqualTo("connect_failed");
        assertThat(json(badCode).get("message").asText())
            .startsWith("Salesforce did not issue a usable token")
            .doesNotContain("invalid_grant");
        assertThat(logs.atLeast(Level.WARN))
            .anySatisfy(line -> assertThat(line).contains("invalid_grant"));
      }

      assertThat(store.isPresent()).isFalse();
    }
  }

  @Test
  void replacing_a_connection_needs_replace_true_and_is_logged_by_org_id() throws Exception {
    try (EmbeddedServer server = run(webServerProperties())) {
      CredentialStore store = server.getApplicationContext().getBean(CredentialStore.class);
      Attempt unconfirmed = begin(server, ""); // started while nothing was connected
      Attempt first = begin(server, "");
      assertThat(callback(server, first.callbackQuery(), first.cookie()).statusCode())
          .isEqualTo(200);
      String sealed = store.sealedValue().orElseThrow();

      HttpResponse<String> again = post(server, "/admin/salesforce/connect", ADMIN);
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(json(again).get("error").asText()).isEqualTo("already_connected");
      assertThat(json(again).get("message").asText()).contains(sim.orgId(), "replace=true");
      assertThat(post(server, "/admin/salesforce/connect?replace=maybe", ADMIN).statusCode())
          .isEqualTo(400);

      HttpResponse<String> notConfirmed =
          callback(server, unconfirmed.callbackQuery(), unconfirmed.cookie());
      assertThat(notConfirmed.statusCode()).isEqualTo(409);
      assertThat(json(notConfirmed).get("error").asText()).isEqualTo("replace_not_confirmed");
      assertThat(store.sealedValue()).contains(sealed);

      try (CapturedLogs logs = new CapturedLogs()) {
        Attempt confirmed = begin(server, "?replace=true");
        assertThat(callback(server, confirmed.callbackQuery(), confirmed.cookie()).statusCode())
            .isEqualTo(200);
        assertThat(store.sealedValue().orElseThrow()).isNotEqualTo(sealed);
        String refreshToken = store.load().orElseThrow().refreshToken();
        assertThat(logs.atLeast(Level.WARN))
            .anySatisfy(
                line ->
                    assertThat(line).contains("REPLACED", "org " + sim.orgId(), "replace=true"));
        assertThat(logs.atLeast(Level.INFO))
            .noneSatisfy(line -> assertThat(line).contains(refreshToken))
            .noneSatisfy(line -> assertThat(line).contains(confirmed.cookie()));
      }
    }
  }

  @Test
  void an_org_the_guard_refuses_leaves_the_current_connection_as_it_was() throws Exception {
    Map<String, Object> properties = webServerProperties();
    properties.put("bcsync.salesforce.org-id", "00D000000000001AAA");
    try (EmbeddedServer server = run(properties)) {
      CredentialStore store = server.getApplicationContext().getBean(CredentialStore.class);
      store.save("current-refresh-token", "https://acme.my.salesforce.com", null);

      Attempt attempt = begin(server, "?replace=true");
      HttpResponse<String> refused = callback(server, attempt.callbackQuery(), attempt.cookie());
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(json(refused).get("error").asText()).isEqualTo("org_refused");
      assertThat(store.load().orElseThrow().refreshToken()).isEqualTo("current-refresh-token");
    }
  }

  @Test
  void production_with_the_web_server_flow_refuses_to_start_without_a_pinned_org() {
    Map<String, Object> properties = webServerProperties();
    properties.put("bcsync.environment", "production");
    assertThatThrownBy(() -> ApplicationContext.run(properties).close())
        .hasStackTraceContaining("bcsync.salesforce.org-id must be set when")
        .hasStackTraceContaining("production");

    properties.put("bcsync.salesforce.org-id", sim.orgId());
    properties.put("bcsync.salesforce.allow-sandbox-in-production", "true");
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      assertThat(context.isRunning()).isTrue();
    }
  }

  static final String ADMIN = WebhookCalls.ADMIN_TOKEN;

  private static EmbeddedServer run(Map<String, Object> properties) {
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }

  /** Admin API, then the start link in "the browser", then Salesforce's consent screen. */
  private static Attempt begin(EmbeddedServer server, String connectQuery) throws Exception {
    HttpResponse<String> start = get(server, pathOf(startUrl(server, connectQuery)), null);
    assertThat(start.statusCode()).as(start.body()).isEqualTo(303);
    return new Attempt(
        consent(start.headers().firstValue("Location").orElseThrow()),
        cookieValue(start.headers().firstValue("Set-Cookie").orElseThrow()));
  }

  private static String startUrl(EmbeddedServer server, String query) throws Exception {
    HttpResponse<String> link = post(server, "/admin/salesforce/connect" + query, ADMIN);
    assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
    return json(link).get("startUrl").asText();
  }

  /** The simulated org approves at once and redirects to the callback with code and state. */
  private static String consent(String authorizeUrl) throws Exception {
    HttpResponse<String> consent =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(authorizeUrl)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    String location = consent.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(CALLBACK + "?code=");
    return location.substring(location.indexOf('?'));
  }

  private static HttpResponse<String> callback(EmbeddedServer server, String query, String cookie)
      throws Exception {
    return get(server, "/salesforce/oauth/callback" + query, cookie);
  }

  private static HttpResponse<String> get(EmbeddedServer server, String path, String cookie)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path)).GET();
    if (cookie != null) {
      request.header("Cookie", "bcsync_sf_connect=" + cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(EmbeddedServer server, String path, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.getURI().resolve(path))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String pathOf(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static String cookieValue(String setCookie) {
    String pair = setCookie.split(";", 2)[0];
    assertThat(pair).startsWith("bcsync_sf_connect=");
    return pair.substring(pair.indexOf('=') + 1);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }
}
