package io.bcsync.salesforce.writer;

import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import io.bcsync.sync.port.RecordError;
import java.util.Set;

/**
 * Which Salesforce errors a retry can fix. Retryable ones go back to the pipeline with backoff;
 * permanent ones are dead-lettered with Salesforce's message. Unknown codes count as retryable,
 * like unknown failures in the pipeline ({@code FailureClassifier}): a wrong "permanent" would
 * dead-letter a passing glitch, and retries are bounded.
 */
public final class SalesforceErrors {
  static final Set<String> RETRYABLE =
      Set.of(
          "UNABLE_TO_LOCK_ROW",
          "REQUEST_LIMIT_EXCEEDED",
          "SERVER_UNAVAILABLE",
          "QUERY_TIMEOUT",
          "INVALID_SESSION_ID",
          "TOO_MANY_APEX_REQUESTS",
          "API_CURRENTLY_DISABLED",
          "TIMEOUT",
          "NETWORK_ERROR",
          "HTTP_ERROR");
  static final Set<String> PERMANENT =
      Set.of(
          "REQUIRED_FIELD_MISSING",
          "INVALID_FIELD",
          "FIELD_CUSTOM_VALIDATION_EXCEPTION",
          "DUPLICATES_DETECTED",
          "DUPLICATE_VALUE",
          "STRING_TOO_LONG",
          "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
          "FIELD_INTEGRITY_EXCEPTION",
          "INVALID_CROSS_REFERENCE_KEY",
          "ENTITY_IS_DELETED",
          "DUPLICATE_EXTERNAL_ID",
          "CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY",
          "INVALID_TYPE",
          "MALFORMED_ID",
          "INVALID_ID_FIELD",
          "INVALID_EMAIL_ADDRESS",
          "NUMBER_OUTSIDE_VALID_RANGE",
          "INSUFFICIENT_ACCESS_OR_READONLY",
          "INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY",
          "INVALID_SOBJECT",
          "INVALID_TYPE_ON_FIELD_IN_RECORD",
          "MALFORMED_QUERY",
          "ALL_OR_NONE_OPERATION_ROLLED_BACK",
          "INVALID_FIELD_FOR_INSERT_UPDATE",
          "CANNOT_UPDATE_CONVERTED_LEAD",
          "FIELD_FILTER_VALIDATION_EXCEPTION",
          "INVALID_LOGIN",
          "API_DISABLED_FOR_ORG",
          "INVALID_STATUS");

  private SalesforceErrors() {}

  public static boolean isRetryable(String code) {
    return !PERMANENT.contains(code);
  }

  /** A whole call failed: the error every record of that call gets. */
  public static RecordError ofCallFailure(ConnectionException e) {
    if (e instanceof ApiFault fault) {
      String code =
          fault.getExceptionCode() == null ? "UNKNOWN_FAULT" : fault.getExceptionCode().name();
      // ApiFault.getMessage() is null; the text is in getExceptionMessage() (salesforce.md §0 item
      // 4)
      return new RecordError(code, fault.getExceptionMessage(), null, isRetryable(code));
    }
    if (e instanceof SoapFaultException fault) {
      String code =
          fault.getFaultCode() == null ? "SOAP_FAULT" : fault.getFaultCode().getLocalPart();
      return new RecordError(code, String.valueOf(fault.getMessage()), null, isRetryable(code));
    }
    String text = String.valueOf(e.getMessage());
    String code =
        e.getClass().getSimpleName().contains("HTMLResponse")
            ? "HTTP_ERROR"
            : text.toLowerCase().contains("timed out") || text.toLowerCase().contains("timeout")
                ? "TIMEOUT"
                : "NETWORK_ERROR";
    return new RecordError(code, e.getClass().getSimpleName() + ": " + text, null, true);
  }
}
