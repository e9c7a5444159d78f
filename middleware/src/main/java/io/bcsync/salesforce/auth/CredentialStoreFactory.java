package io.bcsync.salesforce.auth;

import io.bcsync.config.SalesforceConfig;
import io.bcsync.db.Db;
import io.bcsync.security.TokenCipher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** The credential store with the Salesforce token cipher (not the app's store-secret cipher). */
@Factory
class CredentialStoreFactory {

  @Singleton
  CredentialStore credentialStore(
      SalesforceConfig config, Db db, CredentialRepository rows, Clock clock) {
    // No previous keys: after a key change the operator simply connects Salesforce again (one
    // click).
    return new CredentialStore(
        db,
        rows,
        new TokenCipher(
            config.tokenEncryptionKey(),
            SalesforceConfig.PREFIX + ".token-encryption-key",
            List.of(),
            "-"),
        clock);
  }
}
