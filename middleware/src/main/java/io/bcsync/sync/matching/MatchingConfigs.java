package io.bcsync.sync.matching;

/**
 * Each store's matching configuration. The per-store sync configuration (mapping file plus
 * defaults) is expected to provide this; until it does, {@code
 * io.bcsync.backfill.DefaultMatchingConfigs} answers with the defaults.
 */
public interface MatchingConfigs {
  MatchingConfig forStore(String storeHash);
}
