package io.bcsync.sim.salesforce.control;

import io.bcsync.sim.salesforce.data.ChangeSink;
import io.bcsync.sim.salesforce.data.RecordChange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every committed change with who made it and the CallOptions client id, for tests that check loop
 * prevention.
 */
public final class ChangeLog implements ChangeSink {
  private final List<RecordChange> changes = new CopyOnWriteArrayList<>();

  @Override
  public void committed(List<RecordChange> batch) {
    changes.addAll(batch);
  }

  public List<RecordChange> all() {
    return new ArrayList<>(changes);
  }

  public List<RecordChange> forRecord(String recordId) {
    return changes.stream().filter(c -> c.recordId().equals(recordId)).toList();
  }

  public void clear() {
    changes.clear();
  }
}
