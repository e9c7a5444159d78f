package io.bcsync.bigcommerce.client;

import io.bcsync.pipeline.PermanentFailureException;

/**
 * A BigCommerce call that will fail the same way again: 400, 401/403 (token revoked), 404, 409,
 * 413, 422.
 */
public final class PermanentBigCommerceException extends PermanentFailureException
    implements BigCommerceApiException {
  private final int status;

  PermanentBigCommerceException(int status, String message) {
    super(message);
    this.status = status;
  }

  @Override
  public int status() {
    return status;
  }
}
