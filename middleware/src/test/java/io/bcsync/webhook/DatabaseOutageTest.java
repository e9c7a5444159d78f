package io.bcsync.webhook;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Without storage, a callback is refused with 503 (so BigCommerce retries) instead of being
 * acknowledged.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @Test
  void a_callback_that_cannot_be_stored_is_not_acknowledged() throws Exception {
    db.write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE webhook_event RENAME TO webhook_event_offline");
          }
          return null;
        });

    HttpResponse<String> response =
        post(server.getURI(), orderCallback("store/order/created", 1, "h"), secretHeader());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.body()).contains("nothing was stored").doesNotContain("webhook_event");
  }
}
