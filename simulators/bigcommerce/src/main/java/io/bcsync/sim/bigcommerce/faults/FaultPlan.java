package io.bcsync.sim.bigcommerce.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The faults armed for one store, applied in the order they were added. */
public final class FaultPlan {
  private final List<Fault> faults = new ArrayList<>();

  public synchronized void add(Fault fault) {
    faults.add(fault);
  }

  public synchronized void clear() {
    faults.clear();
  }

  public synchronized Optional<Fault> next(String method, String path) {
    for (Fault fault : faults) {
      if (fault.matches(method, path)) {
        fault.consume();
        if (fault.exhausted()) {
          faults.remove(fault);
        }
        return Optional.of(fault);
      }
    }
    return Optional.empty();
  }
}
