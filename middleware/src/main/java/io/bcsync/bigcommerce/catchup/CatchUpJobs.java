package io.bcsync.bigcommerce.catchup;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.BigCommerceAppConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** The cluster-wide catch-up poll: once per interval, by one instance. */
@Factory
class CatchUpJobs {
  @Singleton
  @Named("bigcommerce-catch-up")
  RecurringTask<Void> catchUp(CatchUpPoller poller, BigCommerceAppConfig config) {
    return Tasks.recurring("bigcommerce-catch-up", FixedDelay.of(config.catchUpInterval()))
        .execute((instance, context) -> poller.pollAll());
  }
}
