package io.bcsync.pipeline;

import io.bcsync.config.PipelineConfig;
import io.bcsync.db.SessionLimits;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews what running work holds in the database (a batch's work item leases, the customer claims
 * of a batch) every {@code lease-renewal-interval}, for as long as the work runs. Leases can then
 * be short: a live worker keeps its own however long its Salesforce calls take, and the work of a
 * worker that died is free again within one lease timeout instead of waiting out a worst case.
 *
 * <p>One thread renews every registered lease in turn, each renewal under {@link #LIMITS} so a dead
 * connection cannot stall the others. A renewal that fails (the database is unreachable) is logged
 * and tried again at the next beat; if the database stays away longer than a lease, the lease
 * lapses and the work is recovered like a dead worker's, which the lease token makes safe.
 *
 * <p>A worker that hangs (not dead, but never finishing) would otherwise keep its leases forever:
 * after {@link #MAX_RENEWING} a lease is no longer renewed, so its work is recovered.
 */
@Singleton
public class Heartbeat {
  private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

  /** For the renewals' statements: short, as each is one small update. */
  public static final SessionLimits LIMITS =
      new SessionLimits(Duration.ofSeconds(2), Duration.ofSeconds(10));

  /** Far longer than a batch takes (its Salesforce calls time out after two minutes each). */
  static final Duration MAX_RENEWING = Duration.ofMinutes(30);

  private final Set<Beat> beating = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService timer;
  private final Clock clock;

  public Heartbeat(PipelineConfig config, Clock clock) {
    this.clock = clock;
    timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "lease-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long every = config.leaseRenewalInterval().toMillis();
    timer.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Renews {@code renewal} at every beat until the returned handle is closed. {@code what} names it
   * in the log.
   */
  public Beat start(String what, Runnable renewal) {
    Beat beat = new Beat(what, renewal, clock.millis());
    beating.add(beat);
    return beat;
  }

  /** Renews everything registered now (the timer calls this; tests call it to skip the wait). */
  public void beat() {
    for (Beat beat : beating) {
      if (clock.millis() - beat.started > MAX_RENEWING.toMillis()) {
        LOG.warn("Stopped renewing {} after {}: its worker seems hung", beat.what, MAX_RENEWING);
        beat.close();
        continue;
      }
      try {
        beat.renewal.run();
      } catch (RuntimeException e) {
        LOG.warn("Could not renew {} ({}); trying again at the next beat", beat.what, e.toString());
      }
    }
  }

  /** Leases renewed at each beat now. */
  public int beating() {
    return beating.size();
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }

  /** One registered renewal; closing it stops the renewing. */
  public final class Beat implements AutoCloseable {
    private final String what;
    private final Runnable renewal;
    private final long started;

    private Beat(String what, Runnable renewal, long started) {
      this.what = what;
      this.renewal = renewal;
      this.started = started;
    }

    @Override
    public void close() {
      beating.remove(this);
    }
  }
}
