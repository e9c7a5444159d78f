package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.salesforce.auth.CredentialStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.auth.ConnectedApp;
import io.bcsync.testsupport.Browser;
import io.bcsync.testsupport.FreePort;
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
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

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

  /** The browser test's middleware: its callback must be reachable, so it is on this host. */
  static int browserPort;

  static ConnectedApp browserApp;

  @BeforeAll
  static void startOrg() {
    browserPort = FreePort.find();
    browserApp =
        new ConnectedApp(
            "console-browser-key",
            "console-browser-secret",
            "http://localhost:" + browserPort + "/salesforce/oauth/callback",
            null);
    sim =
        SimulatedSalesforce.start(
            SimulatedSalesforce.sandbox().connectedApp(APP).connectedApp(browserApp));
  }

  @AfterAll
  static void stopOrg() {
    sim.close();
  }

  @Test
  void the_page_hands_out_a_start_link_only_with_the_csrf_token_and_the_link_leads_to_salesforce()
      throws Exception {
    try (EmbeddedServer server =
        ApplicationContext.run(EmbeddedServer.class, webServerProperties(APP))) {
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

  /**
   * The same in a browser: the administrator signs in, clicks "Connect Salesforce", then the link
   * the page shows; chromium follows the start link to the simulator's authorize page, which (as
   * Salesforce does for a user already signed in who approved the app) sends it back to our
   * callback with a code, and the org is connected.
   */
  @Test
  void an_administrator_clicks_connect_salesforce_and_follows_it_through_the_authorize_page() {
    Map<String, Object> properties = webServerProperties(browserApp);
    properties.put("micronaut.server.port", browserPort);
    WebDriver browser = Browser.start();
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties)) {
      String base = "http://localhost:" + browserPort;
      browser.get(base + "/sign-in");
      browser.findElement(By.id("token")).sendKeys(WebhookCalls.ADMIN_TOKEN);
      browser.findElement(By.cssSelector("form button[type=submit]")).click();
      await(browser, By.cssSelector("h1"));
      browser.get(base + "/connections");
      assertThat(browser.findElement(By.id("sf-status")).getText()).isEqualTo("not connected");

      browser.findElement(By.cssSelector("#connect-salesforce button[type=submit]")).click();
      WebElement link = await(browser, By.cssSelector("#connect-start a"));
      assertThat(link.getAttribute("href")).startsWith(base + "/salesforce/oauth/start?ticket=");
      link.click();

      new WebDriverWait(browser, Duration.ofSeconds(30))
          .until(driver -> driver.getCurrentUrl().contains("/salesforce/oauth/callback"));
      // Only the simulator's authorize page issues the code this callback was given, and the
      // callback connected with it: the browser went through that page.
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"connected\"");
      assertThat(server.getApplicationContext().getBean(CredentialStore.class).isPresent())
          .isTrue();
      browser.get(base + "/connections");
      assertThat(browser.findElement(By.id("sf-status")).getText()).isEqualTo("connected");
    } finally {
      browser.quit();
    }
  }

  private static Map<String, Object> webServerProperties(ConnectedApp app) {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.salesforce.login-url", sim.baseUrl());
    properties.put("bcsync.salesforce.auth-mode", "web-server");
    properties.put("bcsync.salesforce.client-id", app.clientId());
    properties.put("bcsync.salesforce.client-secret", app.clientSecret());
    properties.put("bcsync.salesforce.redirect-uri", app.callbackUrl());
    properties.put(
        "bcsync.salesforce.token-encryption-key", Base64.getEncoder().encodeToString(new byte[32]));
    return properties;
  }

  private static WebElement await(WebDriver browser, By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(driver -> driver.findElement(by));
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
