package io.bcsync.webhook;

import io.micronaut.http.HttpStatus;

/**
 * Why a callback was refused. {@code reason} is a fixed word (used as a metric tag); {@code
 * message} is safe to return and log: it never contains the body, a secret or a signature.
 */
public class WebhookRejection extends RuntimeException {
  private final HttpStatus status;
  private final String reason;

  public WebhookRejection(HttpStatus status, String reason, String message) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  public static WebhookRejection malformed(String message) {
    return new WebhookRejection(HttpStatus.BAD_REQUEST, "malformed", message);
  }

  /**
   * Well-formed JSON whose values cannot come from BigCommerce (an id out of range, a timestamp
   * from another era, data that does not fit its scope): 422.
   */
  public static WebhookRejection invalid(String message) {
    return new WebhookRejection(HttpStatus.UNPROCESSABLE_ENTITY, "invalid", message);
  }

  public static WebhookRejection unauthorized(String message) {
    return new WebhookRejection(HttpStatus.UNAUTHORIZED, "unauthorized", message);
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
