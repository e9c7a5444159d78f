package io.bcsync.salesforce.writer;

import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.SoapFaultException;
import io.bcsync.sync.port.RecordError;
import io.bcsync.sync.port.WriteOperation;
import java.util.Set;

/**
 * Which Salesforce errors a retry can fix. Retryable ones go back to the pipeline with backoff;
 * permanent ones are dead-lettered with Salesforce's message. Unknown codes count as retryable,
 * like unknown failures in the pipeline ({@code FailureClassifier}): a wrong "permanent" would
 * dead-letter a passing glitch, and retries are bounded.
 *
 * <p>A record that already exists is never a permanent error: after a response lost on the way back
 * (or a crash before the work item was marked done) the next attempt finds the record of the
 * previous one, and must converge on it. Per code, with Salesforce's documented meaning (SOAP API
 * Developer Guide, "upsert()"; REST API Developer Guide, "Upsert Records Using sObject Rows by
 * External ID"; Object Reference for the create-only fields; ../shared/reference/salesforce.md A.8,
 * A.9, G; the full table with sources: docs/sync-mapping.md, "Lost responses and crashes"):
 *
 * <ul>
 *   <li>{@code DUPLICATE_VALUE}: a unique field's value is already on another record ("duplicate
 *       value found: F duplicates value on record with id: X"), or one upsert call named the same
 *       external id twice ("Duplicate external id specified: K"). For our external ids the first is
 *       what two concurrent inserts of one key give the loser (the next upsert matches the winner
 *       and updates it); the second is a call we composed badly ({@link SalesforceWriter} never
 *       puts one key twice in a call), and the next call is composed anew. Both: retryable. The
 *       customer flow also retries a {@code BC_Customer_Id__c} clash through the other record's
 *       link.
 *   <li>{@code DUPLICATE_EXTERNAL_ID}: several <em>existing</em> records match the external id;
 *       Salesforce neither creates nor updates (REST answers 300 Multiple Choices). No retry can
 *       choose between them: a person must merge or re-key them. Permanent.
 *   <li>{@code INVALID_FIELD_FOR_INSERT_UPDATE} on an <em>upsert</em>: the record matched an
 *       existing one and carried fields Salesforce takes only on insert ({@code OrderItem.OrderId},
 *       {@code PricebookEntryId}, a master-detail parent). It exists already; the order flow sends
 *       it again without those fields, and a later attempt plans it as known. Retryable. On create
 *       or update the field is not writable at all: permanent.
 *   <li>{@code ENTITY_IS_LOCKED}: the record is locked, by an approval process or, for OrderItems,
 *       because their Order is Activated. Waiting does not unlock it (unlike {@code
 *       UNABLE_TO_LOCK_ROW}, a row lock held by another transaction, which is retryable); the order
 *       flow sets an Order back to Draft before it changes items, so this code means someone else
 *       holds the lock. Permanent: dead-lettered, replayable once unlocked.
 * </ul>
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
          "INVALID_STATUS",
          "ENTITY_IS_LOCKED");

  private SalesforceErrors() {}

  /** Whether a retry can fix the error, whatever call it came from. */
  public static boolean isRetryable(String code) {
    return !PERMANENT.contains(code);
  }

  /** Whether a retry can fix an error of one record of this call (see the class comment). */
  public static boolean isRetryable(WriteOperation operation, String code) {
    if (operation == WriteOperation.UPSERT && REFUSED_AS_EXISTING.equals(code)) {
      return true;
    }
    return isRetryable(code);
  }

  /** On an upsert: the record exists, and a field Salesforce takes only on insert was sent. */
  public static final String REFUSED_AS_EXISTING = "INVALID_FIELD_FOR_INSERT_UPDATE";

  /** A whole call failed: the error every record of that call gets. */
  public static RecordError ofCallFailure(ConnectionException e) {
    if (e instanceof ApiFault fault) {
      String code =
          fault.getExceptionCode() == null ? "UNKNOWN_FAULT" : fault.getExceptionCode().name();
      // ApiFault.getMessage() is null; the text is in getExceptionMessage() (salesforce.md §0 item
      // 4)
      return new RecordError(
          code, SalesforceMessages.redact(fault.getExceptionMessage()), null, isRetryable(code));
    }
    if (e instanceof SoapFaultException fault) {
      String code =
          fault.getFaultCode() == null ? "SOAP_FAULT" : fault.getFaultCode().getLocalPart();
      return new RecordError(
          code,
          SalesforceMessages.redact(String.valueOf(fault.getMessage())),
          null,
          isRetryable(code));
    }
    String text = String.valueOf(e.getMessage());
    String code =
        e.getClass().getSimpleName().contains("HTMLResponse")
            ? "HTTP_ERROR"
            : text.toLowerCase().contains("timed out") || text.toLowerCase().contains("timeout")
                ? "TIMEOUT"
                : "NETWORK_ERROR";
    return new RecordError(
        code, e.getClass().getSimpleName() + ": " + SalesforceMessages.redact(text), null, true);
  }
}
