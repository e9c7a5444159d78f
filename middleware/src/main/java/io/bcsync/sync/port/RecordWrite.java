package io.bcsync.sync.port;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One record to write on behalf of a work item. A work item may contribute several records (an
 * order: Account, Contact, Order, OrderItems); they are written parents first, batched with other
 * items' records.
 *
 * @param fields field values; {@code null} clears the field (sent as fieldsToNull, because
 *     force-wsc silently drops a null value). {@link java.time.LocalDate} and {@link
 *     java.time.Instant} are converted so that no time zone can shift them (see {@link
 *     SalesforceValues}).
 * @param externalIdField the match field for {@link WriteOperation#UPSERT}; for UPDATE, {@code
 *     fields} must hold Id
 */
public record RecordWrite(
    long workItemId,
    String sobjectType,
    WriteOperation operation,
    String externalIdField,
    Map<String, Object> fields) {

  public RecordWrite {
    Objects.requireNonNull(sobjectType, "sobjectType");
    Objects.requireNonNull(operation, "operation");
    if (operation == WriteOperation.UPSERT
        && (externalIdField == null || externalIdField.isBlank())) {
      throw new IllegalArgumentException(
          "upsert of " + sobjectType + " needs an external id field");
    }
    if (operation == WriteOperation.UPDATE && (fields == null || fields.get("Id") == null)) {
      throw new IllegalArgumentException("update of " + sobjectType + " needs an Id");
    }
    // LinkedHashMap, not Map.copyOf: null values are meaningful (clear the field) and order is kept
    // on the wire.
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
  }

  public static RecordWrite upsert(
      long workItemId, String sobjectType, String externalIdField, Map<String, Object> fields) {
    return new RecordWrite(workItemId, sobjectType, WriteOperation.UPSERT, externalIdField, fields);
  }

  public static RecordWrite create(
      long workItemId, String sobjectType, Map<String, Object> fields) {
    return new RecordWrite(workItemId, sobjectType, WriteOperation.CREATE, null, fields);
  }

  public static RecordWrite update(
      long workItemId, String sobjectType, Map<String, Object> fields) {
    return new RecordWrite(workItemId, sobjectType, WriteOperation.UPDATE, null, fields);
  }
}
