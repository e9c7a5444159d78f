package io.bcsync.sync.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Locale;

/**
 * A {@code BC_Sync_Request__e} as a Salesforce user, Flow or Apex published it: RESYNC (read a
 * BigCommerce entity again and write it to Salesforce) or PUSH (write a Salesforce record to
 * BigCommerce). Every field is optional on the event; what is missing is judged when resolving.
 */
record SyncRequest(
    String action,
    String sobject,
    String recordId,
    String externalId,
    String correlationId,
    String reason) {

  static final String RESYNC = "RESYNC";
  static final String PUSH = "PUSH";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the event as the subscriber stored it ({@code {"event":...,"payload":{...}}}). */
  static SyncRequest parse(String raw) {
    JsonNode payload;
    try {
      payload = JSON.readTree(raw).path("payload");
    } catch (IOException e) {
      payload = JSON.missingNode();
    }
    String action = text(payload, "BC_Action__c");
    return new SyncRequest(
        action == null ? null : action.strip().toUpperCase(Locale.ROOT),
        text(payload, "BC_Object_Name__c"),
        text(payload, "BC_Record_Id__c"),
        text(payload, "BC_External_Id__c"),
        text(payload, "BC_Correlation_Id__c"),
        text(payload, "BC_Reason__c"));
  }

  private static String text(JsonNode payload, String field) {
    JsonNode value = payload.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  String direction() {
    return PUSH.equals(action) ? "TO_BIGCOMMERCE" : "TO_SALESFORCE";
  }
}
