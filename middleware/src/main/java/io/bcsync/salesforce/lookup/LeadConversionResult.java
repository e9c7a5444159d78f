package io.bcsync.salesforce.lookup;

import io.bcsync.sync.port.RecordError;
import java.util.List;

/**
 * What Salesforce did with one {@link LeadConversion}; on success the Account and Contact the Lead
 * became.
 */
public record LeadConversionResult(
    LeadConversion request,
    boolean success,
    String accountId,
    String contactId,
    List<RecordError> errors) {
  public LeadConversionResult {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** Only retryable errors (a lock, a limit): the pipeline may try again. */
  public boolean retryable() {
    return !success && errors.stream().allMatch(RecordError::retryable);
  }
}
