package io.bcsync.sync.mapping;

import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.rules.OrderRules;

/**
 * Everything one store's mapping file decides: field mappings, where orders go, how customers are
 * matched, and the order rules (docs/order-rules.md).
 */
public record StoreSyncConfig(
    SyncMapping mapping, OrderTarget orders, MatchingConfig matching, OrderRules rules) {
  /** Without rules (the shipped default: every rule off). */
  public StoreSyncConfig(SyncMapping mapping, OrderTarget orders, MatchingConfig matching) {
    this(mapping, orders, matching, OrderRules.none());
  }
}
