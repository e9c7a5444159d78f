package io.bcsync.sync.mapping;

import io.bcsync.sync.matching.MatchingConfig;

/**
 * Everything one store's mapping file decides: field mappings, where orders go, and how customers
 * are matched.
 */
public record StoreSyncConfig(SyncMapping mapping, OrderTarget orders, MatchingConfig matching) {}
