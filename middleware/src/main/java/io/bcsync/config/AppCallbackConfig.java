package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How bcsync treats BigCommerce's app callbacks ({@code /bc/*}, docs/bigcommerce-app.md). Bound
 * from {@code bcsync.bigcommerce.callbacks.*}. Holds no secret.
 *
 * @param payloadMaxAge oldest {@code signed_payload_jwt} accepted, counted from its {@code iat}:
 *     BigCommerce signs the token when it opens the app or sends the callback, so a token older
 *     than this was kept by someone (its own {@code exp} is a day)
 * @param confirmTimeout how long the uninstall callback waits for BigCommerce to say whether the
 *     store's token still works
 * @param exchangeTimeout how long the auth callback waits for BigCommerce's token endpoint (it
 *     holds a {@value #EXECUTOR} thread meanwhile)
 * @param rateLimit app callbacks accepted per second, for the whole instance; more get 429
 * @param rateBurst callbacks accepted at once before the rate applies
 */
@ConfigurationProperties(AppCallbackConfig.PREFIX)
public record AppCallbackConfig(
    @Bindable(defaultValue = "10m") Duration payloadMaxAge,
    @Bindable(defaultValue = "5s") Duration confirmTimeout,
    @Bindable(defaultValue = "10s") Duration exchangeTimeout,
    @Bindable(defaultValue = "10") int rateLimit,
    @Bindable(defaultValue = "20") int rateBurst) {

  public static final String PREFIX = "bcsync.bigcommerce.callbacks";

  /** The executor (micronaut.executors.bc-callbacks) the {@code /bc/*} controller runs on. */
  public static final String EXECUTOR = "bc-callbacks";

  public AppCallbackConfig {
    requirePositive(payloadMaxAge, "payload-max-age");
    requirePositive(confirmTimeout, "confirm-timeout");
    requirePositive(exchangeTimeout, "exchange-timeout");
    if (rateLimit <= 0) {
      throw new InvalidConfigurationException(PREFIX + ".rate-limit", "must be positive");
    }
    if (rateBurst < 1) {
      throw new InvalidConfigurationException(PREFIX + ".rate-burst", "must be at least 1");
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new InvalidConfigurationException(
          PREFIX + "." + key, "must be a positive duration, was " + value);
    }
  }
}
