package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How an instance stops on SIGTERM (a rolling restart, a scale-down): intake closes at once (503
 * with Retry-After), and the rest is bounded by these durations. Bound from {@code
 * bcsync.shutdown.*}; docs/operations.md, "Graceful shutdown".
 *
 * @param drainDelay least time the server keeps answering after SIGTERM (webhooks 503, {@code
 *     /health} 503) before it stops listening, so a load balancer that has not yet seen the failed
 *     readiness probe gets an answer instead of a refused connection. 0 by default (a developer's
 *     Ctrl-C); a few seconds behind Kubernetes.
 * @param workerGrace longest the pipeline workers may take to finish the batch they are running; a
 *     batch still running then is interrupted and its items go back to the queue (not attempted),
 *     so another instance runs them. Keep it under the orchestrator's grace period.
 */
@ConfigurationProperties(ShutdownConfig.PREFIX)
public record ShutdownConfig(
    @Bindable(defaultValue = "0s") Duration drainDelay,
    @Bindable(defaultValue = "20s") Duration workerGrace) {
  public static final String PREFIX = "bcsync.shutdown";

  public ShutdownConfig {
    if (drainDelay.isNegative()) {
      throw new InvalidConfigurationException(
          PREFIX + ".drain-delay", "must not be negative, was " + drainDelay);
    }
    if (workerGrace.isNegative() || workerGrace.isZero()) {
      throw new InvalidConfigurationException(
          PREFIX + ".worker-grace", "must be positive, was " + workerGrace);
    }
  }
}
