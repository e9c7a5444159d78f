package io.bcsync.sim.salesforce.data;

import io.bcsync.sim.salesforce.schema.SObjectType;
import io.bcsync.sim.salesforce.schema.Schema;
import java.util.Map;
import java.util.Optional;

/**
 * A record owned by a Group must be owned by a Queue that supports its object: Salesforce lets a
 * Queue own only the objects listed as its {@code QueueSobject} rows (Metadata API {@code
 * Queue.queueSobject}). What Salesforce answers otherwise is not verified offline
 * (../shared/reference/salesforce.md E.7 marks queue support as unverified), so the simulator is
 * strict and refuses the write with {@code FIELD_INTEGRITY_EXCEPTION} on {@code OwnerId}, a data
 * problem that is not worth a blind retry.
 */
final class QueueOwnership {
  private QueueOwnership() {}

  static void check(
      Schema schema, RecordStore store, SObjectType type, Map<String, Object> values) {
    Object owner = values.get("OwnerId");
    if (owner == null || !type.hasField("OwnerId")) {
      return;
    }
    Optional<Record> group =
        store.findLive(owner.toString()).filter(r -> "Group".equals(r.type().name()));
    if (group.isEmpty()) {
      return;
    }
    boolean queue = "Queue".equals(group.get().get("Type"));
    boolean supports =
        queue
            && schema
                .type("QueueSobject")
                .map(
                    q ->
                        store.live(q).stream()
                            .anyMatch(
                                row ->
                                    group.get().id().equals(row.get("QueueId"))
                                        && type.name()
                                            .equalsIgnoreCase(
                                                String.valueOf(row.get("SobjectType")))))
                .orElse(false);
    if (!supports) {
      throw RecordError.of(
              "FIELD_INTEGRITY_EXCEPTION",
              "field integrity exception: unknown (Owner ID: "
                  + (queue
                      ? "queue "
                          + group.get().get("DeveloperName")
                          + " does not support "
                          + type.name()
                      : "a group that is not a queue cannot own records")
                  + ")",
              "OwnerId")
          .fail();
    }
  }
}
