package io.bcsync.pipeline;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.PipelineConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps failed attempts ({@code work_item_failure}) for {@code bcsync.pipeline.failure-retention}
 * (default 30 days), deleting older rows once an hour per cluster. The attempts of an item still
 * open or dead-lettered are kept whatever their age: the failed-records page shows them until the
 * item is replayed and ends (docs/console.md).
 */
@Factory
public class FailureLogRetention {
  private static final Logger LOG = LoggerFactory.getLogger(FailureLogRetention.class);

  @Singleton
  @Named("failure-log-retention")
  RecurringTask<Void> failureLogRetention(PipelineConfig config, FailureLog failures, Clock clock) {
    Duration retention = config.failureRetention();
    return Tasks.recurring("failure-log-retention", FixedDelay.of(Duration.ofHours(1)))
        .execute(
            (instance, context) -> {
              int deleted = failures.deleteFailedBefore(clock.millis() - retention.toMillis());
              if (deleted > 0) {
                LOG.info("Deleted {} failed attempt(s) older than {}", deleted, retention);
              }
            });
  }
}
