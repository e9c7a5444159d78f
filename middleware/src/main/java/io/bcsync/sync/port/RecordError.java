package io.bcsync.sync.port;

import java.util.List;

/** One error Salesforce reported for a record (or for the whole call), as Salesforce worded it. */
public record RecordError(
    String statusCode, String message, List<String> fields, boolean retryable) {
  public RecordError {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }

  @Override
  public String toString() {
    return statusCode + (fields.isEmpty() ? "" : " " + fields) + ": " + message;
  }
}
