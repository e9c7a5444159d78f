package io.bcsync.testsupport;

import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import java.util.HashMap;
import java.util.Map;

/**
 * The middleware's settings for end-to-end tests over both simulators: the database, the simulated
 * org with the package's schema (integration user's password login), the BigCommerce simulator's
 * API, one store in connector mode with its token and webhook secret (the only store staging may
 * write to), the admin token, the port it listens on with hooks registered towards it at start, and
 * a fast pipeline (idle poll 100 ms, backoff 200 ms to 1 s). The scheduler stays as the caller
 * leaves it: tests that drive the jobs by hand switch it off, a crash test needs its lease
 * recovery. A test adds its own settings to the map answered.
 */
public final class SimulatedConnections {
  private SimulatedConnections() {}

  public static Map<String, String> middleware(
      Map<String, String> database,
      BigCommerceSimulator bc,
      SalesforceSimulator sf,
      int port,
      String storeHash,
      String accessToken,
      String webhookSecret) {
    Map<String, String> properties = new HashMap<>(database);
    properties.putAll(SimulatedSalesforce.passwordLogin(sf));
    properties.put("micronaut.server.port", String.valueOf(port));
    properties.put("bcsync.admin-token", WebhookCalls.ADMIN_TOKEN);
    properties.put("bcsync.bigcommerce.api-url", bc.baseUrl());
    properties.put("bcsync.bigcommerce.stores." + storeHash + ".access-token", accessToken);
    properties.put("bcsync.bigcommerce.stores." + storeHash + ".webhook-secret", webhookSecret);
    properties.put(
        "bcsync.sync.package-metadata", SimulatedSalesforce.packageMetadata().toString());
    properties.put("bcsync.staging.allowed-stores", storeHash);
    properties.put("bcsync.bigcommerce.app.public-url", "http://localhost:" + port);
    properties.put("bcsync.pipeline.idle-poll-interval", "100ms");
    properties.put("bcsync.pipeline.backoff-initial", "200ms");
    properties.put("bcsync.pipeline.backoff-max", "1s");
    return properties;
  }
}
