package io.bcsync.sync.routing;

import io.bcsync.pipeline.WorkItem;

/**
 * What a work item is about, as the router sees it: its origin and its entity type (a BigCommerce
 * resource such as {@code order}, a Salesforce object such as {@code Contact}, or an event such as
 * {@code BC_Sync_Request__e}).
 */
public record WorkKind(Origin origin, String type) {
  public static WorkKind of(WorkItem item) {
    return new WorkKind(Origin.of(item.entity()), item.entity().type());
  }

  public boolean is(Origin origin, String type) {
    return this.origin == origin && this.type.equals(type);
  }

  @Override
  public String toString() {
    return origin.name().toLowerCase(java.util.Locale.ROOT) + " " + type;
  }
}
