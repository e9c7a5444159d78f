package io.bcsync.bigcommerce.client;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.RetryableFailureException;

/**
 * A BigCommerce call that may succeed later: 429 after waiting, 5xx, timeouts, connection failures.
 */
public final class RetryableBigCommerceException extends RetryableFailureException
    implements BigCommerceApiException {
  private final int status;
  private final transient Outcome.Evidence evidence;

  RetryableBigCommerceException(int status, String message, Throwable cause) {
    this(status, message, cause, null);
  }

  RetryableBigCommerceException(
      int status, String message, Throwable cause, Outcome.Evidence evidence) {
    super(message, cause);
    this.status = status;
    this.evidence = evidence;
  }

  @Override
  public Outcome.Evidence evidence() {
    return evidence;
  }

  @Override
  public int status() {
    return status;
  }
}
