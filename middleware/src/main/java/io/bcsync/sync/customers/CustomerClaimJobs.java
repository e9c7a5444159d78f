package io.bcsync.sync.customers;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.InvalidConfigurationException;
import io.bcsync.config.SalesforceConfigured;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping of the per-customer claims, the At Risk sweep of customers' segments and the flush
 * of owed customer figures, once per cluster like the pipeline's jobs.
 */
@Factory
public class CustomerClaimJobs {
  private static final Logger LOG = LoggerFactory.getLogger(CustomerClaimJobs.class);

  @Singleton
  @Named("customer-claim-cleanup")
  RecurringTask<Void> customerClaimCleanup(CustomerClaims claims) {
    return Tasks.recurring("customer-claim-cleanup", FixedDelay.of(Duration.ofMinutes(30)))
        .execute(
            (instance, context) -> {
              int deleted = claims.deleteLapsed();
              if (deleted > 0) {
                LOG.info(
                    "Deleted {} lapsed customer claim(s) left by workers that stopped mid-batch",
                    deleted);
              }
            });
  }

  /**
   * Customers whose last order crossed {@code bcsync.sync.customer-figures.at-risk-days} since the
   * last run turn At Risk ({@link AtRiskSweep}); every {@code at-risk-sweep-interval} (default 1
   * h). Only when Salesforce is configured (the sweep writes there).
   */
  @Singleton
  @Named("customer-at-risk-sweep")
  @Requires(condition = SalesforceConfigured.class)
  RecurringTask<Void> customerAtRiskSweep(
      AtRiskSweep sweep,
      @Value("${bcsync.sync.customer-figures.at-risk-sweep-interval:1h}") Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new InvalidConfigurationException(
          "bcsync.sync.customer-figures.at-risk-sweep-interval",
          "must be positive; was " + interval);
    }
    return Tasks.recurring("customer-at-risk-sweep", FixedDelay.of(interval))
        .execute((instance, context) -> sweep.run());
  }

  /**
   * Writes the figures batches left owed ({@link CustomerFiguresFlush}) every {@code
   * bcsync.sync.customer-figures.flush-interval} (default 60 s): the figures on the panel lag a
   * linked customer's order by up to the interval plus one run; a shorter interval costs a burst
   * more calls (one Contact and one Account record per owed customer and run).
   */
  @Singleton
  @Named("customer-figures-flush")
  @Requires(condition = SalesforceConfigured.class)
  RecurringTask<Void> customerFiguresFlush(
      CustomerFiguresFlush flush,
      @Value("${bcsync.sync.customer-figures.flush-interval:60s}") Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new InvalidConfigurationException(
          "bcsync.sync.customer-figures.flush-interval", "must be positive; was " + interval);
    }
    return Tasks.recurring("customer-figures-flush", FixedDelay.of(interval))
        .execute((instance, context) -> flush.run());
  }
}
