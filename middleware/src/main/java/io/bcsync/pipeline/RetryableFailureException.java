package io.bcsync.pipeline;

/**
 * Thrown by handlers (or API clients) for failures a later attempt may not hit: 429, 5xx, lock
 * contention.
 */
public class RetryableFailureException extends RuntimeException {
  public RetryableFailureException(String message) {
    super(message);
  }

  public RetryableFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
