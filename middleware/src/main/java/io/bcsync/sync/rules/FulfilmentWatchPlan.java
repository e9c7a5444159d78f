package io.bcsync.sync.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Which orders of a batch the {@link FulfilmentWatch} keeps, for {@link OrderRulesStep}. */
final class FulfilmentWatchPlan {
  private FulfilmentWatchPlan() {}

  /**
   * Orders awaiting fulfilment that a {@code fulfilment_delayed} rule will find late are watched
   * until then (the {@code fulfilment-delay} job re-syncs them when due); the others are forgotten:
   * moved on, late already (firing now, or its rule's other conditions did not hold at its chance),
   * or of unknown age.
   */
  static void keep(
      FulfilmentWatch watch, String storeHash, OrderRules rules, List<OrderFacts> facts, long now) {
    java.util.Optional<java.time.Duration> soonest =
        rules.enabled().stream()
            .map(OrderRule::trigger)
            .filter(t -> t instanceof Condition.FulfilmentDelayed)
            .map(t -> ((Condition.FulfilmentDelayed) t).after())
            .min(java.util.Comparator.naturalOrder());
    if (soonest.isEmpty() || facts.isEmpty()) {
      return;
    }
    Map<Long, Long> watched = new LinkedHashMap<>();
    List<Long> forgotten = new ArrayList<>();
    for (OrderFacts f : facts) {
      Long created = f.problems().createdMs();
      long dueAt = created == null ? 0 : created + soonest.get().toMillis();
      if (Condition.FulfilmentDelayed.AWAITING.contains(f.statusId())
          && created != null
          && dueAt > now) {
        watched.put(f.orderId(), dueAt);
      } else {
        forgotten.add(f.orderId());
      }
    }
    watch.keep(storeHash, watched, forgotten);
  }
}
