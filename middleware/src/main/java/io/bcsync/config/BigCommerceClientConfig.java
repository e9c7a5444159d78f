package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How bcsync spends a store's API quota, which it shares with every other app on the store. Bound
 * from {@code bcsync.bigcommerce.client.*}.
 *
 * @param quotaHeadroom fraction of the per-window quota left for other apps (0.2 = use at most 80
 *     %)
 * @param maxRateLimitRetries how often one call waits out a 429 before giving up with a retryable
 *     failure
 * @param overloadBackoff first wait after a 429 without rate-limit headers (platform overload);
 *     doubles each time
 * @param overloadBackoffMax cap of that wait
 * @param maxWait longest a call waits for quota before failing retryably (the pipeline retries it
 *     later)
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout whole-response timeout of one call
 */
@ConfigurationProperties(BigCommerceClientConfig.PREFIX)
public record BigCommerceClientConfig(
    @Bindable(defaultValue = "0.2") double quotaHeadroom,
    @Bindable(defaultValue = "5") int maxRateLimitRetries,
    @Bindable(defaultValue = "10s") Duration overloadBackoff,
    @Bindable(defaultValue = "2m") Duration overloadBackoffMax,
    @Bindable(defaultValue = "2m") Duration maxWait,
    @Bindable(defaultValue = "10s") Duration connectTimeout,
    @Bindable(defaultValue = "30s") Duration requestTimeout) {

  public static final String PREFIX = "bcsync.bigcommerce.client";

  public BigCommerceClientConfig {
    if (!(quotaHeadroom >= 0 && quotaHeadroom < 1)) {
      throw new InvalidConfigurationException(
          PREFIX + ".quota-headroom", "must be at least 0 and below 1");
    }
    if (maxRateLimitRetries < 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".max-rate-limit-retries", "must not be negative");
    }
    for (var entry :
        java.util.Map.of(
                "overload-backoff",
                overloadBackoff,
                "overload-backoff-max",
                overloadBackoffMax,
                "max-wait",
                maxWait,
                "connect-timeout",
                connectTimeout,
                "request-timeout",
                requestTimeout)
            .entrySet()) {
      if (entry.getValue().isZero() || entry.getValue().isNegative()) {
        throw new InvalidConfigurationException(PREFIX + "." + entry.getKey(), "must be positive");
      }
    }
  }

  /** Settings for code that builds a client outside the application context (tests, tools). */
  public static BigCommerceClientConfig defaults() {
    return new BigCommerceClientConfig(
        0.2,
        5,
        Duration.ofSeconds(10),
        Duration.ofMinutes(2),
        Duration.ofMinutes(2),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30));
  }
}
