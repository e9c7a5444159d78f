package io.bcsync.bigcommerce.hooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.BigCommerceAppConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The cluster-wide hook check: once per interval, by one instance (see scheduling/ClusterJobs). */
@Factory
class HookJobs {
  @Singleton
  @Named("bigcommerce-hook-check")
  RecurringTask<Void> hookCheck(HookCheck check, BigCommerceAppConfig config) {
    return Tasks.recurring("bigcommerce-hook-check", FixedDelay.of(config.hookCheckInterval()))
        .execute((instance, context) -> check.checkAll());
  }
}
