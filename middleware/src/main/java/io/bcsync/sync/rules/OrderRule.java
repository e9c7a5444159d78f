package io.bcsync.sync.rules;

import java.util.List;

/**
 * One enabled rule of a store, validated at startup.
 *
 * @param where the rule's file and line, for logs
 */
public record OrderRule(
    String name, Condition trigger, List<Condition> when, List<RuleAction> actions, String where) {
  public OrderRule {
    when = List.copyOf(when);
    actions = List.copyOf(actions);
  }

  /** True when the trigger and every condition hold. */
  public boolean fires(OrderFacts facts) {
    return trigger.holds(facts) && when.stream().allMatch(c -> c.holds(facts));
  }

  /** The key this rule's firing for these facts is recorded under. */
  public String firingKey(OrderFacts facts) {
    return name + "|" + trigger.occurrence(facts);
  }
}
