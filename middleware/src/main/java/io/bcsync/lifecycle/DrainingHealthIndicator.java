package io.bcsync.lifecycle;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Turns {@code /health} DOWN (HTTP 503) from the moment the instance starts shutting down, so a
 * load balancer's readiness check takes it out of rotation while it still answers (webhooks with
 * 503 and Retry-After) during {@code bcsync.shutdown.drain-delay}.
 */
@Singleton
public class DrainingHealthIndicator implements HealthIndicator {
  private final ShutdownState state;

  public DrainingHealthIndicator(ShutdownState state) {
    this.state = state;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    HealthStatus status = state.isDraining() ? HealthStatus.DOWN : HealthStatus.UP;
    return Publishers.just(
        HealthResult.builder("shutdown", status)
            .details(Map.of("draining", state.isDraining()))
            .build());
  }
}
