package io.bcsync.salesforce.writer;

import io.bcsync.pipeline.FailedCall;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.RetryableFailureException;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.RecordWrite;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Salesforce call failed as a whole (no session, network, fault of the entire call): nothing is
 * known to be written, and the batch goes back to the queue with backoff. Carries Salesforce's code
 * and message, never a token; and, for the failed attempt's record (docs/console.md), the call as
 * this service made it (a query's SOQL, or which records a write call carried) and the fault it
 * got. Neither holds the session id: it travels in the SOAP header, which is not kept.
 */
public final class SalesforceUnreachableException extends RetryableFailureException
    implements FailedCall {
  static final String SYSTEM = "salesforce";

  private final transient Outcome.Evidence evidence;

  public SalesforceUnreachableException(String what, RecordError error, Throwable cause) {
    this(what, error, cause, null);
  }

  /**
   * @param request the call as made (e.g. {@code query: SELECT …}); null when it cannot be told
   */
  public SalesforceUnreachableException(
      String what, RecordError error, Throwable cause, String request) {
    super(what + " failed as a whole: " + error, cause);
    this.evidence =
        request == null ? null : new Outcome.Evidence(SYSTEM, request, faultText(error));
  }

  @Override
  public Outcome.Evidence evidence() {
    return evidence;
  }

  /** A query call: its statement, whose literals are the shoppers' data the page may show. */
  public static String query(String soql) {
    return "query: " + soql;
  }

  /**
   * A write call that failed before any record had a result: the operations and objects it carried
   * and how many records each (the records' fields belong to every item of the batch, and the
   * item's own record is in its BigCommerce payload).
   */
  static String writes(List<RecordWrite> writes) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (RecordWrite write : writes) {
      String key =
          write.operation().name().toLowerCase()
              + " "
              + write.sobjectType()
              + (write.externalIdField() == null ? "" : " by " + write.externalIdField());
      counts.merge(key, 1, Integer::sum);
    }
    StringBuilder text = new StringBuilder();
    counts.forEach(
        (call, count) ->
            text.append(text.isEmpty() ? "" : "\n")
                .append(call)
                .append(": ")
                .append(count)
                .append(count == 1 ? " record" : " records"));
    return text.toString();
  }

  private static String faultText(RecordError error) {
    return "fault " + error.statusCode() + ": " + error.message();
  }
}
