package io.bcsync.bigcommerce.app;

import io.micronaut.http.HttpStatus;

/**
 * A callback refused with a 4xx (or 5xx when our side cannot proceed); the message is safe to show
 * and log.
 */
public final class AppRequestRejected extends RuntimeException {
  private final HttpStatus status;

  public AppRequestRejected(HttpStatus status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
