package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.stores.InstalledStores;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.app.AppRegistration;
import io.bcsync.sim.bigcommerce.app.SignedPayloads;
import io.bcsync.testsupport.Browser;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operator console in a real browser (headless chromium), against the middleware and both
 * simulators: sign-in, the overview refreshing itself as orders sync, a record the Salesforce
 * simulator keeps failing shown with its error and payload and replayed from the page, requests
 * without a session or a CSRF token refused, sign-out, and the BigCommerce app page: the store's
 * overview after a valid signed load, refreshing itself as orders sync, and a forged load refused.
 * One middleware and one browser for the whole class; the tests run in order. Screenshots go to
 * docs/screenshots/.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest extends ConsoleBrowserTestBase {
  static final String STORE = "con1";
  static final String APP_STORE = "con2";
  static final String CLIENT_ID = "bcsync-console-app";
  static final String CLIENT_SECRET = "console-app-client-secret-0123456789abcdef";
  static final String SECRET = "console-webhook-secret-0123456789";
  @Inject WorkQueue queue;
  @Inject InstalledStores installed;

  AppRegistration app;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        startRig(
            // Webhooks signed with the app's secret, which the middleware (configured for the app
            // page below) then requires.
            BigCommerceSimulator.StoreSpec.named(STORE)
                .accessToken("tok-" + STORE)
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET),
            STORE,
            SECRET,
            "Y29uc29sZS1ndWVzdC1rZXktc2VjcmV0LTMyLWJ5dGVzIQ==");
    app =
        new AppRegistration(
            CLIENT_ID,
            CLIENT_SECRET,
            baseUrl + "/bc/auth",
            baseUrl + "/bc/load",
            baseUrl + "/bc/uninstall",
            baseUrl + "/bc/remove_user",
            "store_v2_orders_read_only");
    bc.registerApp(app);
    properties.put("bcsync.staging.allowed-stores", STORE + "," + APP_STORE);
    properties.put("bcsync.bigcommerce.login-url", bc.loginBaseUrl());
    properties.put("bcsync.bigcommerce.client-id", CLIENT_ID);
    properties.put("bcsync.bigcommerce.client-secret", CLIENT_SECRET);
    properties.put(
        "bcsync.bigcommerce.app.token-encryption-key",
        Base64.getEncoder()
            .encodeToString("console-test-key-of-32-bytes-ok!".getBytes(StandardCharsets.UTF_8)));
    // A record Salesforce keeps refusing is dead-lettered after its second attempt.
    properties.put("bcsync.pipeline.max-attempts", "2");
    return properties;
  }

  @Test
  @Order(1)
  void without_a_session_pages_send_to_sign_in_and_everything_else_is_refused() throws Exception {
    HttpResponse<String> page = send(get("/"));
    assertThat(page.statusCode()).isEqualTo(303);
    assertThat(page.headers().firstValue("Location")).contains("/sign-in");
    assertThat(send(get("/console/api/overview")).statusCode()).isEqualTo(401);
    assertThat(send(get("/failed")).statusCode()).isEqualTo(303);
    assertThat(send(post("/failed/replay", "action=matching", null)).statusCode()).isEqualTo(401);
    assertThat(send(post("/sign-out", "csrf=x", null)).statusCode()).isEqualTo(401);
    // A forged session cookie is no session.
    assertThat(send(get("/console/api/overview", "bcsync_console=forged")).statusCode())
        .isEqualTo(401);
    // The bearer-token API keeps working for scripts, and serves the same overview.
    HttpResponse<String> admin =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/admin/overview"))
                .header("Authorization", "Bearer " + WebhookCalls.ADMIN_TOKEN)
                .build());
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("\"stores\"", "\"streaming\"");
    assertThat(send(get("/admin/overview")).statusCode()).isEqualTo(401);
    // The sign-in page itself has the strict policy: no inline script, never framed.
    HttpResponse<String> signIn = send(get("/sign-in"));
    assertThat(signIn.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self';", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(signIn.body()).doesNotContain("<script>");
  }

  @Test
  @Order(2)
  void signing_in_with_the_admin_token_opens_the_overview_and_a_wrong_token_does_not() {
    browser.get(baseUrl + "/");
    assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
    Browser.screenshot(browser, "sign-in");

    signIn("not-the-token-0123456789");
    assertThat(awaitElement(By.id("signin-error")).getText()).contains("not the admin token");
    assertThat(browser.manage().getCookieNamed("bcsync_console")).isNull();

    signIn(WebhookCalls.ADMIN_TOKEN);
    assertThat(awaitElement(By.id("stores")).isDisplayed()).isTrue();
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Overview");
    Cookie cookie = browser.manage().getCookieNamed("bcsync_console");
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getSameSite()).isEqualTo("Strict");
    assertThat(cookie.getExpiry()).isNotNull();
  }

  @Test
  @Order(3)
  void the_overview_counts_and_chart_follow_orders_as_they_sync_without_a_reload() {
    browser.get(baseUrl + "/");
    long before = synced();
    long customer = store.createCustomer("viewer@example.com", "Vi", "Ewer");
    store.placeOrder(customer, mug);
    store.placeOrder(customer, mug);

    // The page polls by itself: the store's row shows the synced items (customer and orders).
    new WebDriverWait(browser, WAIT).until(driver -> synced() >= before + 2);
    assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
    assertThat(
            Integer.parseInt(
                browser.findElement(By.tagName("body")).getAttribute("data-refreshes")))
        .isGreaterThan(1);
    Browser.screenshot(browser, "overview");
  }

  @Test
  @Order(4)
  void a_failed_record_shows_its_error_and_payload_and_is_replayed_from_the_page()
      throws Exception {
    long customer = store.createCustomer("stuck@example.com", "Stu", "Ck");
    records().awaitOne("Contact", "BC_Customer_Id__c", STORE + ":" + customer);
    records().awaitDone();
    sf.faults().failNext("upsert", "Order", "UNABLE_TO_LOCK_ROW", 1000);
    long order = store.placeOrder(customer, mug);
    await().atMost(WAIT).until(() -> !dead().isEmpty());
    sf.faults().clear();
    WorkItem item = dead().get(0);
    assertThat(item.entity().id()).isEqualTo(String.valueOf(order));

    browser.get(baseUrl + "/failed");
    WebElement row = browser.findElement(By.cssSelector("tr[data-item='" + item.id() + "']"));
    assertThat(row.findElement(By.className("error-text")).getText())
        .contains("UNABLE_TO_LOCK_ROW");
    row.findElement(By.tagName("summary")).click();
    assertThat(row.findElement(By.className("payload")).getText()).contains(String.valueOf(order));
    Browser.screenshot(browser, "failed-records");

    // Filters narrow the list: an error text no record has shows none.
    browser.findElement(By.id("f-error")).sendKeys("NO_SUCH_ERROR");
    browser.findElement(By.cssSelector(".filters button")).click();
    assertThat(awaitElement(By.id("no-failed")).getText()).contains("match the filter");

    // A replay without the session's CSRF token, or from another origin, changes nothing.
    String session = browser.manage().getCookieNamed("bcsync_console").getValue();
    String csrf = browser.findElement(By.cssSelector("input[name=csrf]")).getAttribute("value");
    String cookie = "bcsync_console=" + session;
    assertThat(send(post("/failed/replay", "action=matching", cookie)).statusCode()).isEqualTo(403);
    assertThat(send(post("/failed/replay", "action=matching&csrf=wrong", cookie)).statusCode())
        .isEqualTo(403);
    HttpResponse<String> crossOrigin =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/failed/replay"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie)
                .header("Origin", "https://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("action=matching&csrf=" + csrf))
                .build());
    assertThat(crossOrigin.statusCode()).isEqualTo(403);
    assertThat(queue.find(item.id()).orElseThrow().status()).isEqualTo(WorkItemStatus.DEAD);

    browser.get(baseUrl + "/failed?kind=order");
    browser
        .findElement(By.cssSelector("tr[data-item='" + item.id() + "'] button[value^='one:']"))
        .click();
    // A click submits the form; the answer is a new page, which may not have loaded yet.
    assertThat(awaitElement(By.id("after-replay")).getText()).contains(String.valueOf(item.id()));
    assertThat(browser.findElements(By.cssSelector("#failed tr[data-item='" + item.id() + "']")))
        .isEmpty();
    records().awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    await()
        .atMost(WAIT)
        .until(() -> queue.find(item.id()).orElseThrow().status() == WorkItemStatus.DONE);
    browser.navigate().refresh();
    assertThat(
            browser
                .findElement(
                    By.cssSelector("#after-replay tr[data-item='" + item.id() + "'] .status"))
                .getText())
        .isEqualTo("DONE");
    Browser.screenshot(browser, "after-replay");
  }

  @Test
  @Order(5)
  void signing_out_ends_the_session_on_the_server() throws Exception {
    browser.get(baseUrl + "/");
    String session = browser.manage().getCookieNamed("bcsync_console").getValue();
    browser.findElement(By.cssSelector(".signout button")).click();
    awaitElement(By.id("token"));
    assertThat(browser.getCurrentUrl()).endsWith("/sign-in");
    assertThat(send(get("/console/api/overview", "bcsync_console=" + session)).statusCode())
        .isEqualTo(401);
  }

  @Test
  @Order(6)
  void the_app_page_shows_the_store_overview_refreshing_itself_and_refuses_a_forged_load() {
    SimulatedStore appStore = bc.createStore(BigCommerceSimulator.StoreSpec.named(APP_STORE));
    assertThat(bc.installApp(APP_STORE, CLIENT_ID).callbackStatus()).isEqualTo(200);
    long cup = appStore.createProduct("Cup", "CUP-1", new BigDecimal("4.50"));
    SignedPayloads.StoreUser owner =
        new SignedPayloads.StoreUser(1, "owner@" + APP_STORE + ".example");
    String load = SignedPayloads.create(app, APP_STORE, owner, owner, Instant.now(), "/");

    browser.get(baseUrl + "/bc/load?signed_payload_jwt=" + encode(load));
    WebElement page = awaitElement(By.id("app-overview"));
    assertThat(page.getText())
        .contains(
            "Store " + APP_STORE,
            "owner@" + APP_STORE + ".example",
            "Activity",
            "Waiting in the queue",
            "BigCommerce API budget left",
            "Salesforce change events",
            "Last errors");
    // The page's script draws the chart (uPlot, from the jar) under the strict CSP.
    new WebDriverWait(browser, WAIT)
        .until(driver -> !driver.findElements(By.cssSelector("#chart canvas")).isEmpty());
    // Neither the store's API token nor the signed payload is in the page; its own token is.
    String accessToken = installed.find(APP_STORE).orElseThrow().accessToken().orElseThrow();
    assertThat(browser.getPageSource()).doesNotContain(accessToken, load);
    assertThat(page.getAttribute("data-token")).startsWith("v1." + APP_STORE + ".");

    // Orders placed in the store show in the page's counts by its own polling: no reload (the
    // marker set in this document survives).
    ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");
    long before = appCount("synced");
    long received = appCount("received");
    long customer = appStore.createCustomer("merchant-view@example.com", "Mer", "Chant");
    appStore.placeOrder(customer, cup);
    appStore.placeOrder(customer, cup);
    new WebDriverWait(browser, WAIT).until(driver -> appCount("synced") >= before + 2);
    assertThat(appCount("received")).isGreaterThan(received);
    assertThat(((JavascriptExecutor) browser).executeScript("return window.sameDocument === true"))
        .isEqualTo(true);
    assertThat(Integer.parseInt(page.getAttribute("data-refreshes"))).isGreaterThan(1);
    assertThat(page.getAttribute("data-stopped")).isNull();
    Browser.screenshot(browser, "app-page");

    AppRegistration forger =
        new AppRegistration(
            CLIENT_ID,
            "not-the-client-secret-0123456789abcdefgh",
            app.authCallbackUrl(),
            app.loadCallbackUrl(),
            app.uninstallCallbackUrl(),
            app.removeUserCallbackUrl(),
            "store_v2_orders_read_only");
    String forged = SignedPayloads.create(forger, APP_STORE, owner, owner, Instant.now(), "/");
    browser.get(baseUrl + "/bc/load?signed_payload_jwt=" + encode(forged));
    assertThat(browser.findElement(By.tagName("body")).getText())
        .contains("bcsync could not continue")
        .doesNotContain("Activity", "owner@" + APP_STORE + ".example");
    assertThat(browser.findElements(By.id("app-overview"))).isEmpty();
  }

  /** A count of the app page's totals table, read in one step (the script rewrites it). */
  private long appCount(String column) {
    Object text =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return document.querySelector(arguments[0]).textContent;", "#totals ." + column);
    return Long.parseLong(String.valueOf(text).trim());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private void signIn(String token) {
    browser.findElement(By.id("token")).sendKeys(token);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
  }

  /**
   * The synced count in the store's row, 0 while the store has no row. Read by script in one step:
   * the page replaces its rows at every refresh, so an element found first may be gone when read.
   */
  private long synced() {
    Object text =
        ((JavascriptExecutor) browser)
            .executeScript(
                "const cell = document.querySelector(arguments[0]);"
                    + " return cell ? cell.textContent : '0';",
                "#stores tr[data-store='" + STORE + "'] .synced");
    return Long.parseLong(String.valueOf(text).trim());
  }

  private HttpRequest get(String path) {
    return get(path, null);
  }
}
