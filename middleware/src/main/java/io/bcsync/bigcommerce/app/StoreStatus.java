package io.bcsync.bigcommerce.app;

import io.bcsync.bigcommerce.catchup.SyncCursors;
import io.bcsync.pipeline.QueueInspector;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * What the app page shows about one store besides the console overview's figures ({@code
 * OperatorOverview.forStore}): its dead letters in all, its last synced record and its last
 * catch-up check. Never another store's.
 */
@Singleton
public class StoreStatus {
  private final QueueInspector queue;
  private final SyncCursors cursors;

  public StoreStatus(QueueInspector queue, SyncCursors cursors) {
    this.queue = queue;
    this.cursors = cursors;
  }

  public record Summary(long deadLetters, Optional<Long> lastSyncMs, Optional<Long> lastPollMs) {}

  public Summary summarize(String storeHash) {
    // The page lists the overview's failures, not these; one is read (no LIMIT 0 across databases).
    QueueInspector.StoreActivity activity = queue.storeActivity(storeHash, 1);
    return new Summary(
        activity.dead(), activity.lastCompletedAtMs(), cursors.lastPolledAt(storeHash));
  }
}
