package io.bcsync.sync.revenue;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.DailyRevenueConfig;
import io.bcsync.config.SalesforceConfigured;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The {@code daily-revenue} cluster job: every {@code bcsync.daily-revenue.check-interval} (10 min)
 * one instance of the cluster (db-scheduler) checks which stores are past their local {@code
 * run-at} and summarises their previous day ({@link DailyRevenueJob}). Only when enabled and
 * Salesforce is configured (it writes there).
 */
@Factory
class DailyRevenueJobs {
  @Singleton
  @Named("daily-revenue")
  @Requires(property = DailyRevenueConfig.PREFIX + ".enabled", value = "true")
  @Requires(condition = SalesforceConfigured.class)
  RecurringTask<Void> dailyRevenue(DailyRevenueJob job, DailyRevenueConfig config) {
    return Tasks.recurring("daily-revenue", FixedDelay.of(config.checkInterval()))
        .execute((instance, context) -> job.runDue());
  }
}
