package io.bcsync.bigcommerce.app;

import io.bcsync.bigcommerce.catchup.SyncCursors;
import io.bcsync.pipeline.QueueActivity;
import io.bcsync.pipeline.QueueInspector;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What the app page shows about one store (never another store's work). */
@Singleton
public class StoreStatus {
  private static final int RECENT_FAILURES = 5;
  private static final Duration HOUR = Duration.ofHours(1);
  private static final Duration BUCKET = Duration.ofMinutes(1);

  private final QueueInspector queue;
  private final QueueActivity activity;
  private final SyncCursors cursors;
  private final Clock clock;

  public StoreStatus(
      QueueInspector queue, QueueActivity activity, SyncCursors cursors, Clock clock) {
    this.queue = queue;
    this.activity = activity;
    this.cursors = cursors;
    this.clock = clock;
  }

  public record Failure(String entity, String error, long atMs) {}

  /** The store's last hour, as the operator console's overview counts it (QueueActivity). */
  public record LastHour(long received, long synced, long retried, long dead) {}

  public record Summary(
      long queued,
      long deadLetters,
      Optional<Long> lastSyncMs,
      Optional<Long> lastPollMs,
      List<Failure> recentFailures,
      LastHour lastHour) {}

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
            .toList(),
        lastHour(storeHash));
  }

  private LastHour lastHour(String storeHash) {
    long now = clock.millis();
    List<QueueActivity.Bucket> buckets =
        activity
            .perStore(now - HOUR.toMillis() + BUCKET.toMillis(), now + 1, BUCKET.toMillis())
            .getOrDefault(storeHash, List.of());
    long received = 0;
    long synced = 0;
    long retried = 0;
    long dead = 0;
    for (QueueActivity.Bucket bucket : buckets) {
      received += bucket.received();
      synced += bucket.synced();
      retried += bucket.retried();
      dead += bucket.dead();
    }
    return new LastHour(received, synced, retried, dead);
  }
}
