package io.bcsync.lifecycle;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.MiddlewareJvm;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real process ({@code io.bcsync.Application}) stopped by SIGTERM: its signal handler drains
 * while the server still answers (webhooks 503 with Retry-After, {@code /health} 503 during {@code
 * drain-delay}), then it exits with 143; every webhook acknowledged before is there after a restart
 * on the same database.
 */
class SigtermTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path workDir;

  @Test
  void sigterm_drains_while_answering_503_and_loses_nothing_acknowledged() throws Exception {
    int port = FreePort.find();
    Map<String, String> properties = properties(port);
    URI base = URI.create("http://127.0.0.1:" + port);
    Path log = workDir.resolve("middleware.log");
    int acknowledged = 0;
    try (MiddlewareJvm jvm = MiddlewareJvm.start(properties, log)) {
      jvm.awaitHealthy(Duration.ofMinutes(2));
      for (int order = 1; order <= 20; order++) {
        String body = orderCallback("store/order/created", order, "h" + order);
        assertThat(post(base, body, secretHeader()).statusCode()).isEqualTo(200);
        acknowledged++;
      }

      jvm.terminate();
      Awaitility.await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> health(base) == 503);
      HttpResponse<String> refused =
          post(base, orderCallback("store/order/created", 21, "h21"), secretHeader());
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).contains("30");

      assertThat(jvm.awaitExit(Duration.ofMinutes(1))).isEqualTo(143);
    }
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).anyMatch(line -> line.contains("Received SIGTERM"));
    assertThat(lines).anyMatch(line -> line.contains("Shutdown drained"));

    try (MiddlewareJvm restarted = MiddlewareJvm.start(properties, log)) {
      restarted.awaitHealthy(Duration.ofMinutes(2));
      long items = 0;
      for (String status : List.of("PENDING", "IN_PROGRESS", "DONE", "SKIPPED", "DEAD")) {
        items += restarted.workItems(status);
      }
      assertThat(items).isEqualTo(acknowledged);
      assertThat(restarted.workItems("IN_PROGRESS")).isZero();
    }
  }

  private Map<String, String> properties(int port) {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.putAll(TestDatabases.h2File(workDir));
    properties.put("bcsync.pipeline.workers-enabled", "true");
    // Items succeed without a Salesforce org: the scripted handler stands in for the router, whose
    // Salesforce → BigCommerce flows cannot be created with auth-mode none (docs/operations.md,
    // "What is left").
    properties.put("test.scripted-handler", "true");
    properties.put("logger.levels.io.bcsync", "INFO");
    // Long enough that the test sees the draining instance answer, however loaded the host.
    properties.put("bcsync.shutdown.drain-delay", "20s");
    return properties;
  }

  private static int health(URI base) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(base.resolve("/health")).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
