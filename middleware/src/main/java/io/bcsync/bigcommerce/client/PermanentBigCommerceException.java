package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.PermanentFailureException;

/**
 * A BigCommerce call that will fail the same way again: 400, 401/403 (token revoked), 404, 409,
 * 413, 422.
 */
public final class PermanentBigCommerceException extends PermanentFailureException
    implements BigCommerceApiException {
  private final int status;
  private final JsonNode body;

  PermanentBigCommerceException(int status, String message) {
    this(status, message, null);
  }

  /**
   * @param body the refusal's JSON body (e.g. a price-list records 422's {@code batch_errors}), so
   *     a batch writer can tell which records were refused; null when it was not JSON
   */
  PermanentBigCommerceException(int status, String message, JsonNode body) {
    super(message);
    this.status = status;
    this.body = body;
  }

  /**
   * The refusal's JSON body, if it had one: BigCommerce's answer, which holds no secret of ours.
   */
  public java.util.Optional<JsonNode> body() {
    return java.util.Optional.ofNullable(body);
  }

  @Override
  public int status() {
    return status;
  }
}
