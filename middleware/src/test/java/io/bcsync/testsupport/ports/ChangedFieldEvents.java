package io.bcsync.testsupport.ports;

import io.bcsync.db.Db;
import io.bcsync.pipeline.ItemEvents;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of work items built by hand ({@link WorkItems}), which the queue does not hold: one
 * Salesforce CDC update per item of {@code changed}, naming the fields it changed, as the Contact
 * flows read them. Items not in the map have no events (a reconciliation, say).
 */
public final class ChangedFieldEvents extends ItemEvents {
  private final Map<Long, List<String>> changed;

  public ChangedFieldEvents(Db db, Map<Long, List<String>> changed) {
    super(db);
    this.changed = changed;
  }

  @Override
  public Map<Long, List<ItemEvent>> of(Collection<Long> ids) {
    Map<Long, List<ItemEvent>> found = new HashMap<>();
    for (Long id : ids) {
      List<String> fields = changed.get(id);
      if (fields != null) {
        String body =
            "{\"payload\":{\"ChangeEventHeader\":{\"changedFields\":[\""
                + String.join("\",\"", fields)
                + "\"]}}}";
        found.put(id, List.of(new ItemEvent(id, id, "salesforce/cdc/UPDATE", 0, body)));
      }
    }
    return found;
  }
}
