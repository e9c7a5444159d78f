package io.bcsync.salesforce.auth;

/**
 * The stored refresh token exists but no configured key decrypts it (the encryption key changed
 * without the old one kept as a previous key, or the row was tampered with): Salesforce is not
 * connected until an administrator connects it again.
 */
public class CredentialUnreadableException extends SalesforceAuthException {
  CredentialUnreadableException() {
    super(
        "The stored Salesforce refresh token cannot be decrypted with the configured keys"
            + " (bcsync.salesforce.token-encryption-key changed?); connect Salesforce again (POST /admin/salesforce/connect?replace=true)",
        false,
        null);
  }
}
