package io.bcsync.bigcommerce.stores;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.backfill.BackfillJobs;
import io.bcsync.bigcommerce.catchup.SyncCursors;
import io.bcsync.bigcommerce.reading.EntityVersions;
import io.bcsync.config.BigCommerceAppConfig;
import io.bcsync.db.Db;
import io.bcsync.pipeline.QueueRetention;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the sync history of an uninstalled store for {@code uninstalled-retention}, then deletes it
 * (events, work items, backfills, read versions, poll marks and the store row) in one transaction.
 * A re-install within the period keeps the history.
 */
@Factory
class UninstalledStoreRetention {
  private static final Logger LOG = LoggerFactory.getLogger(UninstalledStoreRetention.class);

  @Singleton
  @Named("bigcommerce-uninstalled-retention")
  RecurringTask<Void> retention(
      InstalledStores stores,
      QueueRetention queue,
      EntityVersions versions,
      SyncCursors cursors,
      BackfillJobs backfills,
      Db db,
      Clock clock,
      BigCommerceAppConfig config) {
    return Tasks.recurring("bigcommerce-uninstalled-retention", FixedDelay.of(Duration.ofHours(6)))
        .execute(
            (instance, context) -> {
              for (String storeHash :
                  stores.uninstalledBefore(
                      clock.millis() - config.uninstalledRetention().toMillis())) {
                db.write(
                    connection -> {
                      queue.deleteStore(connection, storeHash);
                      backfills.deleteStore(storeHash);
                      versions.deleteStore(storeHash);
                      cursors.deleteStore(storeHash);
                      stores.deleteUninstalled(storeHash);
                      return null;
                    });
                LOG.info(
                    "Deleted the sync history of store {}, uninstalled more than {} ago",
                    storeHash,
                    config.uninstalledRetention());
              }
            });
  }
}
