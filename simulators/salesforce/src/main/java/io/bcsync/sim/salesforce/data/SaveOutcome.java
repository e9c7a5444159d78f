package io.bcsync.sim.salesforce.data;

import java.util.List;

/** Result for one record of create/update/upsert/delete, in request order. */
public record SaveOutcome(String id, boolean success, boolean created, List<RecordError> errors) {

  public static SaveOutcome ok(String id, boolean created) {
    return new SaveOutcome(id, true, created, List.of());
  }

  public static SaveOutcome failed(RecordError error) {
    return new SaveOutcome(null, false, false, List.of(error));
  }
}
