package io.bcsync.testsupport.ports;

import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import java.util.List;

/** Work items as the pipeline hands them to the router, built by hand for flow tests. */
public final class WorkItems {
  private WorkItems() {}

  /** Item {@code itemId} about {@code type} {@code entityId} of the store, claimed once. */
  public static WorkItem item(long itemId, String storeHash, String type, long entityId) {
    return item(itemId, new EntityRef(storeHash, type, String.valueOf(entityId)));
  }

  public static WorkItem item(long itemId, EntityRef entity) {
    return item(itemId, entity, 1);
  }

  /** The same, claimed once, with the scopes of the events that made it (one event each). */
  public static WorkItem withScopes(long itemId, EntityRef entity, String... scopes) {
    return new WorkItem(
        itemId,
        entity,
        WorkItemStatus.IN_PROGRESS,
        List.of(scopes),
        scopes.length,
        1,
        0,
        null,
        0,
        0,
        null,
        null,
        0,
        null);
  }

  /** The same, claimed for its {@code attempt}th time (a retry when above 1). */
  public static WorkItem item(long itemId, EntityRef entity, int attempt) {
    return new WorkItem(
        itemId,
        entity,
        WorkItemStatus.IN_PROGRESS,
        List.of("test"),
        1,
        attempt,
        0,
        null,
        0,
        0,
        null,
        null,
        0,
        null);
  }
}
