package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * What a staging environment may touch on the BigCommerce side.
 *
 * @param allowedStores store hashes a staging environment accepts; every other store is refused at
 *     webhook intake and at registration. Ignored in production.
 */
@ConfigurationProperties(StagingConfig.PREFIX)
public record StagingConfig(@Nullable List<String> allowedStores) {
  public static final String PREFIX = "bcsync.staging";

  public StagingConfig {
    allowedStores = allowedStores == null ? List.of() : List.copyOf(allowedStores);
  }
}
