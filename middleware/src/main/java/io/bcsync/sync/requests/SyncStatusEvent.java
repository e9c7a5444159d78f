package io.bcsync.sync.requests;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields of the {@code BC_Sync_Status__e} that answers a request row. */
final class SyncStatusEvent {
  static final String OBJECT = "BC_Sync_Status__e";

  /** BC_Message__c is Text(255). */
  static final int MESSAGE_LENGTH = 255;

  private SyncStatusEvent() {}

  static Map<String, Object> fieldsOf(SyncRequestRow row) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("BC_Correlation_Id__c", row.correlationId());
    fields.put("BC_Status__c", row.status());
    fields.put("BC_Direction__c", row.direction());
    fields.put("BC_Object_Name__c", row.sobject());
    fields.put(
        "BC_Record_Id__c", row.resultRecordId() != null ? row.resultRecordId() : row.recordId());
    fields.put("BC_External_Id__c", row.externalId());
    fields.put("BC_Message__c", truncate(row.message()));
    fields.put("BC_Error_Code__c", row.errorCode());
    fields.put("BC_Occurred_At__c", Instant.ofEpochMilli(row.updatedAtMs()));
    // A platform event is created, never updated: leave absent values out rather than null them.
    fields.values().removeIf(java.util.Objects::isNull);
    return fields;
  }

  static String truncate(String message) {
    if (message == null || message.length() <= MESSAGE_LENGTH) {
      return message;
    }
    return message.substring(0, MESSAGE_LENGTH - 1) + "…";
  }
}
