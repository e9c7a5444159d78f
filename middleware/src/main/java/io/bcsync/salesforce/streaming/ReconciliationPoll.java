package io.bcsync.salesforce.streaming;

import io.bcsync.config.ReconciliationPollConfig;
import java.time.Clock;
import java.util.Optional;

/**
 * Queues each polled object's next reconciliation once its interval has passed. Runs on the
 * streaming leader's tick, so once per cluster. The window starts where the previous poll's did end
 * (its creation time) less {@link StreamEventRecorder#RECONCILE_MARGIN}, so downtime of any length
 * is covered by the first poll after it. The first poll ever starts its window now: what happened
 * before bcsync polled is the backfill's business, and an org's history is not re-read on a fresh
 * install. A poll still pending (its query failed) is retried before another is queued.
 */
final class ReconciliationPoll {
  static final String REASON = "periodic poll";

  private final ReconciliationQueue queue;
  private final ReconciliationPollConfig config;
  private final Clock clock;

  ReconciliationPoll(ReconciliationQueue queue, ReconciliationPollConfig config, Clock clock) {
    this.queue = queue;
    this.config = config;
    this.clock = clock;
  }

  /** Queues the polls that are due; answers how many. */
  int enqueueDue() {
    if (!config.enabled()) {
      return 0;
    }
    long now = clock.millis();
    long interval = config.interval().toMillis();
    int queued = 0;
    for (String object : config.objects()) {
      Optional<ReconciliationQueue.Request> last = queue.latest(object, REASON);
      if (last.isPresent()
          && ("PENDING".equals(last.get().status()) || last.get().createdAtMs() > now - interval)) {
        continue;
      }
      long since =
          last.map(
                  previous ->
                      previous.createdAtMs() - StreamEventRecorder.RECONCILE_MARGIN.toMillis())
              .orElse(now);
      queue.enqueue(object, since, REASON, now);
      queued++;
    }
    return queued;
  }
}
