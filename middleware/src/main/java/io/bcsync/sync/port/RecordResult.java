package io.bcsync.sync.port;

import java.util.List;

/**
 * What happened to one {@link RecordWrite}.
 *
 * @param id the Salesforce id on success
 * @param created true when an upsert or create inserted the record
 * @param calls how many API calls carried this record (more than one after in-process retries)
 */
public record RecordResult(
    RecordWrite write, boolean success, String id, boolean created, List<RecordError> errors) {
  public RecordResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public boolean retryable() {
    return !success && errors.stream().allMatch(RecordError::retryable);
  }
}
