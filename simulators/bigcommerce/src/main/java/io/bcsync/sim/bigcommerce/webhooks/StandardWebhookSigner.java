package io.bcsync.sim.bigcommerce.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs callbacks per the Standard Webhooks spec: webhook-signature = "v1," +
 * base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}")). BigCommerce's samples build the verifier
 * from base64(client_secret), so the HMAC key is the raw UTF-8 bytes of the client secret.
 * UNVERIFIED on a real store: the exact header names.
 */
public final class StandardWebhookSigner {
  private StandardWebhookSigner() {}

  public static Map<String, String> headers(
      String clientSecret, String messageId, long timestamp, String body) {
    return Map.of(
        "webhook-id",
        messageId,
        "webhook-timestamp",
        String.valueOf(timestamp),
        "webhook-signature",
        "v1," + sign(clientSecret, messageId + "." + timestamp + "." + body));
  }

  static String sign(String clientSecret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(clientSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
