package io.bcsync.console;

import io.bcsync.backfill.BackfillProgress;
import io.bcsync.backfill.BackfillState;
import io.bcsync.pipeline.WorkItemStatus;
import java.util.Map;

/**
 * A backfill's progress as the console's bar shows it, computed the way {@code scripts/backfill}
 * draws its bar: the share of entities enqueued out of BigCommerce's customer count plus the orders
 * read and the orders still estimated; unknown (null) while the order count cannot be estimated yet
 * (customers phase), 100 once DONE. The bar measures reading and enqueuing; {@code synced}, {@code
 * pending} and {@code dead} say how the sync of what was enqueued is going.
 *
 * @param percent 0 to 100, or null while unknown
 * @param active RUNNING or PAUSED: the page keeps polling and offers "Cancel"
 */
public record BackfillBar(
    BackfillProgress progress,
    Integer percent,
    long customers,
    long orders,
    long synced,
    long pending,
    long dead,
    boolean active) {

  public static BackfillBar of(BackfillProgress progress) {
    long customers = progress.enqueued().getOrDefault("customers", 0L);
    long orders = progress.enqueued().getOrDefault("orders", 0L);
    Integer percent;
    if (progress.state() == BackfillState.DONE) {
      percent = 100;
    } else if (progress.customersTotal() == null || progress.ordersRemainingEstimate() == null) {
      percent = null;
    } else {
      long total = progress.customersTotal() + orders + progress.ordersRemainingEstimate();
      percent =
          total == 0 ? 0 : (int) Math.min(99, Math.floor(100.0 * (customers + orders) / total));
    }
    return new BackfillBar(
        progress,
        percent,
        customers,
        orders,
        sum(progress, WorkItemStatus.DONE),
        sum(progress, WorkItemStatus.PENDING) + sum(progress, WorkItemStatus.IN_PROGRESS),
        sum(progress, WorkItemStatus.DEAD),
        progress.state() == BackfillState.RUNNING || progress.state() == BackfillState.PAUSED);
  }

  /** "2m05s", "40s", or "—" while unknown. */
  public String eta() {
    Long seconds = progress.etaSeconds();
    if (seconds == null) {
      return "—";
    }
    return seconds >= 60
        ? seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s"
        : seconds + "s";
  }

  private static long sum(BackfillProgress progress, WorkItemStatus status) {
    long total = 0;
    for (Map<WorkItemStatus, Long> byStatus : progress.workItems().values()) {
      total += byStatus.getOrDefault(status, 0L);
    }
    return total;
  }
}
