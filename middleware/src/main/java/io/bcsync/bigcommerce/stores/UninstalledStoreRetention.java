package io.bcsync.bigcommerce.stores;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.bcsync.config.BigCommerceAppConfig;
import io.bcsync.db.Db;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the sync history of an uninstalled store for {@code uninstalled-retention}, then deletes it
 * (events, work items, read versions, poll marks and the store row). A re-install within the period
 * keeps the history.
 */
@Factory
class UninstalledStoreRetention {
  private static final Logger LOG = LoggerFactory.getLogger(UninstalledStoreRetention.class);
  private static final List<String> TABLES =
      List.of("webhook_event", "work_item", "bc_entity_version", "bc_sync_cursor");

  @Singleton
  @Named("bigcommerce-uninstalled-retention")
  RecurringTask<Void> retention(
      InstalledStores stores, Db db, Clock clock, BigCommerceAppConfig config) {
    return Tasks.recurring("bigcommerce-uninstalled-retention", FixedDelay.of(Duration.ofHours(6)))
        .execute(
            (instance, context) -> {
              for (String storeHash :
                  stores.uninstalledBefore(
                      clock.millis() - config.uninstalledRetention().toMillis())) {
                db.write(
                    connection -> {
                      for (String table : TABLES) {
                        try (PreparedStatement delete =
                            connection.prepareStatement(
                                "DELETE FROM " + table + " WHERE store_hash = ?")) {
                          delete.setString(1, storeHash);
                          delete.executeUpdate();
                        }
                      }
                      try (PreparedStatement delete =
                          connection.prepareStatement(
                              "DELETE FROM bc_store WHERE store_hash = ? AND status = 'UNINSTALLED'")) {
                        delete.setString(1, storeHash);
                        delete.executeUpdate();
                      }
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
