package io.bcsync.pipeline;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.PipelineConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps finished work items, their webhook events and failed attempts for {@code
 * bcsync.pipeline.history-retention} (default 30 days), deleting older ones once an hour per
 * cluster ({@link QueueRetention#deleteFinishedBefore}). Without it the queue's tables grow with
 * every order ever synced; dead letters and open items are never deleted by age.
 */
@Factory
public class WorkHistoryRetention {
  private static final Logger LOG = LoggerFactory.getLogger(WorkHistoryRetention.class);

  @Singleton
  @Named("work-history-retention")
  RecurringTask<Void> workHistoryRetention(
      PipelineConfig config, QueueRetention queue, Clock clock, MeterRegistry registry) {
    Duration retention = config.historyRetention();
    Counter items = deletedCounter(registry, "work_item");
    Counter events = deletedCounter(registry, "webhook_event");
    Counter failures = deletedCounter(registry, "work_item_failure");
    return Tasks.recurring("work-history-retention", FixedDelay.of(Duration.ofHours(1)))
        .execute(
            (instance, context) -> {
              QueueRetention.Deleted deleted =
                  queue.deleteFinishedBefore(clock.millis() - retention.toMillis());
              items.increment(deleted.items());
              events.increment(deleted.events());
              failures.increment(deleted.failures());
              if (deleted.items() > 0) {
                LOG.info(
                    "Deleted {} finished work item(s) older than {}, with {} webhook event(s) and"
                        + " {} failed attempt(s)",
                    deleted.items(),
                    retention,
                    deleted.events(),
                    deleted.failures());
              }
            });
  }

  private static Counter deletedCounter(MeterRegistry registry, String table) {
    return Counter.builder("bcsync.history.retention.deleted")
        .description("Rows the history retention deleted on this instance, by table")
        .tag("table", table)
        .register(registry);
  }
}
