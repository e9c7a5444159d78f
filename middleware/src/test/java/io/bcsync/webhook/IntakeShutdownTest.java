package io.bcsync.webhook;

import static io.bcsync.testsupport.WebhookCalls.orderCallback;
import static io.bcsync.testsupport.WebhookCalls.post;
import static io.bcsync.testsupport.WebhookCalls.secretHeader;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.db.Db;
import io.bcsync.pipeline.IntakeBatcher;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A callback arriving once intake has closed for shutdown is refused with 503, not acknowledged.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeShutdownTest implements TestPropertyProvider {
  @Inject EmbeddedServer server;
  @Inject IntakeBatcher batcher;
  @Inject Db db;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @Test
  void a_callback_after_intake_closed_is_503_and_stores_nothing() throws Exception {
    assertThat(
            post(server.getURI(), orderCallback("store/order/created", 1, "h1"), secretHeader())
                .statusCode())
        .isEqualTo(200);

    batcher.close();
    HttpResponse<String> response =
        post(server.getURI(), orderCallback("store/order/created", 2, "h2"), secretHeader());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).contains("30");
    assertThat(response.body()).contains("nothing was stored");
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(1);
  }
}
