package io.bcsync.sync.mapping;

import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.rules.OrderRules;

/**
 * Everything one store's mapping file decides: field mappings, where orders go, how customers are
 * matched, the order rules (docs/order-rules.md), and the customer groups and price lists
 * Salesforce writes to (docs/reverse-sync.md).
 */
public record StoreSyncConfig(
    SyncMapping mapping,
    OrderTarget orders,
    MatchingConfig matching,
    OrderRules rules,
    ReverseMapping reverse) {
  /** Without segments or price lists (none are shipped). */
  public StoreSyncConfig(
      SyncMapping mapping, OrderTarget orders, MatchingConfig matching, OrderRules rules) {
    this(mapping, orders, matching, rules, ReverseMapping.none());
  }

  /** Without rules (the shipped default: every rule off). */
  public StoreSyncConfig(SyncMapping mapping, OrderTarget orders, MatchingConfig matching) {
    this(mapping, orders, matching, OrderRules.none());
  }
}
