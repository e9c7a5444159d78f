package io.bcsync.sim.salesforce.oauth;

/** An OAuth error response: HTTP 400 with Salesforce's error and error_description. */
final class OAuthError extends RuntimeException {
  final String error;
  final int status;

  OAuthError(String error, String description) {
    this(400, error, description);
  }

  OAuthError(int status, String error, String description) {
    super(description, null, false, false);
    this.error = error;
    this.status = status;
  }

  static OAuthError invalidGrant(String description) {
    return new OAuthError("invalid_grant", description);
  }
}
