package io.bcsync.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;

/**
 * A store connected through configuration ("connector mode", and until the app install flow lands,
 * the only way). Bound from {@code bcsync.bigcommerce.stores.<store-hash>.*}.
 *
 * @param webhookSecret the shared secret bcsync puts in the custom headers of every hook it
 *     registers
 * @param accessToken store API token (X-Auth-Token)
 */
@EachProperty(StoreConfig.PREFIX)
public record StoreConfig(
    @Parameter String storeHash, @Nullable String webhookSecret, @Nullable String accessToken) {

  public static final String PREFIX = "bcsync.bigcommerce.stores";
  public static final int MIN_SECRET_LENGTH = 16;

  public StoreConfig {
    if (!storeHash.matches("[a-z0-9]{1,32}")) {
      throw new InvalidConfigurationException(
          PREFIX + "." + storeHash, "is not a valid store hash (lower-case letters and digits)");
    }
    String key = PREFIX + "." + storeHash + ".webhook-secret";
    Secrets.requireNonBlank(webhookSecret, key);
    if (webhookSecret.length() < MIN_SECRET_LENGTH) {
      throw new InvalidConfigurationException(
          key, "must be at least " + MIN_SECRET_LENGTH + " characters long");
    }
  }

  @Override
  public String toString() {
    return "StoreConfig[storeHash="
        + storeHash
        + ", webhookSecret="
        + Secrets.mask(webhookSecret)
        + ", accessToken="
        + Secrets.mask(accessToken)
        + "]";
  }
}
