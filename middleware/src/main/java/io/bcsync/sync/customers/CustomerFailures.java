package io.bcsync.sync.customers;

import io.bcsync.pipeline.Outcome;
import java.util.LinkedHashMap;
import java.util.Map;

/** A customer's failure is the failure of every item that needs it. */
final class CustomerFailures {
  private CustomerFailures() {}

  /**
   * The owner item gets the failure as it is; the other items (orders of this buyer) get it with
   * the customer named, keeping whether it is permanent.
   */
  static Map<Long, Outcome> of(BatchCustomer c, Outcome failure) {
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    for (CustomerNeed need : c.needs()) {
      outcomes.put(need.itemId(), need.itemId() == c.owner() ? failure : dependent(c, failure));
    }
    return outcomes;
  }

  /** The same outcome for every item that needs the customer (held, busy). */
  static Map<Long, Outcome> all(BatchCustomer c, Outcome outcome) {
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    c.needs().forEach(n -> outcomes.put(n.itemId(), outcome));
    return outcomes;
  }

  private static Outcome dependent(BatchCustomer c, Outcome failure) {
    if (failure instanceof Outcome.Failure f) {
      return new Outcome.Failure(
          c.ref().label() + " could not be written: " + f.error(), f.permanent());
    }
    return failure;
  }
}
