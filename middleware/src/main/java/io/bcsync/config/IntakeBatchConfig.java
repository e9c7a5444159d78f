package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How webhook intake groups concurrent callbacks into shared transactions, and how quickly it gives
 * up when the database cannot take them (see docs/pipeline.md, "Group commit" and "Failing fast").
 * Same prefix as {@link PipelineConfig}; a record of its own so intake stays one concern.
 *
 * @param intakeBatchMax most callbacks committed in one transaction
 * @param intakeWriters threads committing groups; each holds one database connection while it
 *     commits
 * @param intakeQueueMax most callbacks waiting for a writer; beyond it a callback is answered 503
 *     at once
 * @param intakeTimeout longest a callback waits for its commit before it is answered 503 (it may
 *     still be stored; a redelivery is then recognised as a duplicate)
 * @param intakeLockWait longest an intake statement waits for a lock held by someone else
 * @param intakeNetworkTimeout longest an intake statement waits for the database to answer at all
 *     (MySQL/MariaDB socket timeout); longer than the lock wait
 */
@ConfigurationProperties(PipelineConfig.PREFIX)
public record IntakeBatchConfig(
    @Bindable(defaultValue = "256") int intakeBatchMax,
    @Bindable(defaultValue = "2") int intakeWriters,
    @Bindable(defaultValue = "10000") int intakeQueueMax,
    @Bindable(defaultValue = "2s") Duration intakeTimeout,
    @Bindable(defaultValue = "1s") Duration intakeLockWait,
    @Bindable(defaultValue = "5s") Duration intakeNetworkTimeout) {

  public static final int MAX_BATCH = 1000;
  public static final int MAX_WRITERS = 16;
  public static final int MAX_QUEUE = 1_000_000;

  public IntakeBatchConfig {
    requireBetween(intakeBatchMax, 1, MAX_BATCH, "intake-batch-max");
    requireBetween(intakeWriters, 1, MAX_WRITERS, "intake-writers");
    requireBetween(intakeQueueMax, 1, MAX_QUEUE, "intake-queue-max");
    requirePositive(intakeTimeout, "intake-timeout");
    requirePositive(intakeLockWait, "intake-lock-wait");
    requirePositive(intakeNetworkTimeout, "intake-network-timeout");
    if (intakeNetworkTimeout.compareTo(intakeLockWait) <= 0) {
      throw new InvalidConfigurationException(
          PipelineConfig.PREFIX + ".intake-network-timeout",
          "must be longer than intake-lock-wait ("
              + intakeLockWait
              + "), or a statement waiting for a lock would lose its connection; was "
              + intakeNetworkTimeout);
    }
  }

  private static void requireBetween(int value, int min, int max, String key) {
    if (value < min || value > max) {
      throw new InvalidConfigurationException(
          PipelineConfig.PREFIX + "." + key,
          "must be between " + min + " and " + max + ", was " + value);
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new InvalidConfigurationException(
          PipelineConfig.PREFIX + "." + key, "must be a positive duration, was " + value);
    }
  }
}
