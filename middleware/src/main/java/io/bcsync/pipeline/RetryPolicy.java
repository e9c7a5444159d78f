package io.bcsync.pipeline;

import io.bcsync.config.PipelineConfig;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the n-th retry waits between half and all of {@code
 * min(backoff-max, backoff-initial * 2^(n-1))}. The random half spreads retries of items that
 * failed together (say, during a Salesforce outage) so they do not return as one thundering herd.
 */
@Singleton
public class RetryPolicy {
  private final PipelineConfig config;
  private final DoubleSupplier random;

  public RetryPolicy(PipelineConfig config) {
    this(config, () -> ThreadLocalRandom.current().nextDouble());
  }

  RetryPolicy(PipelineConfig config, DoubleSupplier random) {
    this.config = config;
    this.random = random;
  }

  /** True when an item that has failed {@code attempts} times may be tried again. */
  public boolean mayRetry(int attempts) {
    return attempts < config.maxAttempts();
  }

  public Duration delayAfter(int attempts) {
    long initial = config.backoffInitial().toMillis();
    long max = config.backoffMax().toMillis();
    int doublings = Math.min(Math.max(attempts - 1, 0), 30);
    long ceiling = Math.min(max, initial * (1L << doublings));
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (ceiling - half)));
  }
}
