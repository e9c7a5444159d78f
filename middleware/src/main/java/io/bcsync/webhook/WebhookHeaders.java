package io.bcsync.webhook;

/** Header names of BigCommerce callbacks. */
public final class WebhookHeaders {
  /**
   * Custom header bcsync puts in every hook it registers; BigCommerce echoes it on each callback.
   */
  public static final String STORE_SECRET = "X-Bcsync-Webhook-Secret";

  /** Standard Webhooks headers (BigCommerce signs callbacks with the app's client secret). */
  public static final String WEBHOOK_ID = "webhook-id";

  public static final String WEBHOOK_TIMESTAMP = "webhook-timestamp";
  public static final String WEBHOOK_SIGNATURE = "webhook-signature";

  private WebhookHeaders() {}
}
