package io.bcsync.bigcommerce.client;

import io.bcsync.pipeline.FailedCall;

/**
 * What every failed BigCommerce call carries, whichever way it is classified: its status and, for
 * the failed attempt's record, the request and the answer (no header, {@link
 * BigCommerceCallEvidence}).
 */
public interface BigCommerceApiException extends FailedCall {
  /** HTTP status, or 0 when no response arrived. */
  int status();
}
