package io.bcsync.bigcommerce.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.PermanentFailureException;
import io.micronaut.core.util.SupplierUtil;
import java.util.function.Supplier;

/**
 * A BigCommerce call that will fail the same way again: 400, 401/403 (token revoked), 404, 409,
 * 413, 422.
 */
public final class PermanentBigCommerceException extends PermanentFailureException
    implements BigCommerceApiException {
  private final int status;
  private final transient JsonNode body;

  /** Built when first asked for: most failures are handled by their caller and never recorded. */
  private final transient Supplier<Outcome.Evidence> evidence;

  PermanentBigCommerceException(int status, String message) {
    this(status, message, null);
  }

  PermanentBigCommerceException(int status, String message, JsonNode body) {
    this(status, message, body, () -> null);
  }

  /**
   * @param body the refusal's JSON body (e.g. a price-list records 422's {@code batch_errors}), so
   *     a batch writer can tell which records were refused; null when it was not JSON
   * @param evidence the request and the answer, for the failed attempt's record (no header); asked
   *     at most once ({@code SupplierUtil.memoized})
   */
  PermanentBigCommerceException(
      int status, String message, JsonNode body, Supplier<Outcome.Evidence> evidence) {
    super(message);
    this.status = status;
    this.body = body;
    this.evidence = SupplierUtil.memoized(evidence);
  }

  @Override
  public Outcome.Evidence evidence() {
    return evidence.get();
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
