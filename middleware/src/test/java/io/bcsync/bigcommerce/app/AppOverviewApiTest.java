package io.bcsync.bigcommerce.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.BigCommerceConfig;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
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
  static final Pattern TOKEN = Pattern.compile("data-token=\"([^\"]+)\"");

  @Inject MutableClock clock;
  @Inject AppPageTokens tokens;

  SimulatedAppInstall bc;

  @Override
  public Map<String, String> getProperties() {
    bc = SimulatedAppInstall.start(CLIENT_ID, CLIENT_SECRET, "store_v2_orders_read_only");
    Map<String, String> properties = bc.properties(TestDatabases.h2());
    properties.put("bcsync.pipeline.workers-enabled", "false");
    properties.put("bcsync.staging.allowed-stores", "ov1,ov2,ov3");
    properties.put("test.mutable-clock", "true");
    return properties;
  }

  @BeforeAll
  void installStores() {
    for (String hash : new String[] {"ov1", "ov2", "ov3"}) {
      bc.install(hash);
    }
  }

  @AfterAll
  void stopSimulator() {
    bc.close();
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

    assertThat(bc.sim().uninstallApp("ov3", CLIENT_ID)).isEqualTo(200);

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
          "/bc/static/overview-common.js",
          "/bc/static/app.css",
          "/bc/uplot/uPlot.esm.js",
          "/bc/uplot/uPlot.min.css"
        }) {
      HttpResponse<String> served = bc.get(file);
      assertThat(served.statusCode()).as(file).isEqualTo(200);
      assertThat(served.body()).as(file).isNotEmpty();
    }
    assertThat(bc.get("/bc/static/app-overview.js").body())
        .contains(
            "import uPlot from \"/bc/uplot/uPlot.esm.js\"",
            "from \"/bc/static/overview-common.js\"");
    // The chart module the console shares: the same file under the app's own path.
    assertThat(bc.get("/bc/static/overview-common.js").body())
        .isEqualTo(bc.get("/console/static/overview-common.js").body())
        .contains("export function activityChart");
  }

  /** Tokens as an app with another client secret would mint them. */
  private AppPageTokens withOtherSecret() {
    return new AppPageTokens(
        new BigCommerceConfig(
            bc.sim().baseUrl(),
            bc.sim().loginBaseUrl(),
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
    return bc.load(bc.signedLoad(hash, Instant.now()));
  }

  private HttpResponse<String> overview(String store, String authorization, String window)
      throws Exception {
    return bc.get("/bc/api/stores/" + store + "/overview?window=" + window, authorization);
  }
}
