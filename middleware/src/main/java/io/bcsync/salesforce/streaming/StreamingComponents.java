package io.bcsync.salesforce.streaming;

import io.bcsync.config.ReconciliationPollConfig;
import io.bcsync.config.SalesforceConfig;
import io.bcsync.config.SalesforceStreamingConfig;
import io.bcsync.db.Db;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.WorkSignal;
import io.bcsync.salesforce.auth.TokenProvider;
import io.bcsync.salesforce.soap.SalesforceConnector;
import io.bcsync.sync.changes.SeenRecords;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the subscriber's parts; one supervisor per instance (tests build a second one to play
 * another instance).
 */
@Singleton
public class StreamingComponents {
  private final SalesforceConfig salesforce;
  private final SalesforceStreamingConfig config;
  private final TokenProvider tokens;
  private final SalesforceConnector connector;
  private final StreamingMetrics metrics;
  private final Clock clock;
  private final ReplayStore replays;
  private final ReconciliationQueue reconciliations;
  private final StreamEventRecorder recorder;
  private final Reconciler reconciler;
  private final StreamingLease lease;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "salesforce-streaming");
            thread.setDaemon(true);
            return thread;
          });

  StreamingComponents(
      SalesforceConfig salesforce,
      SalesforceStreamingConfig config,
      TokenProvider tokens,
      SalesforceConnector connector,
      StreamingMetrics metrics,
      Clock clock,
      Db db,
      ReplayRepository replayRows,
      ReconciliationRepository reconciliationRows,
      LeaseRepository leaseRows,
      EventIntake intake,
      WorkSignal signal,
      ReconciliationPollConfig pollConfig,
      SeenRecords seen) {
    this.salesforce = salesforce;
    this.config = config;
    this.tokens = tokens;
    this.connector = connector;
    this.metrics = metrics;
    this.clock = clock;
    this.replays = new ReplayStore(db, replayRows);
    this.reconciliations = new ReconciliationQueue(db, reconciliationRows);
    this.recorder =
        new StreamEventRecorder(db, intake, signal, replays, reconciliations, metrics, clock);
    this.reconciler =
        new Reconciler(
            db,
            intake,
            signal,
            reconciliations,
            new ReconciliationPoll(reconciliations, pollConfig, clock),
            seen,
            config.integrationUserId(),
            clock);
    this.lease = new StreamingLease(db, leaseRows, clock, config.leaseTtl());
  }

  public StreamingSupervisor supervisor(String instanceId) {
    return new StreamingSupervisor(
        instanceId,
        lease,
        () ->
            new StreamingClient(
                salesforce,
                config,
                tokens,
                connector,
                recorder,
                replays,
                reconciliations,
                metrics,
                clock,
                scheduler),
        reconciler,
        connector,
        replays,
        metrics,
        config,
        clock);
  }

  public ReplayStore replays() {
    return replays;
  }

  public ReconciliationQueue reconciliations() {
    return reconciliations;
  }

  public StreamingLease lease() {
    return lease;
  }

  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  public SalesforceStreamingConfig config() {
    return config;
  }

  @PreDestroy
  void close() {
    scheduler.shutdownNow();
  }
}
