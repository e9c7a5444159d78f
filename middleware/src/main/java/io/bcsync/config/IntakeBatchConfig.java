package io.bcsync.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * How webhook intake groups concurrent callbacks into shared transactions (see docs/pipeline.md,
 * "Group commit"). Same prefix as {@link PipelineConfig}; a record of its own so intake batching
 * stays one concern.
 *
 * @param intakeBatchMax most callbacks committed in one transaction
 * @param intakeWriters threads committing groups; each holds one database connection while it
 *     commits
 */
@ConfigurationProperties(PipelineConfig.PREFIX)
public record IntakeBatchConfig(
    @Bindable(defaultValue = "256") int intakeBatchMax,
    @Bindable(defaultValue = "2") int intakeWriters) {

  public static final int MAX_BATCH = 1000;
  public static final int MAX_WRITERS = 16;

  public IntakeBatchConfig {
    requireBetween(intakeBatchMax, 1, MAX_BATCH, "intake-batch-max");
    requireBetween(intakeWriters, 1, MAX_WRITERS, "intake-writers");
  }

  private static void requireBetween(int value, int min, int max, String key) {
    if (value < min || value > max) {
      throw new InvalidConfigurationException(
          PipelineConfig.PREFIX + "." + key,
          "must be between " + min + " and " + max + ", was " + value);
    }
  }
}
