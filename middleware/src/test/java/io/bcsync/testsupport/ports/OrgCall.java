package io.bcsync.testsupport.ports;

import io.bcsync.salesforce.writer.SalesforceErrors;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordResult;
import io.bcsync.sync.port.RecordWrite;
import io.bcsync.sync.port.WriteOperation;
import io.bcsync.testsupport.ports.OrgRecords.Saved;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One create, update or upsert call of at most 200 records of one object: partial success, each
 * record answered on its own in request order (../shared/reference/salesforce.md A.8).
 */
final class OrgCall {
  private OrgCall() {}

  static List<RecordResult> apply(OrgRecords data, List<RecordWrite> chunk) {
    RecordWrite first = chunk.get(0);
    Map<String, Integer> keyCounts = new HashMap<>();
    if (first.operation() == WriteOperation.UPSERT) {
      chunk.forEach(w -> keyCounts.merge(key(w), 1, Integer::sum));
    }
    List<RecordResult> results = new ArrayList<>();
    for (RecordWrite write : chunk) {
      String key = first.operation() == WriteOperation.UPSERT ? key(write) : null;
      if (key != null && keyCounts.get(key) > 1) {
        // Every record naming the key fails and none is written: what Salesforce answers for the
        // same external id twice in one call (../shared/reference/salesforce.md G; seen in Apex
        // as "DUPLICATE_VALUE, Duplicate external id specified: 1: [Test__c]").
        results.add(
            InMemorySalesforce.failed(
                write,
                OrgRecords.error(
                    "DUPLICATE_VALUE",
                    "Duplicate external id specified: "
                        + write.fields().get(write.externalIdField()),
                    write.externalIdField())));
        continue;
      }
      Saved saved =
          switch (write.operation()) {
            case CREATE -> data.create(write.sobjectType(), write.fields());
            case UPDATE -> data.update(write.sobjectType(), write.fields());
            case UPSERT ->
                data.upsert(write.sobjectType(), write.externalIdField(), write.fields());
          };
      results.add(
          saved.success()
              ? new RecordResult(write, true, saved.id(), saved.created(), List.of())
              : InMemorySalesforce.failed(write, asAnswered(write, saved.error())));
    }
    return results;
  }

  /**
   * Classified as the adapter classifies an error of a record of this call: an upsert refused for
   * insert-only fields matched an existing record, which a retry converges on.
   */
  private static RecordError asAnswered(RecordWrite write, RecordError error) {
    return new RecordError(
        error.statusCode(),
        error.message(),
        error.fields(),
        SalesforceErrors.isRetryable(write.operation(), error.statusCode()));
  }

  /** Package keys are case-insensitive: "ABC" and "abc" are the same key twice. */
  private static String key(RecordWrite write) {
    Object value = write.fields().get(write.externalIdField());
    return value == null ? null : value.toString().toLowerCase(Locale.ROOT);
  }
}
