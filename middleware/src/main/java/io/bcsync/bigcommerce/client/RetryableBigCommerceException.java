package io.bcsync.bigcommerce.client;

import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.RetryableFailureException;
import io.micronaut.core.util.SupplierUtil;
import java.util.function.Supplier;

/**
 * A BigCommerce call that may succeed later: 429 after waiting, 5xx, timeouts, connection failures.
 */
public final class RetryableBigCommerceException extends RetryableFailureException
    implements BigCommerceApiException {
  private final int status;

  /** Built when first asked for: most failures are handled by their caller and never recorded. */
  private final transient Supplier<Outcome.Evidence> evidence;

  RetryableBigCommerceException(int status, String message, Throwable cause) {
    this(status, message, cause, () -> null);
  }

  /** {@code evidence} is asked at most once ({@code SupplierUtil.memoized}). */
  RetryableBigCommerceException(
      int status, String message, Throwable cause, Supplier<Outcome.Evidence> evidence) {
    super(message, cause);
    this.status = status;
    this.evidence = SupplierUtil.memoized(evidence);
  }

  @Override
  public Outcome.Evidence evidence() {
    return evidence.get();
  }

  @Override
  public int status() {
    return status;
  }
}
