package io.bcsync.sync.changes;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.InvalidConfigurationException;
import io.bcsync.sync.requests.SyncRequests;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the record-change log and answered sync requests for {@code
 * bcsync.sync.salesforce-log-retention} (default 30 days), deleting older rows once an hour per
 * cluster. A request still owing its status is never deleted.
 */
@Factory
public class SalesforceLogRetention {
  static final String KEY = "bcsync.sync.salesforce-log-retention";
  private static final Logger LOG = LoggerFactory.getLogger(SalesforceLogRetention.class);

  @Singleton
  @Named("salesforce-log-retention")
  RecurringTask<Void> salesforceLogRetention(
      @Value("${" + KEY + ":30d}") Duration retention,
      SalesforceChangeLog changes,
      SyncRequests requests,
      Clock clock) {
    if (retention.isNegative() || retention.isZero()) {
      throw new InvalidConfigurationException(KEY, "must be positive; was " + retention);
    }
    return Tasks.recurring("salesforce-log-retention", FixedDelay.of(Duration.ofHours(1)))
        .execute(
            (instance, context) -> {
              long before = clock.millis() - retention.toMillis();
              int deletedChanges = changes.deleteRecordedBefore(before);
              int deletedRequests = requests.deleteAnsweredBefore(before);
              if (deletedChanges + deletedRequests > 0) {
                LOG.info(
                    "Deleted {} Salesforce change(s) and {} answered sync request(s) older than {}",
                    deletedChanges,
                    deletedRequests,
                    retention);
              }
            });
  }
}
