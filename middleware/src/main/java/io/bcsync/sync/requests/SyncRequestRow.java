package io.bcsync.sync.requests;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A row of {@code sync_request}: one {@code BC_Sync_Request__e} and the {@code BC_Sync_Status__e}
 * answer owed for it (escape = false: see the io.bcsync.db package docs).
 *
 * @param requestItemId the request's own work item: a re-run of it finds this row
 * @param targetKey the work item key of the entity the request resyncs, or null
 * @param status QUEUED, RETRYING, SUCCESS, FAILED or SKIPPED
 * @param publishedStatus the status last published as BC_Sync_Status__e; owed while it differs
 */
@MappedEntity(value = "sync_request", escape = false)
public record SyncRequestRow(
    @Id @GeneratedValue @Nullable Long id,
    String orgId,
    long requestItemId,
    @Nullable String correlationId,
    String action,
    @Nullable String sobject,
    @Nullable String recordId,
    @Nullable String externalId,
    @Nullable String targetKey,
    String direction,
    String status,
    @Nullable String message,
    @Nullable String errorCode,
    @Nullable String resultRecordId,
    @Nullable String publishedStatus,
    long createdAtMs,
    long updatedAtMs) {

  public static final String QUEUED = "QUEUED";
  public static final String RETRYING = "RETRYING";
  public static final String SUCCESS = "SUCCESS";
  public static final String FAILED = "FAILED";
  public static final String SKIPPED = "SKIPPED";

  /** This row with a new status, message and error code, as of {@code now}. */
  SyncRequestRow settled(
      String status, String message, String errorCode, String resultRecordId, long now) {
    return new SyncRequestRow(
        id,
        orgId,
        requestItemId,
        correlationId,
        action,
        sobject,
        recordId,
        externalId,
        targetKey,
        direction,
        status,
        SyncStatusEvent.truncate(message),
        errorCode,
        resultRecordId,
        publishedStatus,
        createdAtMs,
        now);
  }

  /** QUEUED is not an answer: it is published only once the entity's item ran. */
  boolean owesStatus() {
    return !QUEUED.equals(status) && !status.equals(publishedStatus);
  }
}
