package io.bcsync.sync.customers;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Housekeeping of the per-customer claims, once per cluster like the pipeline's jobs. */
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
}
