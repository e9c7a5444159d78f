package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.IntakeBatchConfig;
import io.bcsync.db.DataAccessFailure;
import io.bcsync.db.Db;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Group commit of intake. Each test drives its own batcher with one writer whose first group is
 * held at a gate, so the callbacks submitted meanwhile are known to form the next group (no sleeps,
 * no timing). Runs on H2; the MariaDB subclass runs every case there.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeBatcherTest implements TestPropertyProvider {
  private static final long WAIT_SECONDS = 30;

  @Inject Db db;
  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject QueueInspector inspector;
  @Inject WorkSignal workSignal;
  @Inject MutableClock clock;

  private final AtomicInteger hashes = new AtomicInteger();
  private GatedGroupIntake groups;
  private IntakeBatcher batcher;
  private SimpleMeterRegistry registry;

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

  @BeforeEach
  void setUp() {
    Tables.clear(db);
    clock.set(1_700_000_000_123L);
    groups = new GatedGroupIntake(intake, clock);
    registry = new SimpleMeterRegistry();
    batcher =
        new IntakeBatcher(
            db,
            groups,
            intake,
            workSignal,
            ForkJoinPool.commonPool(),
            new IntakeBatchConfig(256, 1),
            registry);
  }

  @AfterEach
  void tearDown() {
    groups.open();
    batcher.close();
  }

  @Test
  void concurrent_callbacks_for_one_entity_share_a_group_and_one_open_item() throws Exception {
    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    List<CompletableFuture<IntakeResult>> burst = new CopyOnWriteArrayList<>();
    ExecutorService senders = Executors.newFixedThreadPool(5);
    try {
      for (int i = 0; i < 5; i++) {
        String scope = i == 0 ? "store/order/created" : "store/order/updated";
        senders.submit(() -> burst.add(batcher.submit(event("order", "250", scope))));
      }
    } finally {
      senders.shutdown();
      assertThat(senders.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }
    groups.open();

    List<IntakeResult.Accepted> accepted = new ArrayList<>();
    for (CompletableFuture<IntakeResult> future : burst) {
      accepted.add((IntakeResult.Accepted) result(future));
    }
    assertThat(result(blocker)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(groups.sizes()).containsExactly(1, 5);
    assertThat(fallbacks()).as("committed together, not one by one").isZero();
    assertThat(registry.get("bcsync.intake.group.size").summary().totalAmount()).isEqualTo(6);
    assertThat(accepted)
        .extracting(IntakeResult.Accepted::workItemId)
        .containsOnly(accepted.get(0).workItemId());
    assertThat(accepted).extracting(IntakeResult.Accepted::eventId).doesNotHaveDuplicates();
    List<WorkItem> items = openItemsOf("250");
    assertThat(items)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.id()).isEqualTo(accepted.get(0).workItemId());
              assertThat(item.status()).isEqualTo(WorkItemStatus.PENDING);
              assertThat(item.eventCount()).isEqualTo(5);
              assertThat(item.scopes())
                  .containsExactlyInAnyOrder("store/order/created", "store/order/updated");
            });
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(6);
  }

  @Test
  void a_group_joins_an_open_item_and_marks_it_dirty_while_it_is_processed() throws Exception {
    long itemId =
        ((IntakeResult.Accepted) intake.record(event("order", "300", "store/order/created")))
            .workItemId();
    assertThat(queue.claim("worker-a", 10, clock.millis(), clock.millis() + 60_000)).hasSize(1);

    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    CompletableFuture<IntakeResult> first =
        batcher.submit(event("order", "300", "store/order/updated"));
    CompletableFuture<IntakeResult> second =
        batcher.submit(event("order", "300", "store/order/statusUpdated"));
    groups.open();

    assertThat(((IntakeResult.Accepted) result(first)).workItemId()).isEqualTo(itemId);
    assertThat(((IntakeResult.Accepted) result(second)).workItemId()).isEqualTo(itemId);
    result(blocker);
    assertThat(groups.sizes()).containsExactly(1, 2);
    assertThat(fallbacks()).isZero();
    WorkItem item = queue.find(itemId).orElseThrow();
    assertThat(item.eventCount()).isEqualTo(3);
    assertThat(item.scopes())
        .containsExactly("store/order/created", "store/order/updated", "store/order/statusUpdated");
    // Dirty: finishing the current run puts the item back to PENDING instead of DONE.
    queue.complete(itemId, "worker-a", clock.millis());
    assertThat(queue.find(itemId).orElseThrow().status()).isEqualTo(WorkItemStatus.PENDING);
  }

  @Test
  void a_group_joining_several_open_items_updates_each_of_them() throws Exception {
    // More than three joins: mysql-connector-j sends such an update batch as one multi-statement
    // round trip.
    List<Long> itemIds = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      itemIds.add(
          ((IntakeResult.Accepted) intake.record(event("order", "35" + i, "store/order/created")))
              .workItemId());
    }

    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    List<CompletableFuture<IntakeResult>> joins = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      joins.add(batcher.submit(event("order", "35" + i, "store/order/updated")));
    }
    groups.open();

    result(blocker);
    for (int i = 0; i < 6; i++) {
      assertThat(((IntakeResult.Accepted) result(joins.get(i))).workItemId())
          .isEqualTo(itemIds.get(i));
      WorkItem item = queue.find(itemIds.get(i)).orElseThrow();
      assertThat(item.eventCount()).isEqualTo(2);
      assertThat(item.scopes()).containsExactly("store/order/created", "store/order/updated");
    }
    assertThat(groups.sizes()).containsExactly(1, 6);
    assertThat(fallbacks()).isZero();
  }

  @Test
  void repeats_inside_a_group_and_of_stored_deliveries_are_duplicates_that_store_nothing()
      throws Exception {
    IncomingEvent signed = signedEvent("order", "401", "msg_401");
    assertThat(intake.record(signed)).isInstanceOf(IntakeResult.Accepted.class);
    IncomingEvent expiredRepeat = event("order", "402", "store/order/updated");
    assertThat(intake.record(expiredRepeat)).isInstanceOf(IntakeResult.Accepted.class);
    clock.advance(Duration.ofMinutes(11));

    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    IncomingEvent fresh = event("order", "403", "store/order/created");
    CompletableFuture<IntakeResult> original = batcher.submit(fresh);
    CompletableFuture<IntakeResult> repeatInGroup = batcher.submit(fresh);
    // BigCommerce retrying a signed delivery: same webhook-id, another body hash.
    CompletableFuture<IntakeResult> retryOfStored =
        batcher.submit(signedEvent("order", "401", "msg_401"));
    // The same payload outside the dedupe window is a new change: its expired key is taken over.
    CompletableFuture<IntakeResult> afterWindow = batcher.submit(expiredRepeat);
    groups.open();

    result(blocker);
    assertThat(result(original)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(result(repeatInGroup)).isInstanceOf(IntakeResult.Duplicate.class);
    assertThat(result(retryOfStored)).isInstanceOf(IntakeResult.Duplicate.class);
    assertThat(result(afterWindow)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(groups.sizes()).containsExactly(1, 4);
    assertThat(fallbacks()).isZero();
    // blocker, the two recorded directly, the fresh one and the one after the window
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(5);
    assertThat(openItemsOf("403")).singleElement().extracting(WorkItem::eventCount).isEqualTo(1);
    assertThat(openItemsOf("401")).singleElement().extracting(WorkItem::eventCount).isEqualTo(1);
    assertThat(openItemsOf("402")).singleElement().extracting(WorkItem::eventCount).isEqualTo(2);
  }

  @Test
  void one_row_the_database_refuses_fails_alone() throws Exception {
    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    CompletableFuture<IntakeResult> before =
        batcher.submit(event("order", "501", "store/order/created"));
    // Longer than webhook_event.scope allows: only the database notices.
    CompletableFuture<IntakeResult> bad =
        batcher.submit(event("order", "502", "store/order/" + "x".repeat(300)));
    CompletableFuture<IntakeResult> after =
        batcher.submit(event("order", "503", "store/order/created"));
    groups.open();

    result(blocker);
    assertThat(result(before)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(result(after)).isInstanceOf(IntakeResult.Accepted.class);
    assertThat(failure(bad)).isInstanceOf(DataAccessFailure.class);
    assertThat(groups.sizes()).containsExactly(1, 3);
    assertThat(fallbacks()).isEqualTo(1);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(3);
    assertThat(openItemsOf("502")).isEmpty();
    assertThat(openItemsOf("501")).hasSize(1);
    assertThat(openItemsOf("503")).hasSize(1);
  }

  @Test
  void when_storage_fails_every_member_fails_and_nothing_is_stored() throws Exception {
    renameEventTable("webhook_event", "webhook_event_offline");
    try {
      CompletableFuture<IntakeResult> blocker = holdTheWriter();
      List<CompletableFuture<IntakeResult>> members = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        members.add(batcher.submit(event("order", "60" + i, "store/order/created")));
      }
      groups.open();

      assertThat(failure(blocker)).isInstanceOf(DataAccessFailure.class);
      for (CompletableFuture<IntakeResult> member : members) {
        assertThat(failure(member)).isInstanceOf(DataAccessFailure.class);
      }
      assertThat(groups.sizes()).containsExactly(1, 3);
    } finally {
      renameEventTable("webhook_event_offline", "webhook_event");
    }
    assertThat(Tables.count(db, "webhook_event")).isZero();
    assertThat(Tables.count(db, "work_item")).isZero();
    assertThat(Tables.count(db, "webhook_dedupe")).isZero();
  }

  @Test
  void close_commits_everything_queued_and_refuses_what_comes_after() throws Exception {
    CompletableFuture<IntakeResult> blocker = holdTheWriter();
    List<CompletableFuture<IntakeResult>> queued = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      queued.add(batcher.submit(event("order", "70" + i, "store/order/created")));
    }
    Thread closer = new Thread(batcher::close, "test-closer");
    closer.start();
    groups.open();
    closer.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
    assertThat(closer.isAlive()).isFalse();

    // close() returned: everything queued before it is committed.
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(4);
    assertThat(result(blocker)).isInstanceOf(IntakeResult.Accepted.class);
    for (CompletableFuture<IntakeResult> future : queued) {
      assertThat(result(future)).isInstanceOf(IntakeResult.Accepted.class);
    }
    assertThat(failure(batcher.submit(event("order", "799", "store/order/created"))))
        .isInstanceOf(IntakeClosedException.class);
    assertThat(Tables.count(db, "webhook_event")).isEqualTo(4);
  }

  /**
   * Submits one callback and waits until the writer holds it at the gate, so later submissions
   * queue up.
   */
  private CompletableFuture<IntakeResult> holdTheWriter() throws InterruptedException {
    CompletableFuture<IntakeResult> blocker =
        batcher.submit(event("order", "1", "store/order/created"));
    assertThat(groups.awaitFirstGroup()).as("writer reached the gate").isTrue();
    assertThat(batcher.queued()).isZero();
    return blocker;
  }

  private double fallbacks() {
    return registry.get("bcsync.intake.group.fallbacks").counter().count();
  }

  private IncomingEvent event(String type, String id, String scope) {
    return new IncomingEvent(
        new EntityRef(WebhookCalls.STORE, type, id),
        scope,
        "stores/" + WebhookCalls.STORE,
        null,
        "hash-" + hashes.incrementAndGet(),
        clock.millis() / 1000,
        "{\"id\":" + id + "}");
  }

  private IncomingEvent signedEvent(String type, String id, String webhookId) {
    return new IncomingEvent(
        new EntityRef(WebhookCalls.STORE, type, id),
        "store/order/updated",
        "stores/" + WebhookCalls.STORE,
        webhookId,
        "hash-" + hashes.incrementAndGet(),
        clock.millis() / 1000,
        "{}");
  }

  private List<WorkItem> openItemsOf(String orderId) {
    return inspector.workItems(Optional.empty(), Optional.empty(), 100).stream()
        .filter(item -> item.entity().id().equals(orderId))
        .toList();
  }

  private void renameEventTable(String from, String to) {
    db.write(
        connection -> {
          try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE " + from + " RENAME TO " + to);
          }
          return null;
        });
  }

  private static IntakeResult result(CompletableFuture<IntakeResult> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }

  private static Throwable failure(CompletableFuture<IntakeResult> future) throws Exception {
    try {
      IntakeResult unexpected = future.get(WAIT_SECONDS, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + unexpected);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }

  /** Records the size of every group and holds the first one until {@link #open()}. */
  static final class GatedGroupIntake extends GroupIntake {
    private final CountDownLatch firstGroupArrived = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);
    private final List<Integer> sizes = new CopyOnWriteArrayList<>();

    GatedGroupIntake(EventIntake intake, Clock clock) {
      super(intake, clock);
    }

    @Override
    List<IntakeResult> recordInTransaction(Connection connection, List<Member> members)
        throws SQLException {
      sizes.add(members.size());
      firstGroupArrived.countDown();
      try {
        if (!gate.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return super.recordInTransaction(connection, members);
    }

    boolean awaitFirstGroup() throws InterruptedException {
      return firstGroupArrived.await(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    void open() {
      gate.countDown();
    }

    List<Integer> sizes() {
      return sizes;
    }
  }
}
