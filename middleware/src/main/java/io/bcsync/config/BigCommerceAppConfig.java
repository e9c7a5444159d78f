package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * The BigCommerce app side of bcsync: where BigCommerce reaches us, how installed stores' tokens
 * are kept, and the housekeeping of hooks and catch-up polling. Bound from {@code
 * bcsync.bigcommerce.app.*}.
 *
 * @param publicUrl the HTTPS base URL BigCommerce calls (hook destinations, the registered auth
 *     callback); without it no hooks are registered
 * @param tokenEncryptionKey base64 AES key (16, 24 or 32 bytes) that encrypts stored access tokens
 *     and hook secrets; required to accept app installs
 * @param previousTokenEncryptionKeys keys still accepted for decryption during a rotation; rows
 *     sealed with them are re-sealed with the current key at startup
 * @param nextTokenEncryptionKey step 1 of a rotation: the key about to become current, accepted for
 *     decryption only, so instances not yet switched read rows the switched ones write
 * @param manifestPath the app manifest file; null means the copy packaged in the jar
 * @param hookCheckInterval how often hooks of every store are checked and repaired
 * @param catchUpInterval how often every store is polled for changes webhooks may have missed
 * @param catchUpOverlap how far each poll reaches back before the stored high-water mark
 * @param catchUpInitialLookback where the first poll of a store starts
 * @param uninstalledRetention how long history of an uninstalled store is kept
 */
@ConfigurationProperties(BigCommerceAppConfig.PREFIX)
public record BigCommerceAppConfig(
    @Nullable String publicUrl,
    @Nullable String tokenEncryptionKey,
    @Nullable List<String> previousTokenEncryptionKeys,
    @Nullable String nextTokenEncryptionKey,
    @Nullable String manifestPath,
    @Bindable(defaultValue = "10m") Duration hookCheckInterval,
    @Bindable(defaultValue = "5m") Duration catchUpInterval,
    @Bindable(defaultValue = "2m") Duration catchUpOverlap,
    @Bindable(defaultValue = "1h") Duration catchUpInitialLookback,
    @Bindable(defaultValue = "30d") Duration uninstalledRetention) {

  public static final String PREFIX = "bcsync.bigcommerce.app";

  public BigCommerceAppConfig {
    if (publicUrl != null && !publicUrl.isBlank()) {
      Secrets.requireHttpUrl(publicUrl, PREFIX + ".public-url");
      publicUrl =
          publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    } else {
      publicUrl = null;
    }
    previousTokenEncryptionKeys =
        previousTokenEncryptionKeys == null ? List.of() : List.copyOf(previousTokenEncryptionKeys);
    requirePositive(hookCheckInterval, "hook-check-interval");
    requirePositive(catchUpInterval, "catch-up-interval");
    requirePositive(catchUpInitialLookback, "catch-up-initial-lookback");
    requirePositive(uninstalledRetention, "uninstalled-retention");
    if (catchUpOverlap.isNegative()) {
      throw new InvalidConfigurationException(PREFIX + ".catch-up-overlap", "must not be negative");
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value.isZero() || value.isNegative()) {
      throw new InvalidConfigurationException(PREFIX + "." + key, "must be positive");
    }
  }

  @Override
  public String toString() {
    return "BigCommerceAppConfig[publicUrl="
        + publicUrl
        + ", tokenEncryptionKey="
        + Secrets.mask(tokenEncryptionKey)
        + ", previousTokenEncryptionKeys="
        + previousTokenEncryptionKeys.size()
        + " key(s), nextTokenEncryptionKey="
        + Secrets.mask(nextTokenEncryptionKey)
        + ", manifestPath="
        + (manifestPath == null ? "<packaged>" : manifestPath)
        + ", hookCheckInterval="
        + hookCheckInterval
        + ", catchUpInterval="
        + catchUpInterval
        + ", catchUpOverlap="
        + catchUpOverlap
        + ", catchUpInitialLookback="
        + catchUpInitialLookback
        + ", uninstalledRetention="
        + uninstalledRetention
        + "]";
  }
}
