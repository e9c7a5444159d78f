package io.bcsync.sync.port;

import io.bcsync.pipeline.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every record's result, and the pipeline outcome of every work item that contributed records. */
public record WriteReport(List<RecordResult> results, int calls) {
  public WriteReport {
    results = List.copyOf(results);
  }

  /**
   * An item succeeds when all its records did; it is dead-lettered when any record failed
   * permanently (retrying cannot fix bad data), otherwise retried. The error text names the object,
   * Salesforce's code, fields and message.
   */
  public Map<Long, Outcome> outcomes() {
    Map<Long, Outcome> outcomes = new LinkedHashMap<>();
    for (RecordResult result : results) {
      long item = result.write().workItemId();
      Outcome previous = outcomes.get(item);
      if (result.success()) {
        outcomes.putIfAbsent(item, Outcome.SUCCESS);
        continue;
      }
      String error =
          result.write().sobjectType()
              + " "
              + result.write().operation().name().toLowerCase()
              + " failed: "
              + String.join("; ", result.errors().stream().map(RecordError::toString).toList());
      boolean permanent = !result.retryable();
      if (previous == null
          || previous instanceof Outcome.Success
          || (permanent && previous instanceof Outcome.Failure failure && !failure.permanent())) {
        outcomes.put(item, Outcome.failed(error, permanent, SalesforceCallEvidence.of(result)));
      }
    }
    return outcomes;
  }

  public List<RecordResult> resultsFor(long workItemId) {
    return results.stream().filter(r -> r.write().workItemId() == workItemId).toList();
  }
}
