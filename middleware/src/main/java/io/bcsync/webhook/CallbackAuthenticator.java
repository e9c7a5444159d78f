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
 * Decides whether a callback really comes from BigCommerce for this store. Two mechanisms, either
 * sufficient, both checked when both are present (see docs/pipeline.md, "Intake"):
 *
 * <ul>
 *   <li>the per-store secret in the {@value WebhookHeaders#STORE_SECRET} header, compared in
 *       constant time;
 *   <li>a Standard Webhooks signature keyed with the app client secret, with a timestamp tolerance
 *       against replay.
 * </ul>
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

  /** Returns normally when authentic; throws a 401 {@link WebhookRejection} otherwise. */
  public void authenticate(
      String storeSecret,
      @Nullable String presentedSecret,
      @Nullable String webhookId,
      @Nullable String timestamp,
      @Nullable String signature,
      String rawBody) {
    boolean signed = webhookId != null || timestamp != null || signature != null;
    boolean signatureVerified = false;
    if (signed && bigCommerce.hasClientSecret()) {
      verifySignature(webhookId, timestamp, signature, rawBody);
      signatureVerified = true;
    }
    if (presentedSecret != null) {
      if (!constantTimeEquals(storeSecret, presentedSecret)) {
        throw WebhookRejection.unauthorized("store secret header does not match");
      }
      return;
    }
    if (!signatureVerified) {
      throw WebhookRejection.unauthorized(
          "missing "
              + WebhookHeaders.STORE_SECRET
              + " header and no verifiable Standard Webhooks signature");
    }
  }

  private void verifySignature(
      String webhookId, String timestamp, String signature, String rawBody) {
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
              .sign(webhookId, seconds, rawBody);
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
