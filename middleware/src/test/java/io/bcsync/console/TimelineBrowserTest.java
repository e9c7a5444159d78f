package io.bcsync.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.pipeline.WorkQueue;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.testsupport.Browser;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The record timeline and the failed records' Salesforce call in a real browser (headless
 * chromium), against the middleware and both simulators: a synced order's timeline (webhook, work
 * item, the Salesforce id written), found by its id and by its Salesforce id; a record the
 * Salesforce simulator refuses shown with the request and response that failed; replayed, failing
 * once more and then synced, with what happened after the replay on the failed page and in the
 * timeline. One middleware and one browser for the class; the tests run in order. Screenshots go to
 * docs/screenshots/.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TimelineBrowserTest extends ConsoleBrowserTestBase {
  static final String STORE = "tml1";
  static final String SECRET = "timeline-webhook-secret-0123456789";
  @Inject WorkQueue queue;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties =
        startRig(
            BigCommerceSimulator.StoreSpec.named(STORE).accessToken("tok-" + STORE),
            STORE,
            SECRET,
            "dGltZWxpbmUtZ3Vlc3Qta2V5LXNlY3JldC0zMi1ieXRlcyE=");
    // A record Salesforce keeps refusing is dead-lettered after its second attempt.
    properties.put("bcsync.pipeline.max-attempts", "2");
    // One Salesforce call per attempt (no in-process retry of UNABLE_TO_LOCK_ROW), so a fault
    // injected once fails exactly one attempt.
    properties.put("bcsync.salesforce.api.lock-retries", "0");
    return properties;
  }

  /** Runs after the base class has opened the browser. */
  @BeforeAll
  void signIn() {
    browser.get(baseUrl + "/sign-in");
    browser.findElement(By.id("token")).sendKeys(WebhookCalls.ADMIN_TOKEN);
    browser.findElement(By.cssSelector("form button[type=submit]")).click();
    awaitElement(By.id("stores"));
  }

  @Test
  @Order(1)
  void a_synced_orders_timeline_shows_its_webhook_work_item_and_salesforce_id() throws Exception {
    long customer = store.createCustomer("timeline@example.com", "Tim", "Eline");
    long order = store.placeOrder(customer, mug);
    String orderId =
        String.valueOf(
            records().awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order).get("Id"));
    records().awaitDone();

    browser.get(baseUrl + "/timeline");
    assertThat(browser.findElement(By.cssSelector("nav a[aria-current=page]")).getText())
        .isEqualTo("Record timeline");
    WebElement search = browser.findElement(By.id("t-q"));
    assertThat(browser.findElement(By.cssSelector("label[for=t-q]")).getText())
        .contains("Order, customer or product id");
    search.sendKeys(String.valueOf(order));
    browser.findElement(By.cssSelector("form[role=search] button")).click();

    WebElement timeline = awaitElement(By.id("timeline"));
    assertThat(browser.findElement(By.id("records")).getText()).contains(STORE + " order " + order);
    List<String> orderKinds = kindsOf(STORE + " order " + order);
    assertThat(orderKinds).contains("WEBHOOK", "WORK_ITEM", "WRITTEN", "OUTCOME");
    assertThat(orderKinds.indexOf("WEBHOOK")).isLessThan(orderKinds.indexOf("OUTCOME"));
    assertThat(timeline.getText())
        .contains("Webhook store/order/created received")
        .contains("Written to Salesforce Order " + orderId)
        .contains("Synced (DONE)");
    Browser.screenshot(browser, "timeline");

    // The Salesforce id finds the same order.
    browser.get(baseUrl + "/timeline?q=" + orderId);
    assertThat(awaitElement(By.id("records")).getText()).contains(STORE + " order " + order);
    assertThat(browser.findElement(By.id("timeline")).getText()).contains(orderId);

    // The customer's timeline lists its orders as links to theirs.
    browser.get(baseUrl + "/timeline?q=" + customer + "&store=" + STORE);
    assertThat(awaitElement(By.id("timeline")).getText()).contains("Written to Salesforce Contact");

    // A search it cannot read is refused with the reason, in the page and in the admin API.
    browser.get(baseUrl + "/timeline?q=not%20a%20record%20id%3F");
    assertThat(awaitElement(By.id("t-error")).getText())
        .contains("not an order, customer or product id");
    HttpResponse<String> refused = admin("/admin/timeline?q=%3F%3F");
    assertThat(refused.statusCode()).isEqualTo(400);
    HttpResponse<String> json = admin("/admin/timeline?q=" + order);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body()).contains("\"WEBHOOK\"", orderId);
    assertThat(
            HTTP.send(
                    HttpRequest.newBuilder(URI.create(baseUrl + "/admin/timeline?q=" + order))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  @Order(2)
  void a_failed_record_shows_the_salesforce_call_that_failed_and_what_its_replay_did()
      throws Exception {
    long customer = store.createCustomer("refused@example.com", "Re", "Fused");
    records().awaitOne("Contact", "BC_Customer_Id__c", STORE + ":" + customer);
    records().awaitDone();
    sf.faults().failNext("upsert", "Order", "UNABLE_TO_LOCK_ROW", 1000);
    long order = store.placeOrder(customer, mug);
    await().atMost(WAIT).until(() -> !dead().isEmpty());
    sf.faults().clear();
    WorkItem item = dead().get(0);
    assertThat(item.entity().id()).isEqualTo(String.valueOf(order));

    browser.get(baseUrl + "/failed");
    WebElement row = awaitElement(By.cssSelector("#failed tr[data-item='" + item.id() + "']"));
    for (WebElement summary : row.findElements(By.cssSelector(".sf-call summary"))) {
      summary.click();
    }
    assertThat(row.findElement(By.className("sf-request")).getText())
        .contains("\"call\": \"upsert\"", "\"sObjectType\": \"Order\"", STORE + ":" + order);
    assertThat(row.findElement(By.className("sf-response")).getText())
        .contains("\"success\": false", "UNABLE_TO_LOCK_ROW");
    Browser.screenshot(browser, "failed-salesforce-call");

    // Replayed: the first attempt after the replay is refused once more, the next one syncs.
    sf.faults().failNext("upsert", "Order", "UNABLE_TO_LOCK_ROW", 1);
    row.findElement(By.cssSelector("button[value^='one:']")).click();
    assertThat(awaitElement(By.id("after-replay")).getText()).contains(String.valueOf(item.id()));
    records().awaitOne("Order", "BC_Order_Id__c", STORE + ":" + order);
    await()
        .atMost(WAIT)
        .until(() -> queue.find(item.id()).orElseThrow().status() == WorkItemStatus.DONE);
    browser.navigate().refresh();
    WebElement after =
        awaitElement(By.cssSelector("#after-replay tr[data-item='" + item.id() + "']"));
    assertThat(after.findElement(By.className("status")).getText()).isEqualTo("DONE");
    assertThat(after.findElement(By.className("since-replay")).getText())
        .contains("attempt 1", "UNABLE_TO_LOCK_ROW");
    Browser.screenshot(browser, "after-replay-attempts");

    // The record's link opens its timeline: both rounds of attempts, each with its call.
    after.findElement(By.className("timeline-link")).click();
    WebElement timeline = awaitElement(By.id("timeline"));
    assertThat(timeline.getText())
        .contains("Attempt 2 failed, dead-lettered")
        .contains("Attempt 1 after replay 1 failed, will be retried")
        .contains("Synced (DONE)");
    List<WebElement> failed =
        browser.findElements(By.cssSelector("#timeline tr[data-kind=ATTEMPT_FAILED]"));
    assertThat(failed).hasSize(3);
    WebElement last = failed.get(failed.size() - 1);
    for (WebElement summary : last.findElements(By.tagName("summary"))) {
      summary.click();
    }
    assertThat(last.getText())
        .contains("Salesforce request", "Salesforce response", "UNABLE_TO_LOCK_ROW");
    Browser.screenshot(browser, "timeline-after-replay");
  }

  private List<String> kindsOf(String record) {
    return browser.findElements(By.cssSelector("#timeline tr.entry")).stream()
        .filter(row -> row.findElements(By.tagName("td")).get(1).getText().equals(record))
        .map(row -> row.getAttribute("data-kind"))
        .toList();
  }

  private HttpResponse<String> admin(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Bearer " + WebhookCalls.ADMIN_TOKEN)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
