package io.bcsync.testsupport;

import com.standardwebhooks.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds and sends BigCommerce-shaped callbacks to a running middleware. */
public final class WebhookCalls {
  public static final String STORE = "teststore1";
  public static final String STORE_SECRET = "store-secret-0123456789abcdef";
  public static final String CLIENT_SECRET = "app-client-secret-abcdef0123456789";
  public static final String ADMIN_TOKEN = "admin-token-0123456789abcdef";

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private WebhookCalls() {}

  /** Properties a test context needs for one configured store with these secrets. */
  public static Map<String, String> storeProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("bcsync.admin-token", ADMIN_TOKEN);
    properties.put("bcsync.bigcommerce.client-id", "test-client-id");
    properties.put("bcsync.bigcommerce.client-secret", CLIENT_SECRET);
    properties.put("bcsync.bigcommerce.stores." + STORE + ".webhook-secret", STORE_SECRET);
    properties.put("bcsync.staging.allowed-stores", STORE);
    // The fixtures are BigCommerce's official example payloads, created in 2019; callbacks with
    // only the secret header must otherwise be younger than webhook-max-age (WebhookReplayTest).
    properties.put("bcsync.pipeline.webhook-max-age", "36500d");
    // A stored event's webhook id outlives webhook-max-age (PipelineConfig): as long here.
    properties.put("bcsync.pipeline.history-retention", "36500d");
    // A random port: application.yml says 8080, which a running demo or another checkout's tests
    // may hold.
    properties.put("micronaut.server.port", "-1");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    properties.put("bcsync.scheduler.enabled", "false");
    // Production refuses to start without it (GuestKeys).
    properties.put("bcsync.sync.guest-keys.secret", "dGVzdC1ndWVzdC1rZXktc2VjcmV0LW9mLTMyLWJ5dGVz");
    return properties;
  }

  public static String orderCallback(String scope, long orderId, String hash) {
    return "{\"scope\":\""
        + scope
        + "\",\"store_id\":\"1025646\",\"data\":{\"type\":\"order\",\"id\":"
        + orderId
        + "},\"hash\":\""
        + hash
        + "\",\"created_at\":1561479335,\"producer\":\"stores/"
        + STORE
        + "\"}";
  }

  public static HttpResponse<String> post(URI base, String body, Map<String, String> headers)
      throws Exception {
    return post(base, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  public static HttpResponse<String> post(URI base, byte[] body, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/webhooks/bigcommerce"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static Map<String, String> secretHeader() {
    return Map.of("X-Bcsync-Webhook-Secret", STORE_SECRET);
  }

  /** Standard Webhooks headers signed with the app client secret, as BigCommerce sends them. */
  public static Map<String, String> signedHeaders(
      String webhookId, long timestampSeconds, String body) throws Exception {
    String signature =
        new Webhook(CLIENT_SECRET.getBytes(StandardCharsets.UTF_8))
            .sign(webhookId, timestampSeconds, body);
    return Map.of(
        "webhook-id",
        webhookId,
        "webhook-timestamp",
        String.valueOf(timestampSeconds),
        "webhook-signature",
        signature);
  }

  public static HttpResponse<String> httpGet(URI base, String path, String bearer)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  public static HttpResponse<String> postJson(URI base, String path, String body, String bearer)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
