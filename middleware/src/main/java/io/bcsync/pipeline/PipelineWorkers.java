package io.bcsync.pipeline;

import io.bcsync.config.PipelineConfig;
import io.bcsync.config.ShutdownConfig;
import io.bcsync.db.DataAccessFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background threads that keep draining the queue. Disabled with {@code
 * bcsync.pipeline.workers-enabled=false} (tests drive {@link BatchProcessor} directly for
 * determinism).
 */
@Singleton
@Requires(property = "bcsync.pipeline.workers-enabled", notEquals = "false")
public class PipelineWorkers implements ApplicationEventListener<ServerStartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineWorkers.class);
  private static final long MAX_FAILURE_BACKOFF_MS = 5_000;
  // Time an interrupted batch gets to write its released outcomes before the pool closes.
  private static final long RELEASE_WAIT_MILLIS = 5_000;

  private final BatchProcessor processor;
  private final ClaimGathering gathering;
  private final WorkSignal signal;
  private final PipelineConfig config;
  private final ShutdownConfig shutdown;
  private final Counter failures;
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running;

  public PipelineWorkers(
      BatchProcessor processor,
      ClaimGathering gathering,
      WorkSignal signal,
      PipelineConfig config,
      ShutdownConfig shutdown,
      MeterRegistry registry) {
    this.processor = processor;
    this.gathering = gathering;
    this.signal = signal;
    this.config = config;
    this.shutdown = shutdown;
    this.failures =
        Counter.builder("bcsync.pipeline.worker.failures")
            .description("Worker cycles that failed (database unavailable, or a bug)")
            .register(registry);
  }

  @Override
  public synchronized void onApplicationEvent(ServerStartupEvent event) {
    if (running) {
      return;
    }
    running = true;
    for (int i = 0; i < config.workers(); i++) {
      Thread thread = new Thread(this::loop, "bcsync-worker-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    LOG.info("Started {} pipeline worker(s)", config.workers());
  }

  private void loop() {
    long failureBackoffMs = 0;
    while (running) {
      try {
        int claimed = processor.processGatheredBatch();
        if (failureBackoffMs > 0) {
          LOG.info("Pipeline worker resumed after a failed cycle");
        }
        failureBackoffMs = 0;
        if (claimed == 0) {
          signal.await(gathering.idleWait(config.idlePollInterval()));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database is unreachable or similar: claimed items stay leased and are recovered
        // once their lease expires. Try again soon, so work resumes by itself when it is back.
        failures.increment();
        boolean first = failureBackoffMs == 0;
        failureBackoffMs = Math.min(Math.max(failureBackoffMs * 2, 500), MAX_FAILURE_BACKOFF_MS);
        if (e instanceof DataAccessFailure failure && failure.isUnavailable()) {
          if (first) {
            LOG.warn(
                "Pipeline worker cycle failed, database unavailable ({}); retrying every {} ms at"
                    + " most",
                e.getMessage(),
                MAX_FAILURE_BACKOFF_MS);
          }
        } else {
          LOG.error("Pipeline worker cycle failed; pausing {} ms", failureBackoffMs, e);
        }
        try {
          TimeUnit.MILLISECONDS.sleep(failureBackoffMs);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * Claims nothing more and lets each worker finish the batch it runs, for up to {@code grace}; a
   * batch still running then is interrupted, and {@link BatchProcessor} releases its items to the
   * queue (due now, not attempted). Idle workers are woken and stop at once.
   */
  public synchronized void stopGracefully(Duration grace) {
    if (threads.isEmpty()) {
      return;
    }
    running = false;
    threads.forEach(thread -> signal.wake());
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      for (Thread thread : threads) {
        thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
      List<Thread> late = threads.stream().filter(Thread::isAlive).toList();
      if (!late.isEmpty()) {
        LOG.warn(
            "{} pipeline worker(s) still busy after {}; interrupting, their items are released",
            late.size(),
            grace);
        late.forEach(Thread::interrupt);
        for (Thread thread : late) {
          thread.join(RELEASE_WAIT_MILLIS);
        }
      }
    } catch (InterruptedException e) {
      threads.forEach(Thread::interrupt);
      Thread.currentThread().interrupt();
    }
    threads.clear();
    LOG.info("Pipeline workers stopped");
  }

  @PreDestroy
  public void stop() {
    stopGracefully(shutdown.workerGrace());
  }
}
