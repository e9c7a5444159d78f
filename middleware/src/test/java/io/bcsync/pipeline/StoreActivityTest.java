package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The queue views other packages read instead of the queue's tables: one store's activity and
 * series (the app page) and the pending count (backfill pacing). Runs on H2; {@code
 * StoreActivityMariaDbTest} runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreActivityTest implements TestPropertyProvider {
  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject QueueInspector inspector;
  @Inject QueueActivity activity;
  @Inject MutableClock clock;

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(databaseProperties());
    properties.put("test.mutable-clock", "true");
    return properties;
  }

  protected Map<String, String> databaseProperties() {
    return TestDatabases.h2();
  }

  @Test
  void a_stores_activity_counts_its_open_and_dead_items_and_lists_its_latest_failures_only() {
    String store = "act" + UUID.randomUUID().toString().substring(0, 8);
    String other = "oth" + UUID.randomUUID().toString().substring(0, 8);
    clock.set(1_700_000_000_000L);
    long done = record(store, "1");
    long retried = record(store, "2");
    long dead = record(store, "3");
    record(store, "4");
    long elsewhere = record(other, "1");
    long pendingBefore = inspector.pendingCount();

    queue.claim("worker", 100, clock.millis(), clock.millis() + 60_000);
    clock.advance(java.time.Duration.ofSeconds(1));
    long now = clock.millis();
    queue.finish(
        List.of(
            WorkQueue.Finish.complete(done),
            WorkQueue.Finish.retry(retried, now + 5_000, "timeout"),
            WorkQueue.Finish.deadLetter(dead, "refused"),
            WorkQueue.Finish.deadLetter(elsewhere, "another store's failure")),
        "worker",
        now);

    QueueInspector.StoreActivity activity = inspector.storeActivity(store, 5);
    assertThat(activity.open()).as("the retried item and the one still in progress").isEqualTo(2);
    assertThat(activity.dead()).isEqualTo(1);
    assertThat(activity.lastCompletedAtMs()).contains(now);
    assertThat(activity.recentFailures())
        .extracting(failed -> failed.entity().id() + ": " + failed.error())
        .containsExactlyInAnyOrder("2: timeout", "3: refused");
    assertThat(inspector.storeActivity(store, 1).recentFailures()).hasSize(1);
    assertThat(inspector.pendingCount()).isEqualTo(pendingBefore - 5 + 1);
  }

  @Test
  void one_stores_series_is_its_row_of_every_stores_series_and_zeros_for_a_quiet_store() {
    String store = "ser" + UUID.randomUUID().toString().substring(0, 8);
    String other = "sot" + UUID.randomUUID().toString().substring(0, 8);
    clock.set(1_800_000_000_000L);
    long synced = record(store, "1");
    long dead = record(store, "2");
    long elsewhere = record(other, "1");
    record(other, "2");
    queue.claim("worker", 100, clock.millis(), clock.millis() + 60_000);
    clock.advance(java.time.Duration.ofMinutes(2));
    long now = clock.millis();
    queue.finish(
        List.of(
            WorkQueue.Finish.complete(synced),
            WorkQueue.Finish.deadLetter(dead, "refused"),
            WorkQueue.Finish.complete(elsewhere)),
        "worker",
        now);
    long from = now - java.time.Duration.ofMinutes(10).toMillis();
    long bucket = java.time.Duration.ofMinutes(1).toMillis();

    List<QueueActivity.Bucket> own = activity.ofStore(store, from, now + 1, bucket);

    assertThat(own).isEqualTo(activity.perStore(from, now + 1, bucket).get(store));
    assertThat(own.stream().mapToLong(QueueActivity.Bucket::received).sum()).isEqualTo(2);
    assertThat(own.stream().mapToLong(QueueActivity.Bucket::synced).sum()).isEqualTo(1);
    assertThat(own.stream().mapToLong(QueueActivity.Bucket::dead).sum()).isEqualTo(1);
    List<QueueActivity.Bucket> quiet = activity.ofStore("quiet" + store, from, now + 1, bucket);
    assertThat(quiet).hasSameSizeAs(own);
    assertThat(quiet)
        .allMatch(b -> b.received() + b.synced() + b.retried() + b.dead() == 0)
        .extracting(QueueActivity.Bucket::startMs)
        .isEqualTo(own.stream().map(QueueActivity.Bucket::startMs).toList());
  }

  private long record(String store, String id) {
    IntakeResult result =
        intake.record(
            new IncomingEvent(
                new EntityRef(store, "order", id),
                "store/order/updated",
                "stores/" + store,
                null,
                null,
                null,
                "{}"));
    return ((IntakeResult.Accepted) result).workItemId();
  }
}
