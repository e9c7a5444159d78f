package io.bcsync.webhook;

import io.micronaut.http.HttpStatus;

/**
 * Why a callback was refused. {@code reason} is a fixed word (used as a metric tag); {@code
 * message} is safe to log: it never contains the body, a secret or a signature. The response says
 * the same, except for authentication failures, which all answer one word and one message (see
 * {@link #publicMessage()}).
 */
public class WebhookRejection extends RuntimeException {
  /**
   * What every authentication failure answers: an unknown store, a store not allowed here and a
   * wrong secret or signature look alike, so the answers do not tell which store hashes exist.
   */
  static final String NOT_AUTHENTICATED =
      "the callback could not be authenticated for the store it names";

  private final HttpStatus status;
  private final String reason;

  public WebhookRejection(HttpStatus status, String reason, String message) {
    super(message, null, false, false);
    this.status = status;
    this.reason = reason;
  }

  /**
   * A 401 whose metric tag and log line keep the precise reason ({@code unknown_store}, {@code
   * store_not_allowed}, {@code unauthorized}) while the response does not.
   */
  public static WebhookRejection notAuthenticated(String reason, String message) {
    return new WebhookRejection(HttpStatus.UNAUTHORIZED, reason, message);
  }

  /** The error word of the response body. */
  public String publicError() {
    return status == HttpStatus.UNAUTHORIZED ? "unauthorized" : reason;
  }

  /** The message of the response body. */
  public String publicMessage() {
    return status == HttpStatus.UNAUTHORIZED ? NOT_AUTHENTICATED : getMessage();
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
    return notAuthenticated("unauthorized", message);
  }

  public HttpStatus status() {
    return status;
  }

  public String reason() {
    return reason;
  }
}
