package io.bcsync.sync.mapping;

import io.bcsync.sync.matching.MatchingConfig;
import io.bcsync.sync.rules.OrderRules;
import java.util.List;
import java.util.Optional;

/**
 * Everything one store's mapping file decides: field mappings, where orders go, how customers are
 * matched, the order rules (docs/order-rules.md), which customer fields Salesforce owns ({@code
 * ownership.customer_fields}; empty: the global {@code bcsync.sync.reverse.customer-fields}), and
 * the customer groups and price lists Salesforce writes to (docs/reverse-sync.md).
 */
public record StoreSyncConfig(
    SyncMapping mapping,
    OrderTarget orders,
    MatchingConfig matching,
    OrderRules rules,
    Optional<List<String>> salesforceCustomerFields,
    ReverseMapping reverse) {

  /** Without a per-store ownership of customer fields, segments or price lists. */
  public StoreSyncConfig(
      SyncMapping mapping, OrderTarget orders, MatchingConfig matching, OrderRules rules) {
    this(mapping, orders, matching, rules, Optional.empty(), ReverseMapping.none());
  }

  /** Without rules (the shipped default: every rule off). */
  public StoreSyncConfig(SyncMapping mapping, OrderTarget orders, MatchingConfig matching) {
    this(mapping, orders, matching, OrderRules.none());
  }
}
