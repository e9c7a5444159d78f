package io.bcsync.observability;

import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItemStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counters and gauges scraped at {@code /prometheus}. Gauges read the database, cached for a second
 * so a burst of scrapes does not become a burst of queries.
 */
@Singleton
public class PipelineMetrics {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineMetrics.class);
  private static final long GAUGE_CACHE_MS = 1000;

  private final MeterRegistry registry;
  private final Counter received;
  private final Counter duplicates;
  private final Counter processed;
  private final Counter skipped;
  private final Counter retried;
  private final Counter deferred;
  private final Counter deadLettered;
  private final Map<String, Counter> rejectedByReason = new ConcurrentHashMap<>();
  private final Provider<QueueInspector> inspector;
  private final Clock clock;
  private volatile Snapshot snapshot;

  public PipelineMetrics(MeterRegistry registry, Provider<QueueInspector> inspector, Clock clock) {
    this.registry = registry;
    this.inspector = inspector;
    this.clock = clock;
    received =
        Counter.builder("bcsync.webhooks.received")
            .description("Webhooks stored")
            .register(registry);
    duplicates =
        Counter.builder("bcsync.webhooks.duplicate")
            .description("Webhooks acknowledged as repeats of an earlier delivery")
            .register(registry);
    processed =
        Counter.builder("bcsync.items.processed")
            .description("Work items processed")
            .register(registry);
    skipped =
        Counter.builder("bcsync.items.skipped")
            .description("Work items ended SKIPPED: no flow for their kind, or nothing to do")
            .register(registry);
    retried =
        Counter.builder("bcsync.items.retried")
            .description("Failed attempts scheduled again")
            .register(registry);
    deferred =
        Counter.builder("bcsync.items.deferred")
            .description(
                "Work items put back without an attempt counted: what they need was busy elsewhere")
            .register(registry);
    deadLettered =
        Counter.builder("bcsync.items.dead_lettered")
            .description("Work items dead-lettered")
            .register(registry);
    Gauge.builder("bcsync.queue.depth", this, m -> m.current().pending())
        .description("Work items waiting (PENDING)")
        .register(registry);
    Gauge.builder("bcsync.queue.in_progress", this, m -> m.current().inProgress())
        .description("Work items being processed")
        .register(registry);
    Gauge.builder("bcsync.queue.dead_letters", this, m -> m.current().dead())
        .description("Work items in the dead letters")
        .register(registry);
    Gauge.builder(
            "bcsync.queue.oldest_pending_age_seconds", this, m -> m.current().oldestAgeSeconds())
        .description("Age of the oldest item not yet processed")
        .register(registry);
  }

  public void webhookReceived() {
    received.increment();
  }

  public void webhookDuplicate() {
    duplicates.increment();
  }

  /**
   * @param reason a fixed, low-cardinality word such as {@code unauthorized} or {@code malformed}
   */
  public void webhookRejected(String reason) {
    rejectedByReason
        .computeIfAbsent(
            reason,
            r ->
                Counter.builder("bcsync.webhooks.rejected")
                    .description("Webhooks refused with a 4xx")
                    .tag("reason", r)
                    .register(registry))
        .increment();
  }

  public void itemProcessed() {
    processed.increment();
  }

  public void itemSkipped() {
    skipped.increment();
  }

  public void itemRetried() {
    retried.increment();
  }

  public void itemDeferred() {
    deferred.increment();
  }

  public void itemDeadLettered() {
    deadLettered.increment();
  }

  private Snapshot current() {
    long now = clock.millis();
    Snapshot cached = snapshot;
    if (cached != null && Math.abs(now - cached.takenAtMs()) < GAUGE_CACHE_MS) {
      return cached;
    }
    try {
      QueueInspector queue = inspector.get();
      Map<WorkItemStatus, Long> counts = queue.countsByStatus();
      double oldestAge =
          queue.oldestOpenCreatedAt().map(created -> (now - created) / 1000.0).orElse(0.0);
      Snapshot fresh =
          new Snapshot(
              now,
              counts.get(WorkItemStatus.PENDING),
              counts.get(WorkItemStatus.IN_PROGRESS),
              counts.get(WorkItemStatus.DEAD),
              oldestAge);
      snapshot = fresh;
      return fresh;
    } catch (RuntimeException e) {
      // A scrape must not fail because the database is down; /health reports that. NaN marks
      // "unknown".
      LOG.warn("Could not read queue gauges: {}", e.getMessage());
      return new Snapshot(now, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
  }

  private record Snapshot(
      long takenAtMs, double pending, double inProgress, double dead, double oldestAgeSeconds) {}
}
