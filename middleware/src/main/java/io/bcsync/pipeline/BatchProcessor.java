package io.bcsync.pipeline;

import io.bcsync.config.PipelineConfig;
import io.bcsync.observability.PipelineMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claim-process-record cycle. Workers call it in a loop; tests call it directly to run due work now.
 * Whatever the handler does (returns, forgets an item, throws), every claimed item ends the cycle either DONE,
 * back in the queue with a later attempt time, or dead-lettered: nothing is dropped.
 */
@Singleton
public class BatchProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

  private final WorkQueue queue;
  private final WorkItemHandler handler;
  private final FailureClassifier classifier;
  private final RetryPolicy retryPolicy;
  private final PipelineConfig config;
  private final PipelineMetrics metrics;
  private final Clock clock;
  private final String instanceId = UUID.randomUUID().toString().substring(0, 8);

  public BatchProcessor(
      WorkQueue queue,
      WorkItemHandler handler,
      FailureClassifier classifier,
      RetryPolicy retryPolicy,
      PipelineConfig config,
      PipelineMetrics metrics,
      Clock clock) {
    this.queue = queue;
    this.handler = handler;
    this.classifier = classifier;
    this.retryPolicy = retryPolicy;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Claims and processes one batch of due items; returns how many were claimed. */
  public int processDueBatch() {
    String leaseToken = instanceId + ":" + UUID.randomUUID();
    long now = clock.millis();
    List<WorkItem> batch =
        queue.claim(leaseToken, config.batchSize(), now, now + config.leaseTimeout().toMillis());
    if (batch.isEmpty()) {
      return 0;
    }
    Map<Long, Outcome> outcomes;
    try {
      outcomes = handler.handle(batch);
    } catch (Exception e) {
      Outcome.Failure failure = classifier.classify(e);
      LOG.warn("Handler failed for a batch of {} items ({})", batch.size(), failure.error(), e);
      for (WorkItem item : batch) {
        record(item, leaseToken, failure);
      }
      return batch.size();
    }
    for (WorkItem item : batch) {
      Outcome outcome = outcomes == null ? null : outcomes.get(item.id());
      record(item, leaseToken, outcome == null ? Outcome.retry("handler returned no outcome for this item") : outcome);
    }
    return batch.size();
  }

  private void record(WorkItem item, String leaseToken, Outcome outcome) {
    long now = clock.millis();
    boolean applied;
    if (outcome instanceof Outcome.Success) {
      applied = queue.complete(item.id(), leaseToken, now);
      if (applied) {
        metrics.itemProcessed();
      }
    } else {
      Outcome.Failure failure = (Outcome.Failure) outcome;
      if (failure.permanent() || !retryPolicy.mayRetry(item.attempts())) {
        applied = queue.deadLetter(item.id(), leaseToken, now, failure.error());
        if (applied) {
          metrics.itemDeadLettered();
          LOG.warn("Dead-lettered work item {} ({}) after {} attempt(s): {}",
              item.id(), item.entity(), item.attempts(), failure.error());
        }
      } else {
        long next = now + retryPolicy.delayAfter(item.attempts()).toMillis();
        applied = queue.retryLater(item.id(), leaseToken, now, next, failure.error());
        if (applied) {
          metrics.itemRetried();
        }
      }
    }
    if (!applied) {
      // The lease expired and the item was recovered (and maybe re-claimed) meanwhile; that attempt owns it now.
      LOG.warn("Work item {} was no longer held by this worker when its attempt finished", item.id());
    }
  }
}
