package io.bcsync.sim.salesforce.data;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One committed change to one record, with what Change Data Capture needs: the values written (all
 * non-null fields on CREATE, only changed ones on UPDATE), the fields changed and nulled, and the
 * transaction it belonged to.
 */
public record RecordChange(
    String entity,
    String recordId,
    ChangeType changeType,
    Map<String, Object> values,
    List<String> changedFields,
    List<String> nulledFields,
    String userId,
    String changeOrigin,
    String clientId,
    String transactionKey,
    int sequenceNumber,
    Instant commitTimestamp) {

  public enum ChangeType {
    CREATE,
    UPDATE,
    DELETE,
    UNDELETE
  }
}
