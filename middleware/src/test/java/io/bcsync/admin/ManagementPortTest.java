package io.bcsync.admin;

import static io.bcsync.testsupport.WebhookCalls.httpGet;
import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The documented alternative to the token: management endpoints on a port of their own with {@code
 * bcsync.management.metrics-auth=none}. Metrics are open there and no longer on the public port;
 * health details still need the token.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementPortTest implements TestPropertyProvider {
  private final int managementPort = freePort();

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("endpoints.all.port", String.valueOf(managementPort));
    properties.put("bcsync.management.metrics-auth", "none");
    return properties;
  }

  @Test
  void metrics_are_open_on_the_management_port_and_absent_from_the_public_one() throws Exception {
    URI management = URI.create("http://" + server.getHost() + ":" + managementPort);
    assertThat(httpGet(management, "/prometheus", null).statusCode()).isEqualTo(200);
    assertThat(httpGet(management, "/prometheus", null).body()).contains("bcsync_");
    assertThat(httpGet(management, "/health", null).body()).doesNotContain("jdbc");

    assertThat(httpGet(server.getURI(), "/prometheus", null).statusCode()).isIn(401, 404);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
