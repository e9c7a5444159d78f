package io.bcsync.salesforce.writer;

import io.bcsync.pipeline.RetryableFailureException;
import io.bcsync.sync.port.RecordError;

/**
 * A Salesforce call failed as a whole (no session, network, fault of the entire call): nothing is
 * known to be written, and the batch goes back to the queue with backoff. Carries Salesforce's code
 * and message, never a token.
 */
public final class SalesforceUnreachableException extends RetryableFailureException {
  public SalesforceUnreachableException(String what, RecordError error, Throwable cause) {
    super(what + " failed as a whole: " + error, cause);
  }
}
