package io.bcsync.bigcommerce.stores;

import io.bcsync.config.BigCommerceAppConfig;
import io.bcsync.security.TokenCipher;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * The cipher for installed stores' access tokens and hook secrets, keyed by the app's
 * configuration.
 */
@Factory
class StoreSecretsCipherFactory {
  @Singleton
  TokenCipher storeSecretsCipher(BigCommerceAppConfig config) {
    return new TokenCipher(
        config.tokenEncryptionKey(),
        BigCommerceAppConfig.PREFIX + ".token-encryption-key",
        config.previousTokenEncryptionKeys(),
        BigCommerceAppConfig.PREFIX + ".previous-token-encryption-keys",
        config.nextTokenEncryptionKey(),
        BigCommerceAppConfig.PREFIX + ".next-token-encryption-key");
  }
}
