package io.bcsync.salesforce.streaming;

import io.bcsync.config.SalesforceStreamingConfig;
import io.bcsync.salesforce.soap.SalesforceConnector;
import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether this instance subscribes: on every {@link #tick()} it renews or takes the
 * database lease; the holder runs the {@link StreamingClient} and pending reconciliations, everyone
 * else stops its client. Also refreshes the replay-age warning. Ticks come from a timer every
 * lease-check-interval (tests call tick directly).
 */
public class StreamingSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger(StreamingSupervisor.class);

  private final String instanceId;
  private final StreamingLease lease;
  private final Supplier<StreamingClient> clientFactory;
  private final Reconciler reconciler;
  private final SalesforceConnector connector;
  private final ReplayStore replays;
  private final StreamingMetrics metrics;
  private final SalesforceStreamingConfig config;
  private final Clock clock;
  private StreamingClient client;
  private boolean leader;

  public StreamingSupervisor(
      String instanceId,
      StreamingLease lease,
      Supplier<StreamingClient> clientFactory,
      Reconciler reconciler,
      SalesforceConnector connector,
      ReplayStore replays,
      StreamingMetrics metrics,
      SalesforceStreamingConfig config,
      Clock clock) {
    this.instanceId = instanceId;
    this.lease = lease;
    this.clientFactory = clientFactory;
    this.reconciler = reconciler;
    this.connector = connector;
    this.replays = replays;
    this.metrics = metrics;
    this.config = config;
    this.clock = clock;
  }

  public synchronized void tick() {
    boolean holds;
    try {
      holds = lease.tryAcquire(instanceId);
    } catch (RuntimeException e) {
      // Cannot prove leadership without the database: stop rather than risk two subscribers for
      // long.
      LOG.warn(
          "Streaming: lease check failed ({}); not subscribing until it succeeds", e.toString());
      holds = false;
    }
    if (holds && !leader) {
      LOG.info("Streaming: instance {} is now the subscriber", instanceId);
    } else if (!holds && leader) {
      LOG.info("Streaming: instance {} lost the streaming lease; unsubscribing", instanceId);
    }
    leader = holds;
    metrics.leader(holds);
    if (!holds) {
      stopClient();
      return;
    }
    try {
      if (client == null) {
        client = clientFactory.get();
      }
      if (!client.isRunning()) {
        client.start();
      }
      reconciler.runPending(connector.session());
    } catch (Exception e) {
      LOG.warn("Streaming: could not subscribe or reconcile yet: {}", e.toString());
    }
    warnAboutOldReplayIds();
  }

  private void warnAboutOldReplayIds() {
    long now = clock.millis();
    for (Map.Entry<String, ReplayStore.Position> entry : replays.all().entrySet()) {
      long age = Math.max(0, now - entry.getValue().eventAtMs()) / 1000;
      metrics.replayAge(entry.getKey(), age);
      if (age > config.replayWarnAge().toSeconds()) {
        LOG.warn(
            "Streaming: the stored replay id of {} is {} h old; Salesforce keeps events 72 h. If the stream"
                + " reconnects after that, the window is reconciled by query instead of replayed.",
            entry.getKey(),
            age / 3600);
      }
    }
  }

  public synchronized boolean isLeader() {
    return leader;
  }

  public synchronized StreamingClient client() {
    return client;
  }

  /** Clean shutdown: stop and hand the lease over at once. */
  public synchronized void shutdown() {
    stopClient();
    if (leader) {
      lease.release(instanceId);
      leader = false;
      metrics.leader(false);
    }
  }

  /** Simulates a crash in tests: the client stops, the lease is not released and simply expires. */
  synchronized void abandon() {
    stopClient();
    leader = false;
  }

  private void stopClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  public String instanceId() {
    return instanceId;
  }
}
