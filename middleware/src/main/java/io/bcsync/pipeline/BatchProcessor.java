package io.bcsync.pipeline;

import io.bcsync.config.PipelineConfig;
import io.bcsync.observability.PipelineMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claim-process-record cycle. Workers call it in a loop; tests call it directly to run due work
 * now. Whatever the handler does (returns, forgets an item, throws), every claimed item ends the
 * cycle either DONE, back in the queue with a later attempt time, or dead-lettered: nothing is
 * dropped. While the handler runs, the {@link Heartbeat} renews the batch's lease, so it expires
 * only when this worker stops (dies, or loses the database for longer than a lease).
 */
@Singleton
public class BatchProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);
  private static final Outcome MISSING_OUTCOME =
      Outcome.retry("handler returned no outcome for this item");
  static final String RELEASED_AT_SHUTDOWN =
      "released: the instance running it shut down mid-batch (not attempted)";

  private final WorkQueue queue;
  private final WorkItemHandler handler;
  private final FailureClassifier classifier;
  private final RetryPolicy retryPolicy;
  private final PipelineConfig config;
  private final PipelineMetrics metrics;
  private final Clock clock;
  private final Heartbeat heartbeat;
  private final WorkLeases leases;
  private final ClaimGathering gathering;
  private final String instanceId = UUID.randomUUID().toString().substring(0, 8);

  public BatchProcessor(
      WorkQueue queue,
      WorkItemHandler handler,
      FailureClassifier classifier,
      RetryPolicy retryPolicy,
      PipelineConfig config,
      PipelineMetrics metrics,
      Clock clock,
      Heartbeat heartbeat,
      WorkLeases leases,
      ClaimGathering gathering) {
    this.queue = queue;
    this.handler = handler;
    this.classifier = classifier;
    this.retryPolicy = retryPolicy;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
    this.heartbeat = heartbeat;
    this.leases = leases;
    this.gathering = gathering;
  }

  /** Claims and processes one batch of due items; returns how many were claimed. */
  public int processDueBatch() {
    String leaseToken = instanceId + ":" + UUID.randomUUID();
    long now = clock.millis();
    long expiresAt = now + config.leaseTimeout().toMillis();
    return process(
        queue.claim(leaseToken, config.batchSize(), now, expiresAt), leaseToken, expiresAt);
  }

  /**
   * The workers' cycle: like {@link #processDueBatch()}, but the items of groups still gathering
   * ({@link ClaimGathering}) are left in the queue for a later, fuller batch.
   */
  public int processGatheredBatch() {
    String leaseToken = instanceId + ":" + UUID.randomUUID();
    long now = clock.millis();
    long expiresAt = now + config.leaseTimeout().toMillis();
    GatherWindows.Round round = gathering.begin(now);
    List<WorkItem> batch;
    try {
      batch = queue.claim(leaseToken, config.batchSize(), now, expiresAt, round.heldBack());
    } finally {
      gathering.end(round);
    }
    return process(batch, leaseToken, expiresAt);
  }

  private int process(List<WorkItem> batch, String leaseToken, long itemsExpireAt) {
    if (batch.isEmpty()) {
      return 0;
    }
    Map<Long, Outcome> outcomes;
    Outcome.Failure batchFailure = null;
    boolean interruptedMidBatch = false;
    BatchLease lease =
        new BatchLease(leaseToken, batch.stream().map(WorkItem::id).toList(), itemsExpireAt);
    try (Heartbeat.Beat ignored =
        heartbeat.start(
            "the lease of a batch of " + batch.size() + " work item(s)", () -> renew(lease))) {
      outcomes = handler.handle(batch);
    } catch (Exception e) {
      batchFailure = classifier.classify(e);
      interruptedMidBatch = Thread.currentThread().isInterrupted() || causedByInterrupt(e);
      if (!interruptedMidBatch) {
        LOG.warn(
            "Handler failed for a batch of {} items ({})", batch.size(), batchFailure.error(), e);
      }
      outcomes = Map.of();
    }
    // Interrupted: this instance is shutting down and its worker grace ran out mid-batch
    // (PipelineWorkers#stopGracefully). If the handler gave up, the batch's items are released,
    // due now and with their attempt given back, so another instance runs them at once; outcomes
    // the handler did return are kept. The flag is cleared while the outcomes are written (an
    // interrupted thread's JDBC calls may fail) and set again after.
    boolean interrupted = Thread.interrupted() || interruptedMidBatch;
    boolean released = interruptedMidBatch;
    long finishedAt = clock.millis();
    List<WorkQueue.Finish> decisions = new ArrayList<>(batch.size());
    for (WorkItem item : batch) {
      Outcome outcome =
          batchFailure != null ? batchFailure : outcomes == null ? null : outcomes.get(item.id());
      decisions.add(
          released
              ? WorkQueue.Finish.defer(item.id(), finishedAt, RELEASED_AT_SHUTDOWN)
              : decide(item, outcome == null ? MISSING_OUTCOME : outcome, finishedAt));
    }
    List<Boolean> applied;
    try {
      applied = queue.finish(decisions, leaseToken, finishedAt);
    } finally {
      if (released) {
        LOG.info("Released {} work item(s) of an interrupted batch at shutdown", batch.size());
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    for (int i = 0; i < decisions.size(); i++) {
      WorkQueue.Finish decision = decisions.get(i);
      if (!applied.get(i)) {
        // The lease expired and the item was recovered (and maybe re-claimed) meanwhile; that
        // attempt owns it now.
        LOG.warn(
            "Work item {} was no longer held by this worker when its attempt finished",
            decision.id());
        continue;
      }
      switch (decision.kind()) {
        case COMPLETE -> metrics.itemProcessed();
        case SKIP -> {
          metrics.itemSkipped();
          LOG.debug(
              "Work item {} ({}) skipped: {}",
              decision.id(),
              batch.get(i).entity(),
              decision.error());
        }
        case RETRY -> metrics.itemRetried();
        case DEFER -> metrics.itemDeferred();
        case DEAD_LETTER -> {
          metrics.itemDeadLettered();
          WorkItem item = batch.get(i);
          LOG.warn(
              "Dead-lettered work item {} ({}) after {} attempt(s): {}",
              item.id(),
              item.entity(),
              item.attempts(),
              decision.error());
        }
      }
    }
    return batch.size();
  }

  /**
   * One beat for a running batch: its lease row lasts another lease timeout. A lease already
   * recovered (it lapsed while the database was out of reach) is not taken back; this attempt's
   * outcomes will then be ignored, as the items belong to whoever runs them next.
   *
   * <p>The items' own expiry is moved too, but only when it would otherwise pass within two beats:
   * an instance of a version before V39 (during a rolling upgrade) recovers by that column alone,
   * and would take back a batch that runs longer than a lease timeout although it is renewed
   * (measured by scripts/check-rolling-upgrade). A batch shorter than a lease timeout less two
   * beats (10 s by default) never pays for it; a longer one pays one update of its items each lease
   * timeout less two beats, not one each beat as before V39.
   */
  private void renew(BatchLease lease) {
    long now = clock.millis();
    long expiresAt = now + config.leaseTimeout().toMillis();
    boolean items = lease.itemsExpireAt - now <= 2 * config.leaseRenewalInterval().toMillis();
    if (!leases.renew(lease.token, expiresAt, items ? lease.itemIds : List.of())) {
      LOG.warn(
          "The lease of a running batch lapsed and was recovered; its outcomes will be ignored");
    } else if (items) {
      lease.itemsExpireAt = expiresAt;
    }
  }

  /** What the heartbeat renews for one running batch. */
  private static final class BatchLease {
    final String token;
    final List<Long> itemIds;

    /** The items' own {@code lease_expires_at_ms}, as the claim or the last renewal of it wrote. */
    volatile long itemsExpireAt;

    BatchLease(String token, List<Long> itemIds, long itemsExpireAt) {
      this.token = token;
      this.itemIds = itemIds;
      this.itemsExpireAt = itemsExpireAt;
    }
  }

  /**
   * An interrupt the handler turned into an exception (and so cleared the thread's flag). Not
   * {@code InterruptedIOException}: a socket timeout is one, and is an ordinary retryable failure.
   */
  private static boolean causedByInterrupt(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedException
          || cause instanceof java.nio.channels.ClosedByInterruptException) {
        return true;
      }
    }
    return false;
  }

  private WorkQueue.Finish decide(WorkItem item, Outcome outcome, long now) {
    if (outcome instanceof Outcome.Success) {
      return WorkQueue.Finish.complete(item.id());
    }
    if (outcome instanceof Outcome.Skipped skipped) {
      return WorkQueue.Finish.skip(item.id(), skipped.reason());
    }
    if (outcome instanceof Outcome.Deferred deferred) {
      // Not attempted: back soon (the first retry's delay), and the claim's attempt is given back.
      return WorkQueue.Finish.defer(
          item.id(), now + retryPolicy.delayAfter(1).toMillis(), deferred.reason());
    }
    Outcome.Failure failure = (Outcome.Failure) outcome;
    if (failure.permanent() || !retryPolicy.mayRetry(item.attempts())) {
      return WorkQueue.Finish.deadLetter(item.id(), failure.error())
          .withEvidence(failure.evidence());
    }
    return WorkQueue.Finish.retry(
            item.id(), now + retryPolicy.delayAfter(item.attempts()).toMillis(), failure.error())
        .withEvidence(failure.evidence());
  }
}
