package io.bcsync.bigcommerce.stores;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.bcsync.backfill.BackfillJobs;
import io.bcsync.bigcommerce.catchup.SyncCursors;
import io.bcsync.bigcommerce.reading.EntityVersions;
import io.bcsync.pipeline.EntityRef;
import io.bcsync.pipeline.EventIntake;
import io.bcsync.pipeline.IncomingEvent;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The retention job deletes an uninstalled store's whole history once its retention has passed, in
 * one transaction across the queue's tables (through the pipeline) and the store's own, and nothing
 * of other stores. Runs on H2; {@code UninstalledStoreRetentionMariaDbTest} runs it on
 * MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UninstalledStoreRetentionTest implements TestPropertyProvider {
  @Inject InstalledStores stores;
  @Inject EventIntake intake;
  @Inject QueueInspector queue;
  @Inject EntityVersions versions;
  @Inject SyncCursors cursors;
  @Inject BackfillJobs backfills;
  @Inject MutableClock clock;

  @Inject
  @Named("bigcommerce-uninstalled-retention")
  RecurringTask<Void> retention;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.put("test.mutable-clock", "true");
    properties.put(
        "bcsync.bigcommerce.app.token-encryption-key",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    properties.put("bcsync.bigcommerce.app.uninstalled-retention", "30d");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @Test
  void an_uninstalled_stores_history_goes_after_its_retention_and_other_stores_keep_theirs() {
    String gone = "gone" + UUID.randomUUID().toString().substring(0, 8);
    String kept = "kept" + UUID.randomUUID().toString().substring(0, 8);
    for (String store : List.of(gone, kept)) {
      stores.saveInstall(store, "token", "secret", "scopes", null);
      record(store);
      versions.recordRead(store, "order", Map.of("1", 100L));
      cursors.save(store, "orders", 100, clock.millis());
      backfills.create(store, java.time.LocalDate.of(2024, 1, 1), clock.millis());
    }
    stores.markUninstalled(gone);

    clock.advance(Duration.ofDays(29));
    run();
    assertThat(queue.storeActivity(gone, 5).open()).as("within retention").isEqualTo(1);

    clock.advance(Duration.ofDays(2));
    run();

    assertThat(stores.find(gone)).isEmpty();
    assertThat(queue.storeActivity(gone, 5).open()).isZero();
    assertThat(versions.lastRead(gone, "order", List.of("1"))).isEmpty();
    assertThat(cursors.lastPolledAt(gone)).isEmpty();
    assertThat(backfills.latest(gone, 10)).isEmpty();

    assertThat(stores.find(kept)).isPresent();
    assertThat(queue.storeActivity(kept, 5).open()).isEqualTo(1);
    assertThat(versions.lastRead(kept, "order", List.of("1"))).containsEntry("1", 100L);
    assertThat(cursors.lastPolledAt(kept)).isPresent();
    assertThat(backfills.latest(kept, 10)).hasSize(1);
  }

  private void record(String store) {
    intake.record(
        new IncomingEvent(
            new EntityRef(store, "order", "1"),
            "store/order/created",
            "stores/" + store,
            null,
            null,
            null,
            "{}"));
  }

  private void run() {
    retention.execute(null, null);
  }
}
