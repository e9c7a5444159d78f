package io.bcsync.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import io.bcsync.config.BigCommerceConfig;
import io.bcsync.config.PipelineConfig;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;

/**
 * Decides whether a callback really comes from BigCommerce for this store (docs/pipeline.md,
 * "Intake"). Two mechanisms, both checked when both are present:
 *
 * <ul>
 *   <li>the per-store secret in the {@value WebhookHeaders#STORE_SECRET} header, compared in
 *       constant time;
 *   <li>a Standard Webhooks signature keyed with the app client secret, with a timestamp tolerance
 *       against replay ("the signed form").
 * </ul>
 *
 * <p>The header secret is the same on every delivery, so a captured callback carrying only it could
 * be sent again. Hence: an app-installed store's callbacks must be signed whenever the client
 * secret is configured (BigCommerce signs the callbacks of hooks registered with the app's token),
 * and a callback accepted on the header alone (a store in configuration, whose hooks belong to a
 * store-level API account bcsync has no secret of) must not be older than {@code webhook-max-age}.
 */
@Singleton
public class CallbackAuthenticator {
  private final BigCommerceConfig bigCommerce;
  private final PipelineConfig pipeline;
  private final Clock clock;

  public CallbackAuthenticator(
      BigCommerceConfig bigCommerce, PipelineConfig pipeline, Clock clock) {
    this.bigCommerce = bigCommerce;
    this.pipeline = pipeline;
    this.clock = clock;
  }

  /** What a callback presents: the secret header, the signature headers, the raw body. */
  public record Presented(
      @Nullable String storeSecret,
      @Nullable String webhookId,
      @Nullable String timestamp,
      @Nullable String signature,
      String rawBody) {
    @Override
    public String toString() {
      return "Presented[webhookId=" + webhookId + "]";
    }
  }

  /**
   * Returns normally when authentic; throws a 401 {@link WebhookRejection} otherwise.
   *
   * @param createdAt the body's {@code created_at} (Unix seconds), null when absent
   * @return for a callback accepted on the secret header alone, the instant (epoch millis) until
   *     which an identical copy would be accepted too: intake keeps its dedupe key that long, so
   *     such a replay is a duplicate; null when the signature was verified (it binds the callback)
   *     or there is no {@code created_at} to bound it
   */
  @Nullable
  public Long authenticate(
      WebhookStores.WebhookStore store, Presented presented, @Nullable Long createdAt) {
    boolean signed =
        presented.webhookId() != null
            || presented.timestamp() != null
            || presented.signature() != null;
    boolean signatureVerified = false;
    if (signed && bigCommerce.hasClientSecret()) {
      verifySignature(presented);
      signatureVerified = true;
    }
    if (!signatureVerified && signatureRequired(store)) {
      throw WebhookRejection.notAuthenticated(
          "unsigned",
          "callbacks of app-installed stores must carry a Standard Webhooks signature"
              + " (bcsync.pipeline.require-signed-webhooks)");
    }
    if (presented.storeSecret() != null) {
      if (!constantTimeEquals(store.secret(), presented.storeSecret())) {
        throw WebhookRejection.unauthorized("store secret header does not match");
      }
    } else if (!signatureVerified) {
      throw WebhookRejection.unauthorized(
          "missing "
              + WebhookHeaders.STORE_SECRET
              + " header and no verifiable Standard Webhooks signature");
    }
    if (!signatureVerified && createdAt != null && isStale(createdAt)) {
      throw WebhookRejection.notAuthenticated(
          "stale",
          "created_at is older than bcsync.pipeline.webhook-max-age ("
              + pipeline.webhookMaxAge()
              + ") and the callback is not signed: a replay, not a BigCommerce retry");
    }
    if (signatureVerified || createdAt == null) {
      return null;
    }
    // The last instant isStale lets through; created_at is at most a day ahead (CallbackParser).
    long maxAge = pipeline.webhookMaxAge().toMillis();
    long createdAtMillis = createdAt * 1000;
    return createdAtMillis > Long.MAX_VALUE - maxAge ? Long.MAX_VALUE : createdAtMillis + maxAge;
  }

  private boolean signatureRequired(WebhookStores.WebhookStore store) {
    return store.hooksOfTheApp()
        && bigCommerce.hasClientSecret()
        && pipeline.requireSignedWebhooks();
  }

  private boolean isStale(long createdAtSeconds) {
    // created_at is at most a day ahead (CallbackParser), so the multiplication cannot overflow.
    return clock.millis() - createdAtSeconds * 1000 > pipeline.webhookMaxAge().toMillis();
  }

  private void verifySignature(Presented presented) {
    String webhookId = presented.webhookId();
    String timestamp = presented.timestamp();
    String signature = presented.signature();
    if (webhookId == null || timestamp == null || signature == null) {
      throw WebhookRejection.unauthorized("incomplete Standard Webhooks headers");
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      throw WebhookRejection.unauthorized("webhook-timestamp is not a number");
    }
    long skewMillis;
    try {
      // Exact arithmetic: a timestamp near the ends of a long must not wrap round to "now".
      skewMillis = Math.abs(Math.subtractExact(clock.millis(), Math.multiplyExact(seconds, 1000)));
    } catch (ArithmeticException e) {
      skewMillis = Long.MAX_VALUE;
    }
    if (skewMillis > pipeline.signatureTolerance().toMillis()) {
      throw WebhookRejection.unauthorized("webhook-timestamp outside the accepted tolerance");
    }
    String expected;
    try {
      // BigCommerce keys the HMAC with the raw bytes of the app's client secret.
      expected =
          new Webhook(bigCommerce.clientSecret().getBytes(StandardCharsets.UTF_8))
              .sign(webhookId, seconds, presented.rawBody());
    } catch (WebhookSigningException e) {
      throw WebhookRejection.unauthorized("signature could not be computed");
    }
    for (String candidate : signature.trim().split(" ")) {
      if (constantTimeEquals(expected, candidate)) {
        return;
      }
    }
    throw WebhookRejection.unauthorized("webhook-signature does not match");
  }

  static boolean constantTimeEquals(String expected, String presented) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
