package io.bcsync.backfill;

import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.matching.MatchingConfigs;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * The shipped matching defaults for every store, used until a bean reading each store's sync
 * configuration replaces it (any other {@link MatchingConfigs} bean wins over this secondary one).
 */
@Singleton
@Secondary
public class DefaultMatchingConfigs implements MatchingConfigs {
  @Override
  public MatchingConfig forStore(String storeHash) {
    return MatchingConfig.defaults();
  }
}
