package io.bcsync.pipeline;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.PipelineConfig;
import io.bcsync.db.Db;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pipeline's cluster-wide housekeeping jobs. */
@Factory
public class PipelineJobs {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineJobs.class);

  @Singleton
  @Named("lease-recovery")
  RecurringTask<Void> leaseRecovery(
      WorkQueue queue, PipelineConfig config, Clock clock, WorkSignal signal) {
    return Tasks.recurring("lease-recovery", FixedDelay.of(config.leaseRecoveryInterval()))
        .execute(
            (instance, context) -> {
              WorkQueue.LeaseRecovery recovered =
                  queue.recoverExpiredLeases(clock.millis(), config.maxAttempts());
              if (recovered.requeued() + recovered.deadLettered() > 0) {
                LOG.warn(
                    "Recovered expired claims: {} returned to the queue, {} dead-lettered",
                    recovered.requeued(),
                    recovered.deadLettered());
                signal.wake();
              }
            });
  }

  @Singleton
  @Named("dedupe-cleanup")
  RecurringTask<Void> dedupeCleanup(Db db, Clock clock) {
    return Tasks.recurring("dedupe-cleanup", FixedDelay.of(Duration.ofMinutes(10)))
        .execute(
            (instance, context) ->
                db.write(
                    connection -> {
                      try (PreparedStatement delete =
                          connection.prepareStatement(
                              "DELETE FROM webhook_dedupe WHERE expires_at_ms < ?")) {
                        delete.setLong(1, clock.millis());
                        return delete.executeUpdate();
                      }
                    }));
  }
}
