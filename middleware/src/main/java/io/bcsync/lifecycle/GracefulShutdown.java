package io.bcsync.lifecycle;

import io.bcsync.config.ShutdownConfig;
import io.bcsync.pipeline.IntakeGate;
import io.bcsync.pipeline.PipelineWorkers;
import io.bcsync.salesforce.streaming.StreamingRunner;
import io.micronaut.context.BeanContext;
import io.micronaut.context.BeanRegistration;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops this instance without losing or repeating work, while its HTTP server still answers: the
 * signal handler ({@link ShutdownSignals}) calls {@link #drain()} on SIGTERM before Micronaut stops
 * the server and the context. In order:
 *
 * <ol>
 *   <li>{@code /health} turns DOWN (503) and webhook intake closes: a new callback gets 503 with
 *       Retry-After (BigCommerce, or the load balancer, sends it again, to another instance), and
 *       the callbacks already queued are committed in their groups and acknowledged.
 *   <li>Streaming stops: the event being recorded commits together with its replay id, the lease is
 *       released so another instance subscribes at once, and what was not recorded is replayed from
 *       the stored id.
 *   <li>The pipeline workers claim nothing more and finish the batch they run (up to {@code
 *       worker-grace}); a batch still running then is interrupted and its items are released to the
 *       queue, not attempted.
 *   <li>The server keeps answering until {@code drain-delay} has passed since the signal.
 * </ol>
 *
 * Each step is idempotent, and the beans' own {@code @PreDestroy} repeat it harmlessly. A context
 * stopped without the signal (a test, an embedding) drains on its {@link ShutdownEvent}, which
 * Micronaut publishes before it destroys any bean.
 */
@Singleton
public class GracefulShutdown implements ApplicationEventListener<ShutdownEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);

  private final ShutdownState state;
  private final ShutdownConfig config;
  private final BeanContext beans;
  private final IntakeGate intakeGate;
  private boolean drained;

  public GracefulShutdown(
      ShutdownState state, ShutdownConfig config, BeanContext beans, IntakeGate intakeGate) {
    this.state = state;
    this.config = config;
    this.beans = beans;
    this.intakeGate = intakeGate;
  }

  /** Runs the steps above once; a second call (a second signal) waits for the first. */
  public synchronized void drain() {
    if (drained) {
      return;
    }
    drained = true;
    long started = System.nanoTime();
    LOG.info(
        "Shutting down: intake answers 503, workers finish their batches (up to {}), streaming"
            + " stores its position",
        config.workerGrace());
    // Intake closes before the state says "draining", so whoever sees the drain (health 503) also
    // gets 503 for a new callback; the other order let a callback in between be stored and
    // acknowledged (RollingRestartTest). Through the gate, so an intake created just now is closed
    // too.
    intakeGate.close();
    state.begin();
    // Only beans that exist: workers and streaming are off in some configurations, and creating
    // one while shutting down would start what is being stopped.
    for (BeanRegistration<StreamingRunner> runner :
        beans.getActiveBeanRegistrations(StreamingRunner.class)) {
      runner.bean().stop();
    }
    for (BeanRegistration<PipelineWorkers> running :
        beans.getActiveBeanRegistrations(PipelineWorkers.class)) {
      running.bean().stopGracefully(config.workerGrace());
    }
    waitOutDrainDelay(started);
    LOG.info(
        "Shutdown drained in {} ms; stopping the server",
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private void waitOutDrainDelay(long started) {
    Duration left = config.drainDelay().minusNanos(System.nanoTime() - started);
    if (left.isNegative() || left.isZero()) {
      return;
    }
    try {
      Thread.sleep(left.toMillis());
    } catch (InterruptedException e) {
      // A second, impatient signal: stop waiting and let the shutdown go on.
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void onApplicationEvent(ShutdownEvent event) {
    drain();
  }
}
