package io.bcsync.sync.customers;

import io.bcsync.pipeline.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one step of the customer sync hands on: the customers that go on to the next step, and the
 * outcomes of the items whose customer stopped here (held, failed, busy).
 */
public record Continuing<T>(List<T> customers, Map<Long, Outcome> stopped) {
  public Continuing {
    customers = List.copyOf(customers);
    stopped = Map.copyOf(stopped);
  }

  /** The outcomes of both steps; a later step's outcome for the same item wins. */
  public Map<Long, Outcome> stoppedWith(Map<Long, Outcome> later) {
    Map<Long, Outcome> all = new HashMap<>(stopped);
    all.putAll(later);
    return all;
  }
}
