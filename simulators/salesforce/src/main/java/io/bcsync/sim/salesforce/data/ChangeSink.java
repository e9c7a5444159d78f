package io.bcsync.sim.salesforce.data;

import java.util.List;
import java.util.Map;

/** Receives what a committed API call did: record changes and published platform events. */
public interface ChangeSink {
  void committed(List<RecordChange> changes);

  /**
   * A platform event published by create(); values are typed field values keyed by canonical name.
   */
  default void platformEventPublished(
      String eventType, String eventId, Map<String, Object> values, String userId) {}
}
