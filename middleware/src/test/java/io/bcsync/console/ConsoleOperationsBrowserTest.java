package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.backfill.BackfillRunner;
import io.bcsync.backfill.BackfillState;
import io.bcsync.backfill.Backfills;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sync.review.Review;
import io.bcsync.sync.review.Reviews;
import io.bcsync.testsupport.Browser;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's Reviews, Backfill and Connections pages in a real browser (headless chromium),
 * against the middleware and both simulators: a customer matching two Contacts is resolved from the
 * Reviews page and its held order reaches Salesforce on the chosen Contact; a backfill started from
 * the page shows its progress bar reach 100 % by polling; the match report downloads; the
 * Connections page shows the store and the org; POSTs without a session or without the CSRF token
 * are refused. The test thread runs the backfill (the scheduler is off, as in the other end-to-end
 * tests). Screenshots go to docs/screenshots/.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleOperationsBrowserTest extends ConsoleBrowserTestBase {
  static final String STORE = "ops1";
  static final String SECRET = "ops-webhook-secret-0123456789abcdef";
  @Inject Reviews reviews;
  @Inject Backfills backfills;
  @Inject BackfillRunner runner;

  Path downloads;

  @Override
  public Map<String, String> getProperties() {
    return startRig(
        BigCommerceSimulator.StoreSpec.named(STORE).accessToken("tok-" + STORE).clientId("o1"),
        STORE,
        SECRET,
        "b3BzLWNvbnNvbGUtZ3Vlc3Qta2V5LXNlY3JldC0zMmIh");
  }

  @Override
  WebDriver openBrowser() throws Exception {
    downloads = Files.createTempDirectory("bcsync-downloads");
    return Browser.start(downloads);
  }

  @Test
  @Order(1)
  void without_a_session_pages_send_to_sign_in_and_posts_and_data_are_refused() throws Exception {
    for (String page : List.of("/reviews", "/backfill", "/connections", "/backfill/match-report")) {
      HttpResponse<String> answer = send(get(page, null));
      assertThat(answer.statusCode()).as(page).isEqualTo(303);
      assertThat(answer.headers().firstValue("Location")).as(page).contains("/sign-in");
    }
    assertThat(send(get("/console/api/backfill/1", null)).statusCode()).isEqualTo(401);
    for (String post :
        List.of(
            "/reviews/1/resolve",
            "/backfill/start",
            "/backfill/1/cancel",
            "/connections/salesforce/connect")) {
      assertThat(
              send(post(post, "action=create&store=" + STORE + "&since=2020-01-01", null))
                  .statusCode())
          .as(post)
          .isEqualTo(401);
    }
    assertThat(backfills.latest(null)).as("no backfill started").isEmpty();
    // The bearer-token API serves the Connections page's content to scripts.
    HttpResponse<String> admin =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl + "/admin/connections"))
                .header("Authorization", "Bearer " + WebhookCalls.ADMIN_TOKEN)
                .build());
    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("\"store\":\"" + STORE + "\"").doesNotContain(SECRET);

    browser.get(baseUrl + "/sign-in");
    browser.findElement(By.id("token")).sendKeys(WebhookCalls.ADMIN_TOKEN);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    awaitElement(By.id("stores"));
  }

  @Test
  @Order(2)
  void a_review_is_resolved_from_the_page_and_its_held_order_reaches_salesforce() throws Exception {
    String account = sf.createAsUser("Account", Map.of("Name", "Twin household")).id();
    String chosen =
        sf.createAsUser(
                "Contact",
                Map.of(
                    "FirstName",
                    "Tess",
                    "LastName",
                    "Twin",
                    "Email",
                    "twin@example.com",
                    "AccountId",
                    account))
            .id();
    String other =
        sf.createAsUser(
                "Contact",
                Map.of("FirstName", "Tom", "LastName", "Other", "Email", "TWIN@example.com"))
            .id();
    long customer = store.createCustomer("twin@example.com", "Tess", "Twin");
    long order = store.placeOrder(customer, mug);
    await().atMost(WAIT).until(() -> openReview().isPresent());
    Review review = openReview().orElseThrow();
    await()
        .atMost(WAIT)
        .until(
            () ->
                reviews
                    .held(List.of(review.id()))
                    .get(review.id())
                    .contains(new Reviews.Held("order", String.valueOf(order))));
    assertThat(records().where("Order", "BC_Order_Id__c", STORE + ":" + order))
        .as("held while under review")
        .isEmpty();

    browser.get(baseUrl + "/reviews?after=-5");
    assertThat(browser.getPageSource()).contains("after must be a review id of 0 or more");
    browser.get(baseUrl + "/reviews");
    WebElement section = awaitElement(By.id("review-" + review.id()));
    assertThat(section.getText())
        .contains("customer " + customer, chosen, other, "twin@example.com", "order " + order);
    // The other Contact's names differ from the customer's: said in words, not by colour alone.
    List<WebElement> differing = section.findElements(By.cssSelector("td.differs"));
    assertThat(differing).extracting(WebElement::getText).anyMatch(t -> t.contains("Other"));
    assertThat(differing).allSatisfy(td -> assertThat(td.getText()).contains("(differs)"));
    assertThat(section.findElements(By.cssSelector("td[data-verdict='same']"))).isNotEmpty();
    Browser.screenshot(browser, "reviews");

    // With the session but without its CSRF token, nothing is resolved.
    String cookie =
        "bcsync_console=" + browser.manage().getCookieNamed("bcsync_console").getValue();
    HttpResponse<String> noToken =
        send(post("/reviews/" + review.id() + "/resolve", "action=create", cookie));
    assertThat(noToken.statusCode()).isEqualTo(403);
    assertThat(reviews.find(review.id()).orElseThrow().status()).isEqualTo(Reviews.OPEN);

    section
        .findElement(By.cssSelector("button[aria-label='Link to Contact " + chosen + "']"))
        .click();
    WebElement resolved = awaitElement(By.id("resolved"));
    assertThat(resolved.getText()).contains("linked to Contact " + chosen);
    assertThat(browser.findElement(By.id("followed")).getText()).contains("order " + order);
    assertThat(browser.findElements(By.id("review-" + review.id()))).isEmpty();

    Map<String, Object> sfOrder =
        records().awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    assertThat(sfOrder.get("BC_Contact__c")).isEqualTo(chosen);
    // The held customer is its own work item (gathered with other customer items before a claim,
    // docs/pipeline.md), so it may reach Salesforce a moment after the order.
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(sf.record(chosen).orElseThrow().get("BC_Customer_Id__c"))
                    .isEqualTo(STORE + ":" + customer));
    // The page follows the held order to its outcome (the page does not refresh itself: reload).
    By heldOrderState = By.cssSelector("#followed li[data-entity='order " + order + "'] .state");
    await()
        .atMost(WAIT)
        .until(
            () -> {
              browser.navigate().refresh();
              return browser.findElement(heldOrderState).getText().equals("DONE");
            });
    WebElement decision =
        browser.findElement(By.cssSelector("#decisions tr[data-review='" + review.id() + "']"));
    assertThat(decision.getText())
        .contains("customer " + customer, "linked to Contact " + chosen, "console", "DONE");
    Browser.screenshot(browser, "review-resolved");
  }

  @Test
  @Order(3)
  void a_backfill_started_from_the_page_shows_its_progress_bar_reach_100_percent()
      throws Exception {
    records().awaitDone();
    for (int i = 0; i < 3; i++) {
      store.placeOrder(store.createCustomer("buyer" + i + "@example.com", "Buy", "Er" + i), mug);
    }
    browser.get(baseUrl + "/backfill");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('b-since').value = '2020-01-01';");
    browser.findElement(By.cssSelector("#start-backfill button")).click();
    // The click returns before the server has handled the form: wait for the backfill it starts.
    await().atMost(WAIT).until(() -> !backfills.latest(STORE).isEmpty());
    long id = backfills.latest(STORE).get(0).id();
    WebElement article = awaitElement(By.id("backfill-" + id));
    assertThat(article.getAttribute("data-active")).isEqualTo("true");

    // The scheduler would run it; here the test thread does, while the page polls.
    await()
        .atMost(WAIT)
        .until(
            () -> {
              runner.runActive();
              return backfills.find(id).orElseThrow().state() == BackfillState.DONE;
            });
    awaitText(By.cssSelector("#backfill-" + id + " .state"), "DONE");
    new WebDriverWait(browser, WAIT).until(driver -> "100".equals(bar(id).getAttribute("value")));
    assertThat(browser.findElement(By.cssSelector("#backfill-" + id + " .percent")).getText())
        .isEqualTo("100 %");
    assertThat(browser.findElement(By.cssSelector("#backfill-" + id + " .customers")).getText())
        .startsWith("4");
    assertThat(browser.findElements(By.cssSelector("#backfill-" + id + " form.cancel")))
        .as("an ended backfill cannot be cancelled")
        .isEmpty();
    Browser.screenshot(browser, "backfill");

    // A second one, cancelled from the page before it runs.
    browser.get(baseUrl + "/backfill");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('b-since').value = '2020-01-01';");
    browser.findElement(By.cssSelector("#start-backfill button")).click();
    await().atMost(WAIT).until(() -> backfills.latest(STORE).get(0).id() != id);
    long second = backfills.latest(STORE).get(0).id();
    awaitElement(By.cssSelector("#backfill-" + second + " form.cancel button")).click();
    awaitText(By.cssSelector("#backfill-" + second + " .state"), "CANCELLED");
    assertThat(backfills.find(second).orElseThrow().state()).isEqualTo(BackfillState.CANCELLED);
  }

  @Test
  @Order(4)
  void the_match_report_downloads_as_json_and_a_bad_date_is_refused_on_the_page() throws Exception {
    String cookie =
        "bcsync_console=" + browser.manage().getCookieNamed("bcsync_console").getValue();
    HttpResponse<String> report =
        send(get("/backfill/match-report?store=" + STORE + "&since=2020-01-01", cookie));
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"match-report-" + STORE + "-");
    assertThat(report.body()).contains("\"counts\"", "\"entries\"").doesNotContain("@example.com");

    // Clicked on the page, the report arrives as a file in the browser's download directory.
    browser.get(baseUrl + "/backfill");
    WebElement form = awaitElement(By.id("match-report"));
    new Select(form.findElement(By.name("store"))).selectByValue(STORE);
    // No "since": every customer of the store (a date input takes typed dates in the locale's
    // order, which the test should not depend on).
    form.findElement(By.cssSelector("button[type=submit]")).click();
    Path downloaded =
        await().atMost(WAIT).until(() -> downloadedReport().orElse(null), file -> file != null);
    String content = Files.readString(downloaded);
    assertThat(downloaded.getFileName().toString()).startsWith("match-report-" + STORE + "-");
    assertThat(content).contains("\"counts\"", "\"entries\"").doesNotContain("@example.com");

    browser.get(baseUrl + "/backfill/match-report?store=" + STORE + "&since=yesterday");
    assertThat(awaitElement(By.id("backfill-error")).getText())
        .contains("since must be an ISO date");
  }

  @Test
  @Order(5)
  void the_connections_page_shows_the_store_and_the_salesforce_org() {
    browser.get(baseUrl + "/connections");
    WebElement row =
        awaitElement(By.cssSelector("#store-connections tr[data-store='" + STORE + "']"));
    assertThat(row.findElement(By.className("mode")).getText()).contains("connector mode");
    assertThat(row.findElement(By.className("hooks")).getText()).contains("healthy");
    assertThat(row.findElement(By.className("last-webhook")).getText()).endsWith("UTC");
    assertThat(browser.findElement(By.id("sf-environment")).getText()).isEqualTo("staging");
    assertThat(browser.findElement(By.id("sf-status")).getText()).isEqualTo("connected");
    assertThat(browser.findElement(By.id("sf-kind")).getText()).isEqualTo("sandbox");
    assertThat(browser.findElement(By.id("sf-user")).getText()).isNotEqualTo("—");
    // Password login: "Connect Salesforce" is for the web-server flow, and says so.
    assertThat(browser.findElement(By.id("connect-not-available")).getText())
        .contains("web-server");
    assertThat(browser.getPageSource()).doesNotContain(SECRET, "tok-" + STORE);
    Browser.screenshot(browser, "connections");
  }

  /** The match report once chromium has finished writing it (no partial .crdownload left). */
  private Optional<Path> downloadedReport() throws Exception {
    try (Stream<Path> files = Files.list(downloads)) {
      List<Path> all = files.toList();
      if (all.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"))) {
        return Optional.empty();
      }
      return all.stream()
          .filter(f -> f.getFileName().toString().startsWith("match-report-"))
          .filter(f -> f.getFileName().toString().endsWith(".json"))
          .findFirst();
    }
  }

  private Optional<Review> openReview() {
    return reviews.list(Optional.of(Reviews.OPEN), 10).stream().findFirst();
  }

  private WebElement bar(long id) {
    return browser.findElement(By.id("bar-" + id));
  }

  /**
   * Waits until the element shows {@code text}, finding it again each time: after a form's submit
   * (Cancel) an element found on the page being left is gone when read (a CI run failed with
   * StaleElementReferenceException there).
   */
  private void awaitText(By by, String text) {
    new WebDriverWait(browser, WAIT)
        .ignoring(StaleElementReferenceException.class)
        .until(driver -> driver.findElement(by).getText().equals(text));
  }
}
