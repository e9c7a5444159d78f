package io.bcsync.console;

import static org.awaitility.Awaitility.await;

import io.bcsync.bigcommerce.manifest.AppManifest;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.Browser;
import io.bcsync.testsupport.SyncedRecords;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the console's browser tests: a {@link ConsoleTestRig} (both simulators, one store), the
 * middleware on it, and one headless chromium for the class, opened once the store's hooks are
 * registered (activity before that would not be delivered). Requests outside the browser go through
 * {@link #HTTP}, which does not follow redirects, so a test sees the console's own answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConsoleBrowserTestBase implements TestPropertyProvider {
  static final Duration WAIT = Duration.ofSeconds(40);
  static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Inject AppManifest manifest;
  @Inject QueueInspector inspector;

  ConsoleTestRig rig;
  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  String baseUrl;
  long mug;
  WebDriver browser;

  /**
   * Starts the rig for the store; a subclass's {@code getProperties} calls it first and adds its
   * own settings to what it answers.
   */
  Map<String, String> startRig(
      BigCommerceSimulator.StoreSpec spec,
      String storeHash,
      String webhookSecret,
      String guestKeySecret) {
    rig = new ConsoleTestRig(storeHash, spec);
    bc = rig.bc;
    sf = rig.sf;
    store = rig.store;
    mug = rig.mug;
    baseUrl = rig.baseUrl;
    return rig.middlewareProperties(webhookSecret, guestKeySecret);
  }

  /** The browser; a test that downloads files opens it with a download folder. */
  WebDriver openBrowser() throws Exception {
    return Browser.start();
  }

  @BeforeAll
  void startBrowser() throws Exception {
    browser = openBrowser();
    await().atMost(WAIT).until(() -> store.read(s -> s.hooks.size()) == manifest.hooks().size());
  }

  @AfterAll
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    rig.close();
  }

  WebElement awaitElement(By by) {
    return new WebDriverWait(browser, WAIT).until(driver -> driver.findElement(by));
  }

  List<WorkItem> dead() {
    return inspector.workItems(Optional.of(WorkItemStatus.DEAD), Optional.empty(), 50);
  }

  SyncedRecords records() {
    return new SyncedRecords(sf, inspector, WAIT);
  }

  /** A GET of the console, with the session cookie when {@code cookie} is not null. */
  HttpRequest get(String path, String cookie) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    return builder.build();
  }

  /** A form POST to the console, with the session cookie when {@code cookie} is not null. */
  HttpRequest post(String path, String form, String cookie) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      builder.header("Cookie", cookie);
    }
    return builder.build();
  }

  static HttpResponse<String> send(HttpRequest request) throws Exception {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
