package io.bcsync.salesforce.streaming;

import io.bcsync.config.SalesforceStreamingConfig;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's stored replay id is past Salesforce's retention: what happened between it and the
 * oldest retained event cannot be replayed. The objects the channel carries are reconciled instead,
 * for records modified since the stored event's time (less a margin); platform-event channels carry
 * no records and can only be reported.
 */
final class ReplayGap {
  private static final Logger LOG = LoggerFactory.getLogger(ReplayGap.class);

  private final ReplayStore replays;
  private final ReconciliationQueue reconciliations;
  private final StreamingMetrics metrics;
  private final Clock clock;

  ReplayGap(
      ReplayStore replays,
      ReconciliationQueue reconciliations,
      StreamingMetrics metrics,
      Clock clock) {
    this.replays = replays;
    this.reconciliations = reconciliations;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Queues the reconciliation of the window lost on {@code channel} (durably) and says so. */
  void reconcile(String channel, String error) {
    metrics.problem(channel, "replay_fallback");
    long since =
        replays.get(channel).map(ReplayStore.Position::eventAtMs).orElse(clock.millis())
            - StreamEventRecorder.RECONCILE_MARGIN.toMillis();
    List<String> entities = SalesforceStreamingConfig.changedObjectOf(channel).stream().toList();
    if (entities.isEmpty()) {
      LOG.error(
          "Streaming: {} on {}: events of this platform-event channel between the stored id and the"
              + " oldest retained one are lost and cannot be reconciled; resubscribing from -2",
          error,
          channel);
      return;
    }
    entities.forEach(
        entity ->
            reconciliations.enqueue(
                entity, since, "replay id on " + channel + " past retention", clock.millis()));
    LOG.warn(
        "Streaming: {} on {}; resubscribing from -2 (all retained events) and reconciling {}"
            + " changed since {}",
        error,
        channel,
        entities,
        Instant.ofEpochMilli(since));
  }
}
