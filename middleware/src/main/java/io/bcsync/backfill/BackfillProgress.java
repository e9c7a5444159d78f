package io.bcsync.backfill;

import io.bcsync.pipeline.WorkItemStatus;
import java.util.Map;

/**
 * A backfill as the admin API shows it: what it enqueued, how those work items are doing, how fast
 * it goes and roughly how long it still needs.
 *
 * @param enqueued distinct customers and orders this backfill handed to the pipeline
 * @param customersTotal customers BigCommerce reported modified since the date (when the last page
 *     was read)
 * @param ordersRemainingEstimate orders still to read, estimated from the id range (orders phase
 *     only)
 * @param workItems per entity type, the work items those entities are in, by status
 * @param ratePerMinute entities enqueued per minute since the backfill started
 * @param etaSeconds estimated seconds to the end of the import at that rate; null while it cannot
 *     be estimated (orders are not counted before the orders phase)
 */
public record BackfillProgress(
    long id,
    String store,
    String since,
    BackfillState state,
    BackfillPhase phase,
    Map<String, Long> enqueued,
    Long customersTotal,
    Long ordersRemainingEstimate,
    Map<String, Map<WorkItemStatus, Long>> workItems,
    double ratePerMinute,
    Long etaSeconds,
    long pagesRead,
    String lastError,
    long createdAtMs,
    long updatedAtMs,
    Long pausedAtMs,
    Long finishedAtMs) {

  static BackfillProgress of(
      BackfillJob job, Map<String, Map<WorkItemStatus, Long>> workItems, long now) {
    long end = job.finishedAtMs() != null ? job.finishedAtMs() : now;
    double minutes = Math.max(end - job.createdAtMs(), 1) / 60_000.0;
    double rate = job.enqueued() / minutes;
    Long ordersRemaining = ordersRemaining(job);
    Long eta = eta(job, ordersRemaining, rate);
    return new BackfillProgress(
        job.id(),
        job.storeHash(),
        job.since().toString(),
        job.state(),
        job.cursor().phase(),
        Map.of("customers", job.customersEnqueued(), "orders", job.ordersEnqueued()),
        job.cursor().customersTotal(),
        ordersRemaining,
        workItems,
        Math.round(rate * 10) / 10.0,
        eta,
        job.pagesRead(),
        job.lastError(),
        job.createdAtMs(),
        job.updatedAtMs(),
        job.pausedAtMs(),
        job.finishedAtMs());
  }

  /**
   * Orders are walked by id between the first and the highest id modified since the date; the share
   * of that range already covered, applied to the orders enqueued so far, estimates the rest (ids
   * are dense in most stores).
   */
  private static Long ordersRemaining(BackfillJob job) {
    BackfillCursor cursor = job.cursor();
    if (cursor.phase() == BackfillPhase.FINISHED) {
      return 0L;
    }
    if (cursor.phase() != BackfillPhase.ORDERS || cursor.ordersMaxId() == null) {
      return null;
    }
    if (cursor.ordersFirstId() == null) {
      return null;
    }
    long covered = cursor.orderAfterId() - cursor.ordersFirstId() + 1;
    long left = Math.max(0, cursor.ordersMaxId() - cursor.orderAfterId());
    return covered <= 0 ? null : Math.round((double) job.ordersEnqueued() * left / covered);
  }

  private static Long eta(BackfillJob job, Long ordersRemaining, double ratePerMinute) {
    if (!job.state().isActive()) {
      return job.state() == BackfillState.DONE ? 0L : null;
    }
    if (ordersRemaining == null || ratePerMinute <= 0) {
      return null;
    }
    return Math.round(ordersRemaining / ratePerMinute * 60);
  }
}
