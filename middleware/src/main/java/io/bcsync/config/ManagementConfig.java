package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.Locale;

/**
 * Who may read the management endpoints. {@code /health} always answers its status to anyone (load
 * balancers need it); its details (database, versions) only to a request carrying the admin token.
 * Bound from {@code bcsync.management.*}.
 *
 * @param metricsAuth {@code admin-token} (default): {@code /prometheus} needs {@code Authorization:
 *     Bearer <bcsync.admin-token>}; {@code none}: open, for when the management endpoints are
 *     served on a port of their own that only the monitoring network reaches ({@code
 *     endpoints.all.port})
 */
@ConfigurationProperties(ManagementConfig.PREFIX)
public record ManagementConfig(@Bindable(defaultValue = "admin-token") String metricsAuth) {
  public static final String PREFIX = "bcsync.management";

  public ManagementConfig {
    metricsAuth = metricsAuth.trim().toLowerCase(Locale.ROOT);
    if (!"admin-token".equals(metricsAuth) && !"none".equals(metricsAuth)) {
      throw new InvalidConfigurationException(
          PREFIX + ".metrics-auth", "must be 'admin-token' or 'none', was '" + metricsAuth + "'");
    }
  }

  public boolean metricsNeedToken() {
    return "admin-token".equals(metricsAuth);
  }
}
