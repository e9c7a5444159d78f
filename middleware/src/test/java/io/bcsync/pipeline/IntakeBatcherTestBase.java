package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.IntakeBatchConfig;
import io.bcsync.db.Db;
import io.bcsync.testsupport.MutableClock;
import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the group-commit tests of intake. Each test drives its own batcher with one writer whose
 * first group is held at a gate, so the callbacks submitted meanwhile are known to form the next
 * group (no sleeps, no timing). Runs on H2; each MariaDB subclass runs every case there.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IntakeBatcherTestBase implements TestPropertyProvider {
  static final long WAIT_SECONDS = 30;

  @Inject Db db;
  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject QueueInspector inspector;
  @Inject WorkSignal workSignal;
  @Inject MutableClock clock;

  final AtomicInteger hashes = new AtomicInteger();
  GatedGroupIntake groups;
  IntakeBatcher batcher;
  SimpleMeterRegistry registry;

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
            config(),
            registry,
            new IntakeGate());
  }

  /**
   * One writer, default limits, and a deadline long enough that a test holding the writer at the
   * gate never sees its callbacks time out.
   */
  IntakeBatchConfig config() {
    return new IntakeBatchConfig(
        256, 1, 10_000, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
  }

  @AfterEach
  void tearDown() {
    groups.open();
    batcher.close();
  }

  /**
   * Submits one callback and waits until the writer holds it at the gate, so later submissions
   * queue up.
   */
  CompletableFuture<IntakeResult> holdTheWriter() throws InterruptedException {
    CompletableFuture<IntakeResult> blocker =
        batcher.submit(event("order", "1", "store/order/created"));
    assertThat(groups.awaitFirstGroup()).as("writer reached the gate").isTrue();
    assertThat(batcher.queued()).isZero();
    return blocker;
  }

  double fallbacks() {
    return registry.get("bcsync.intake.group.fallbacks").counter().count();
  }

  IncomingEvent event(String type, String id, String scope) {
    return new IncomingEvent(
        new EntityRef(WebhookCalls.STORE, type, id),
        scope,
        "stores/" + WebhookCalls.STORE,
        null,
        "hash-" + hashes.incrementAndGet(),
        clock.millis() / 1000,
        "{\"id\":" + id + "}");
  }

  List<WorkItem> openItemsOf(String orderId) {
    return inspector.workItems(Optional.empty(), Optional.empty(), 100).stream()
        .filter(item -> item.entity().id().equals(orderId))
        .toList();
  }

  static IntakeResult result(CompletableFuture<IntakeResult> future) throws Exception {
    return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
  }
}
