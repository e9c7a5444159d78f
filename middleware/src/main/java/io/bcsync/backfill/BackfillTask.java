package io.bcsync.backfill;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/** Advances running backfills from one instance of the cluster at a time (see ClusterJobs). */
@Factory
class BackfillTask {
  @Singleton
  @Named("backfill")
  RecurringTask<Void> backfill(BackfillRunner runner, BackfillConfig config) {
    return Tasks.recurring("backfill", FixedDelay.of(config.interval()))
        .execute((instance, context) -> runner.runActive());
  }
}
