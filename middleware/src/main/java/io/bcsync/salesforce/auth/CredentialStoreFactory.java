package io.bcsync.salesforce.auth;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.db.Db;
import io.bcsync.security.TokenCipher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The credential store with the Salesforce token cipher (not the app's store-secret cipher). */
@Factory
class CredentialStoreFactory {

  @Singleton
  CredentialStore credentialStore(
      SalesforceConfig config, Db db, CredentialRepository rows, Clock clock) {
    // Previous and next keys as for the store secrets: a rotation rolled out in steps never
    // leaves an instance unable to read the stored refresh token (docs/security.md).
    return new CredentialStore(
        db,
        rows,
        new TokenCipher(
            config.tokenEncryptionKey(),
            SalesforceConfig.PREFIX + ".token-encryption-key",
            config.previousTokenEncryptionKeys(),
            SalesforceConfig.PREFIX + ".previous-token-encryption-keys",
            config.nextTokenEncryptionKey(),
            SalesforceConfig.PREFIX + ".next-token-encryption-key"),
        clock);
  }
}
