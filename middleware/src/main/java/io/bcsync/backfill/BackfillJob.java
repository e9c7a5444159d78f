package io.bcsync.backfill;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A persisted backfill. {@code pagesRead} also serves as the row's version: a page is committed
 * only if no one else advanced the job meanwhile.
 */
public record BackfillJob(
    long id,
    String storeHash,
    LocalDate since,
    BackfillState state,
    BackfillCursor cursor,
    long customersEnqueued,
    long ordersEnqueued,
    long pagesRead,
    int consecutiveFailures,
    String lastError,
    long createdAtMs,
    long updatedAtMs,
    Long pausedAtMs,
    Long finishedAtMs) {

  /**
   * The start of {@code since} in UTC: BigCommerce compares date filters against UTC timestamps.
   */
  public Instant sinceInstant() {
    return since.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public long enqueued() {
    return customersEnqueued + ordersEnqueued;
  }
}
