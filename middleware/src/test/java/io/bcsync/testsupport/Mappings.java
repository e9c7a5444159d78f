package io.bcsync.testsupport;

import io.bcsync.sync.SyncConfigs;
import io.bcsync.sync.mapping.OrderTarget;
import io.bcsync.sync.mapping.PackageMetadataSchema;
import io.bcsync.sync.mapping.StoreSyncConfig;
import io.bcsync.sync.mapping.SyncConfigLoader;
import io.bcsync.sync.mapping.SyncMapper;
import io.bcsync.sync.matching.MatchingConfig;

/**
 * Sync configurations for unit tests without a context: the shipped defaults, validated against the
 * package source as {@code bcsync.sync.schema-source: package} does, with the order target or
 * matching changed where a test needs it.
 */
public final class Mappings {
  private static final StoreSyncConfig DEFAULTS =
      new SyncConfigLoader(
              PackageMetadataSchema.withStandardFields(SimulatedSalesforce.packageMetadata()))
          .loadDefaults();

  private Mappings() {}

  public static SyncConfigs.Loaded defaults() {
    return loaded(DEFAULTS);
  }

  public static SyncConfigs.Loaded withOrders(OrderTarget orders) {
    return loaded(new StoreSyncConfig(DEFAULTS.mapping(), orders, DEFAULTS.matching()));
  }

  public static SyncConfigs.Loaded withMatching(MatchingConfig matching) {
    return loaded(new StoreSyncConfig(DEFAULTS.mapping(), DEFAULTS.orders(), matching));
  }

  private static SyncConfigs.Loaded loaded(StoreSyncConfig config) {
    return new SyncConfigs.Loaded(config, new SyncMapper(config.mapping()));
  }
}
