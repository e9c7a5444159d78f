package io.bcsync.bigcommerce.app;

import io.bcsync.bigcommerce.catchup.SyncCursors;
import io.bcsync.pipeline.QueueInspector;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;

/** What the app page shows about one store (never another store's work). */
@Singleton
public class StoreStatus {
  private static final int RECENT_FAILURES = 5;

  private final QueueInspector queue;
  private final SyncCursors cursors;

  public StoreStatus(QueueInspector queue, SyncCursors cursors) {
    this.queue = queue;
    this.cursors = cursors;
  }

  public record Failure(String entity, String error, long atMs) {}

  public record Summary(
      long queued,
      long deadLetters,
      Optional<Long> lastSyncMs,
      Optional<Long> lastPollMs,
      List<Failure> recentFailures) {}

  public Summary summarize(String storeHash) {
    QueueInspector.StoreActivity activity = queue.storeActivity(storeHash, RECENT_FAILURES);
    return new Summary(
        activity.open(),
        activity.dead(),
        activity.lastCompletedAtMs(),
        cursors.lastPolledAt(storeHash),
        activity.recentFailures().stream()
            .map(
                failed ->
                    new Failure(
                        failed.entity().type() + " " + failed.entity().id(),
                        failed.error(),
                        failed.atMs()))
            .toList());
  }
}
