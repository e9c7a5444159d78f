package io.bcsync.salesforce.auth;

/**
 * Salesforce refused to issue a token, or could not be reached. Carries Salesforce's error code and
 * description (never a token, assertion or secret). {@link #isRetryable()} is false for refusals
 * such as invalid_grant, which need an operator (wrong key, user not approved, refresh token
 * revoked).
 */
public class SalesforceAuthException extends RuntimeException {
  private final boolean retryable;

  public SalesforceAuthException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean isRetryable() {
    return retryable;
  }
}
