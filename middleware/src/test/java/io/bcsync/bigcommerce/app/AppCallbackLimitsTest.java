package io.bcsync.bigcommerce.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Issue 16 item 4: app callbacks are rate-limited before any work. H2, frozen clock. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppCallbackLimitsTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject MutableClock clock;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("test.mutable-clock", "true");
    properties.put("bcsync.bigcommerce.callbacks.rate-limit", "1");
    properties.put("bcsync.bigcommerce.callbacks.rate-burst", "3");
    return properties;
  }

  @Test
  void callbacks_beyond_the_burst_get_429_until_the_rate_refills() throws Exception {
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 3; i++) {
      // Unsigned: 401, but each one counts, as unauthenticated work is what the cap is for.
      assertThat(load().statusCode()).isEqualTo(401);
    }

    HttpResponse<String> refused = load();

    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).contains("1");
    assertThat(WebhookCalls.httpGet(server.getURI(), "/bc/uninstall", null).statusCode())
        .isEqualTo(429);

    clock.advance(Duration.ofSeconds(1));
    assertThat(load().statusCode()).isEqualTo(401);
    assertThat(load().statusCode()).isEqualTo(429);
  }

  @Test
  void webhooks_are_not_counted() throws Exception {
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 10; i++) {
      assertThat(
              WebhookCalls.post(
                      server.getURI(),
                      WebhookCalls.orderCallback("store/order/created", 1, "h"),
                      Map.of())
                  .statusCode())
          .isEqualTo(401);
    }
    assertThat(load().statusCode()).isEqualTo(401);
  }

  @Test
  void the_app_pages_files_and_refreshes_are_not_counted() throws Exception {
    clock.advance(Duration.ofSeconds(10));
    for (int i = 0; i < 10; i++) {
      assertThat(WebhookCalls.httpGet(server.getURI(), "/bc/static/app.css", null).statusCode())
          .isEqualTo(200);
      // Without a token: refused by the endpoint (401), not by the callbacks' limit (429).
      assertThat(
              WebhookCalls.httpGet(server.getURI(), "/bc/api/stores/abc/overview", null)
                  .statusCode())
          .isEqualTo(401);
    }
    assertThat(load().statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> load() throws Exception {
    return WebhookCalls.httpGet(server.getURI(), "/bc/load", null);
  }
}
