package io.bcsync.bigcommerce.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.BigCommerceConfig;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.app.AppRegistration;
import io.bcsync.sim.bigcommerce.app.SignedPayloads;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The app page's refresh endpoint ({@code /bc/api/stores/{store}/overview}) and its credential: a
 * verified load hands the page a token for that store, which reads that store's overview and
 * nothing else; a missing, forged or expired token is 401, another store's is 403, and so is a
 * token of a store bcsync was uninstalled from. The page's files are served under {@code /bc/}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppOverviewApiTest implements TestPropertyProvider {
  static final String CLIENT_ID = "bcsync-overview-app";
  static final String CLIENT_SECRET = "overview-client-secret-0123456789abcdef0123456789";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final Pattern TOKEN = Pattern.compile("data-token=\"([^\"]+)\"");

  @Inject MutableClock clock;
  @Inject AppPageTokens tokens;

  BigCommerceSimulator sim;
  String publicUrl;
  AppRegistration app;

  @Override
  public Map<String, String> getProperties() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true));
    int port = FreePort.find();
    publicUrl = "http://localhost:" + port;
    app =
        new AppRegistration(
            CLIENT_ID,
            CLIENT_SECRET,
            publicUrl + "/bc/auth",
            publicUrl + "/bc/load",
            publicUrl + "/bc/uninstall",
            publicUrl + "/bc/remove_user",
            "store_v2_orders_read_only");
    sim.registerApp(app);
    Map<String, String> properties = new HashMap<>(TestDatabases.h2());
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("bcsync.admin-token", WebhookCalls.ADMIN_TOKEN);
    properties.put("bcsync.bigcommerce.api-url", sim.baseUrl());
    properties.put("bcsync.bigcommerce.login-url", sim.loginBaseUrl());
    properties.put("bcsync.bigcommerce.client-id", CLIENT_ID);
    properties.put("bcsync.bigcommerce.client-secret", CLIENT_SECRET);
    properties.put("bcsync.bigcommerce.app.public-url", publicUrl);
    properties.put(
        "bcsync.bigcommerce.app.token-encryption-key",
        Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8)));
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    properties.put("bcsync.staging.allowed-stores", "ov1,ov2,ov3");
    properties.put("test.mutable-clock", "true");
    // Many loads in a row; AppCallbackLimitsTest covers the rate limit.
    properties.put("bcsync.bigcommerce.callbacks.rate-limit", "1000");
    properties.put("bcsync.bigcommerce.callbacks.rate-burst", "1000");
    return properties;
  }

  @BeforeAll
  void installStores() {
    for (String hash : new String[] {"ov1", "ov2", "ov3"}) {
      sim.createStore(BigCommerceSimulator.StoreSpec.named(hash));
      assertThat(sim.installApp(hash, CLIENT_ID).callbackStatus()).isEqualTo(200);
    }
  }

  @AfterAll
  void stopSimulator() {
    sim.close();
  }

  @BeforeEach
  void realTime() {
    clock.set(System.currentTimeMillis());
  }

  @Test
  void a_loaded_page_reads_its_own_store_with_its_token_and_no_other() throws Exception {
    String token = loadToken("ov1");

    HttpResponse<String> own = overview("ov1", "Bearer " + token, "hour");
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).contains("\"store\":\"ov1\"", "\"window\":\"hour\"", "\"series\":[");
    assertThat(own.body()).doesNotContain("ov2");
    assertThat(own.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(overview("ov1", "Bearer " + token, "day").body()).contains("\"window\":\"day\"");
    assertThat(overview("ov1", "Bearer " + token, "week").statusCode()).isEqualTo(400);

    assertThat(overview("ov2", "Bearer " + token, "hour").statusCode()).isEqualTo(403);
    assertThat(overview("ov2", "Bearer " + token, "hour").body()).doesNotContain("series");
  }

  @Test
  void a_missing_forged_or_expired_token_is_401() throws Exception {
    String token = loadToken("ov1");
    String forgedMac = token.substring(0, token.lastIndexOf('.') + 1) + "A".repeat(43);
    // Another store's name with the genuine token's MAC: the MAC covers the store.
    String otherStore = token.replace("v1.ov1.", "v1.ov2.");
    String signedElsewhere = withOtherSecret().mint("ov1");

    for (String authorization :
        new String[] {
          null,
          "",
          "Bearer ",
          token,
          "Basic " + token,
          "Bearer " + forgedMac,
          "Bearer " + otherStore,
          "Bearer " + signedElsewhere,
          "Bearer " + token + "x"
        }) {
      HttpResponse<String> response = overview("ov1", authorization, "hour");
      assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
      assertThat(response.body()).doesNotContain("series");
    }
    assertThat(overview("ov2", "Bearer " + otherStore, "hour").statusCode()).isEqualTo(401);

    assertThat(overview("ov1", "Bearer " + token, "hour").statusCode()).isEqualTo(200);
    clock.advance(AppPageTokens.LIFETIME.minusSeconds(5));
    assertThat(overview("ov1", "Bearer " + token, "hour").statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(10));
    assertThat(overview("ov1", "Bearer " + token, "hour").statusCode()).isEqualTo(401);
  }

  @Test
  void a_token_of_a_store_bcsync_was_uninstalled_from_is_refused() throws Exception {
    String token = loadToken("ov3");
    assertThat(overview("ov3", "Bearer " + token, "hour").statusCode()).isEqualTo(200);

    assertThat(sim.uninstallApp("ov3", CLIENT_ID)).isEqualTo(200);

    assertThat(overview("ov3", "Bearer " + token, "hour").statusCode()).isEqualTo(403);
  }

  @Test
  void the_page_loads_its_script_and_styles_from_bc_and_nothing_inline() throws Exception {
    HttpResponse<String> page = load("ov2");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "src=\"/bc/static/app-overview.js\"",
            "href=\"/bc/static/app.css\"",
            "href=\"/bc/uplot/uPlot.min.css\"")
        .doesNotContain("<style", "style=\"", "<script>");
    for (String file :
        new String[] {
          "/bc/static/app-overview.js",
          "/bc/static/app.css",
          "/bc/uplot/uPlot.esm.js",
          "/bc/uplot/uPlot.min.css"
        }) {
      HttpResponse<String> served = get(file, null);
      assertThat(served.statusCode()).as(file).isEqualTo(200);
      assertThat(served.body()).as(file).isNotEmpty();
    }
    assertThat(get("/bc/static/app-overview.js", null).body())
        .contains("import uPlot from \"/bc/uplot/uPlot.esm.js\"");
  }

  /** Tokens as an app with another client secret would mint them. */
  private AppPageTokens withOtherSecret() {
    return new AppPageTokens(
        new BigCommerceConfig(
            sim.baseUrl(),
            sim.loginBaseUrl(),
            CLIENT_ID,
            "another-client-secret-0123456789abcdef012345",
            "https://api-b2b.bigcommerce.com"),
        clock);
  }

  private String loadToken(String hash) throws Exception {
    HttpResponse<String> page = load(hash);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Matcher token = TOKEN.matcher(page.body());
    assertThat(token.find()).isTrue();
    return token.group(1);
  }

  private HttpResponse<String> load(String hash) throws Exception {
    SignedPayloads.StoreUser owner = new SignedPayloads.StoreUser(1, "owner@" + hash + ".example");
    String jwt = SignedPayloads.create(app, hash, owner, owner, Instant.now(), "/");
    return get(
        "/bc/load?signed_payload_jwt=" + URLEncoder.encode(jwt, StandardCharsets.UTF_8), null);
  }

  private HttpResponse<String> overview(String store, String authorization, String window)
      throws Exception {
    return get("/bc/api/stores/" + store + "/overview?window=" + window, authorization);
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(publicUrl + path));
    if (authorization != null && !authorization.isBlank()) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
