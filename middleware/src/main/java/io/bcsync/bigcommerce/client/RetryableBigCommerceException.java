package io.bcsync.bigcommerce.client;

import io.bcsync.pipeline.RetryableFailureException;

/**
 * A BigCommerce call that may succeed later: 429 after waiting, 5xx, timeouts, connection failures.
 */
public final class RetryableBigCommerceException extends RetryableFailureException
    implements BigCommerceApiException {
  private final int status;

  RetryableBigCommerceException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  @Override
  public int status() {
    return status;
  }
}
