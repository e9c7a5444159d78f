package io.bcsync.salesforce.auth;

/**
 * "Connect Salesforce" refused a step. The message is ours, fixed text without secrets or
 * caller-supplied values, so it may be shown and logged as it is.
 */
public class ConnectRefusedException extends RuntimeException {
  private final String error;
  private final int status;

  ConnectRefusedException(String error, int status, String message) {
    super(message, null, false, false);
    this.error = error;
    this.status = status;
  }

  /** A short machine-readable reason, e.g. {@code state_not_bound}. */
  public String error() {
    return error;
  }

  /** The HTTP status that answers it (400, 409). */
  public int status() {
    return status;
  }
}
