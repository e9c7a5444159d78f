package io.bcsync.sync.rules;

import java.util.List;

/** A store's enabled rules, in file order; empty (the default) costs nothing per order. */
public record OrderRules(List<OrderRule> enabled) {
  public OrderRules {
    enabled = List.copyOf(enabled);
  }

  public static OrderRules none() {
    return new OrderRules(List.of());
  }

  public boolean isEmpty() {
    return enabled.isEmpty();
  }
}
