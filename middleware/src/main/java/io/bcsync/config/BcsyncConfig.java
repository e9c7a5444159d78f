package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Service-wide settings.
 *
 * @param environment {@code staging} or {@code production}; a staging configuration is guarded so
 *     it cannot write to production systems.
 * @param demoMode true when started by {@code scripts/run}: relaxes nothing security-related, only
 *     enables demo conveniences such as printing the admin URL.
 */
@ConfigurationProperties(BcsyncConfig.PREFIX)
public record BcsyncConfig(
    @Bindable(defaultValue = "staging") String environment,
    @Bindable(defaultValue = "false") boolean demoMode,
    @Nullable String adminToken) {

  public static final String PREFIX = "bcsync";
  public static final int MIN_ADMIN_TOKEN_LENGTH = 16;

  public BcsyncConfig {
    if (!"staging".equals(environment) && !"production".equals(environment)) {
      throw new InvalidConfigurationException(
          PREFIX + ".environment", "must be 'staging' or 'production', was '" + environment + "'");
    }
    Secrets.requireNonBlank(adminToken, PREFIX + ".admin-token");
    if (adminToken.length() < MIN_ADMIN_TOKEN_LENGTH) {
      throw new InvalidConfigurationException(
          PREFIX + ".admin-token",
          "must be at least " + MIN_ADMIN_TOKEN_LENGTH + " characters long");
    }
  }

  public boolean isProduction() {
    return "production".equals(environment);
  }

  @Override
  public String toString() {
    return "BcsyncConfig[environment="
        + environment
        + ", demoMode="
        + demoMode
        + ", adminToken="
        + Secrets.mask(adminToken)
        + "]";
  }
}
