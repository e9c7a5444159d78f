package io.bcsync.sync;

import io.bcsync.config.SalesforceConfigured;
import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.matching.MatchingConfigs;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/**
 * Each store's matching rules as its sync mapping file sets them, so the dry-run match report
 * decides exactly as the sync would.
 */
@Singleton
@Requires(condition = SalesforceConfigured.class)
public class StoreMatchingConfigs implements MatchingConfigs {
  private final SyncConfigs configs;

  public StoreMatchingConfigs(SyncConfigs configs) {
    this.configs = configs;
  }

  @Override
  public MatchingConfig forStore(String storeHash) {
    return configs.forStore(storeHash).config().matching();
  }
}
