package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.LocalTime;

/**
 * The daily revenue summary (issue 18, T6; docs/order-rules.md "Daily revenue"). {@code runAt} is
 * the local time in each store's own time zone (its settings, {@code GET /v2/store}) from which the
 * previous day is summarised; {@code utmNamespace}/{@code utmKey} name the order metafield the
 * storefront writes the UTM parameters into, unless {@code utmJsonPath} points into the order
 * document instead (no call at all). No secrets here.
 */
@ConfigurationProperties(DailyRevenueConfig.PREFIX)
public record DailyRevenueConfig(
    @Bindable(defaultValue = "false") boolean enabled,
    @Bindable(defaultValue = "02:00") String runAt,
    @Bindable(defaultValue = "10m") java.time.Duration checkInterval,
    @Bindable(defaultValue = "bcsync") String utmNamespace,
    @Bindable(defaultValue = "utm") String utmKey,
    @Nullable String utmJsonPath) {

  public static final String PREFIX = "bcsync.daily-revenue";

  public DailyRevenueConfig {
    try {
      LocalTime.parse(runAt);
    } catch (RuntimeException e) {
      throw new InvalidConfigurationException(
          PREFIX + ".run-at", "must be a local time like 02:00; was '" + runAt + "'");
    }
    if (checkInterval == null || checkInterval.isNegative() || checkInterval.isZero()) {
      throw new InvalidConfigurationException(PREFIX + ".check-interval", "must be positive");
    }
    if (utmNamespace == null || utmNamespace.isBlank() || utmKey == null || utmKey.isBlank()) {
      throw new InvalidConfigurationException(
          PREFIX + ".utm-namespace/utm-key", "must not be blank");
    }
    if (utmJsonPath != null && !utmJsonPath.isBlank() && !utmJsonPath.startsWith("$")) {
      throw new InvalidConfigurationException(
          PREFIX + ".utm-json-path",
          "must be a JSONPath starting with $; was '" + utmJsonPath + "'");
    }
  }

  public LocalTime runAtTime() {
    return LocalTime.parse(runAt);
  }

  /** Whether UTM facts come from the order document (a JSONPath) rather than a metafield. */
  public boolean utmFromOrderDocument() {
    return utmJsonPath != null && !utmJsonPath.isBlank();
  }
}
