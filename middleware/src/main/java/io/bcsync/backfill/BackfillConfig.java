package io.bcsync.backfill;

import io.bcsync.config.InvalidConfigurationException;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * Pacing of backfills.
 *
 * @param interval how often the cluster-wide backfill job looks for running backfills to advance
 * @param runBudget how long one run of that job keeps reading pages before yielding to the next run
 * @param queueHighWater pending work items (all stores) at or above which backfills stop enqueuing
 *     until the queue drains, so live webhooks are not stuck behind a historical import and
 *     Salesforce sees a steady rate
 * @param maxConsecutiveFailures retryable page failures in a row after which a backfill is marked
 *     FAILED
 * @param matchReportMaxCustomers most customers one dry-run match report covers; a larger store is
 *     reported in date ranges (the report says it was truncated)
 */
@ConfigurationProperties(BackfillConfig.PREFIX)
public record BackfillConfig(
    @Bindable(defaultValue = "5s") Duration interval,
    @Bindable(defaultValue = "30s") Duration runBudget,
    @Bindable(defaultValue = "2000") int queueHighWater,
    @Bindable(defaultValue = "10") int maxConsecutiveFailures,
    @Bindable(defaultValue = "20000") int matchReportMaxCustomers) {

  public static final String PREFIX = "bcsync.backfill";

  public BackfillConfig {
    requirePositive(interval, "interval");
    requirePositive(runBudget, "run-budget");
    if (queueHighWater <= 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".queue-high-water", "must be positive, was " + queueHighWater);
    }
    if (maxConsecutiveFailures <= 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".max-consecutive-failures", "must be positive, was " + maxConsecutiveFailures);
    }
    if (matchReportMaxCustomers <= 0) {
      throw new InvalidConfigurationException(
          PREFIX + ".match-report-max-customers",
          "must be positive, was " + matchReportMaxCustomers);
    }
  }

  private static void requirePositive(Duration value, String key) {
    if (value == null || value.isZero() || value.isNegative()) {
      throw new InvalidConfigurationException(
          PREFIX + "." + key, "must be a positive duration, was " + value);
    }
  }
}
