package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.ScriptedHandler;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The durable pipeline's guarantees, driven step by step with a hand-moved clock. Runs on H2; the
 * MariaDB subclass runs every case on MariaDB/MySQL.
 */
@MicronautTest(transactional = false)
class PipelineTest extends ScriptedPipelineTestBase {
  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject BatchProcessor processor;

  private final AtomicInteger hashes = new AtomicInteger();

  @Override
  protected Map<String, String> moreProperties() {
    Map<String, String> properties = new HashMap<>();
    properties.put("bcsync.pipeline.max-attempts", "3");
    properties.put("bcsync.pipeline.backoff-initial", "10s");
    properties.put("bcsync.pipeline.backoff-max", "1m");
    properties.put("bcsync.pipeline.lease-timeout", "2m");
    properties.put("bcsync.pipeline.batch-size", "10");
    return properties;
  }

  @Override
  protected long startMillis() {
    return 1_700_000_000_123L;
  }

  IntakeResult.Accepted event(String type, String id, String scope) {
    var entity = new EntityRef(WebhookCalls.STORE, type, id);
    return (IntakeResult.Accepted)
        intake.record(
            new IncomingEvent(
                entity,
                scope,
                "stores/" + WebhookCalls.STORE,
                null,
                "hash-" + hashes.incrementAndGet(),
                clock.millis() / 1000,
                "{}"));
  }

  private WorkItem item(long id) {
    return queue.find(id).orElseThrow();
  }

  @Test
  void two_concurrent_workers_claim_disjoint_items() throws Exception {
    for (int i = 0; i < 40; i++) {
      event("order", String.valueOf(i), "store/order/created");
    }
    CyclicBarrier start = new CyclicBarrier(2);
    Callable<List<Long>> worker =
        () -> {
          start.await();
          List<Long> claimed = new ArrayList<>();
          List<WorkItem> batch;
          String token = "worker-" + Thread.currentThread().getId();
          do {
            batch = queue.claim(token, 7, clock.millis(), clock.millis() + 60_000);
            batch.forEach(item -> claimed.add(item.id()));
          } while (!batch.isEmpty());
          return claimed;
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<Long>> a = pool.submit(worker);
      Future<List<Long>> b = pool.submit(worker);
      List<Long> first = a.get();
      List<Long> second = b.get();
      Set<Long> overlap = new HashSet<>(first);
      overlap.retainAll(second);
      assertThat(overlap).isEmpty();
      assertThat(first.size() + second.size()).isEqualTo(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a_burst_for_one_entity_collapses_into_one_processing() {
    List<Long> itemIds = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      itemIds.add(
          event("order", "250", i == 0 ? "store/order/created" : "store/order/updated")
              .workItemId());
    }
    event("order", "251", "store/order/created");

    processor.processDueBatch();

    assertThat(new HashSet<>(itemIds)).hasSize(1);
    assertThat(handler.items()).hasSize(2);
    WorkItem coalesced = item(itemIds.get(0));
    assertThat(coalesced.eventCount()).isEqualTo(25);
    assertThat(coalesced.scopes()).containsExactly("store/order/created", "store/order/updated");
    assertThat(coalesced.status()).isEqualTo(WorkItemStatus.DONE);
  }

  @Test
  void an_entity_is_never_processed_twice_at_once_and_its_latest_change_is_processed_after() {
    long itemId = event("order", "300", "store/order/created").workItemId();
    List<WorkItem> firstClaim =
        queue.claim("worker-a", 10, clock.millis(), clock.millis() + 60_000);
    assertThat(firstClaim).extracting(WorkItem::id).containsExactly(itemId);

    // A change arrives while worker A is still syncing the order.
    long joined = event("order", "300", "store/order/updated").workItemId();
    assertThat(joined).isEqualTo(itemId);
    assertThat(queue.claim("worker-b", 10, clock.millis(), clock.millis() + 60_000)).isEmpty();

    assertThat(queue.complete(itemId, "worker-a", clock.millis())).isTrue();
    WorkItem requeued = item(itemId);
    assertThat(requeued.status()).isEqualTo(WorkItemStatus.PENDING);
    assertThat(requeued.attempts()).isZero();

    assertThat(queue.claim("worker-b", 10, clock.millis(), clock.millis() + 60_000))
        .extracting(WorkItem::id)
        .containsExactly(itemId);
    assertThat(queue.complete(itemId, "worker-b", clock.millis())).isTrue();
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DONE);

    // Once done, the next change opens a new item: history is kept per run.
    long next = event("order", "300", "store/order/updated").workItemId();
    assertThat(next).isNotEqualTo(itemId);
  }

  @Test
  void retryable_failures_back_off_exponentially_on_the_clock() {
    long itemId = event("order", "400", "store/order/created").workItemId();
    handler.script(batch -> Map.of(itemId, Outcome.retry("HTTP 503 from Salesforce")));

    long failedAt = clock.millis();
    processor.processDueBatch();
    WorkItem afterFirst = item(itemId);
    assertThat(afterFirst.status()).isEqualTo(WorkItemStatus.PENDING);
    assertThat(afterFirst.attempts()).isEqualTo(1);
    assertThat(afterFirst.lastError()).isEqualTo("HTTP 503 from Salesforce");
    assertThat(afterFirst.nextAttemptAtMs()).isBetween(failedAt + 5_000, failedAt + 10_000);

    // Not due yet: nothing is claimed one millisecond before the retry time.
    clock.set(afterFirst.nextAttemptAtMs() - 1);
    assertThat(processor.processDueBatch()).isZero();

    clock.set(afterFirst.nextAttemptAtMs());
    long secondFailure = clock.millis();
    assertThat(processor.processDueBatch()).isEqualTo(1);
    WorkItem afterSecond = item(itemId);
    assertThat(afterSecond.attempts()).isEqualTo(2);
    assertThat(afterSecond.nextAttemptAtMs())
        .isBetween(secondFailure + 10_000, secondFailure + 20_000);
  }

  @Test
  void a_skipped_item_ends_skipped_with_its_reason_unless_new_events_arrived_meanwhile() {
    long quiet = event("cart", "1", "store/cart/created").workItemId();
    long busy = event("cart", "2", "store/cart/created").workItemId();
    handler.script(
        batch -> {
          // A change for cart 2 arrives while the batch is being processed.
          event("cart", "2", "store/cart/updated");
          return Map.of(
              quiet, Outcome.skipped("no flow handles carts yet"),
              busy, Outcome.skipped("no flow handles carts yet"));
        });

    processor.processDueBatch();

    WorkItem skipped = item(quiet);
    assertThat(skipped.status()).isEqualTo(WorkItemStatus.SKIPPED);
    assertThat(skipped.lastError()).isEqualTo("no flow handles carts yet");
    assertThat(skipped.completedAtMs()).isEqualTo(clock.millis());
    assertThat(item(busy).status())
        .as("the newer event still has to be looked at")
        .isEqualTo(WorkItemStatus.PENDING);
    long next = event("cart", "1", "store/cart/updated").workItemId();
    assertThat(next)
        .as("a skipped item is closed; the next event opens a new one")
        .isNotEqualTo(quiet);
  }

  @Test
  void retries_exhausted_dead_letter_the_item_and_keep_it() {
    long itemId = event("customer", "7", "store/customer/updated").workItemId();
    handler.script(
        batch -> {
          throw new IOException("connection reset");
        });

    for (int attempt = 0; attempt < 3; attempt++) {
      clock.advance(Duration.ofMinutes(5));
      assertThat(processor.processDueBatch()).isEqualTo(1);
    }

    WorkItem dead = item(itemId);
    assertThat(dead.status()).isEqualTo(WorkItemStatus.DEAD);
    assertThat(dead.attempts()).isEqualTo(3);
    assertThat(dead.lastError()).isEqualTo("IOException: connection reset");
    assertThat(dead.deadLetteredAtMs()).isEqualTo(clock.millis());
    clock.advance(Duration.ofDays(30));
    assertThat(processor.processDueBatch()).isZero();
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DEAD);
  }

  @Test
  void permanent_failure_dead_letters_at_once_and_replay_processes_it_again() {
    long itemId = event("order", "500", "store/order/created").workItemId();
    handler.script(batch -> Map.of(itemId, Outcome.permanent("Order has no line items to map")));
    processor.processDueBatch();
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DEAD);
    assertThat(item(itemId).attempts()).isEqualTo(1);

    handler.script(ScriptedHandler::allSucceed);
    assertThat(queue.replay(itemId, clock.millis())).isEqualTo(WorkQueue.ReplayResult.REQUEUED);
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.PENDING);
    processor.processDueBatch();

    WorkItem replayed = item(itemId);
    assertThat(replayed.status()).isEqualTo(WorkItemStatus.DONE);
    assertThat(replayed.replayCount()).isEqualTo(1);
    assertThat(replayed.deadLetteredAtMs()).isNotNull();
    assertThat(queue.replay(itemId, clock.millis())).isEqualTo(WorkQueue.ReplayResult.NOT_DEAD);
    assertThat(queue.replay(999_999, clock.millis())).isEqualTo(WorkQueue.ReplayResult.NOT_FOUND);
  }

  @Test
  void replaying_a_dead_letter_while_its_entity_has_an_open_item_merges_into_that_item() {
    long deadId = event("order", "600", "store/order/created").workItemId();
    handler.script(batch -> Map.of(deadId, Outcome.permanent("mapping failed")));
    processor.processDueBatch();
    long openId = event("order", "600", "store/order/updated").workItemId();
    assertThat(openId).isNotEqualTo(deadId);

    assertThat(queue.replay(deadId, clock.millis()))
        .isEqualTo(WorkQueue.ReplayResult.MERGED_INTO_OPEN_ITEM);

    assertThat(item(deadId).status()).isEqualTo(WorkItemStatus.SUPERSEDED);
    assertThat(item(deadId).supersededBy()).isEqualTo(openId);
    assertThat(item(openId).status()).isEqualTo(WorkItemStatus.PENDING);
  }

  @Test
  void a_crashed_workers_claims_are_recovered_after_the_lease_and_its_late_result_is_ignored() {
    long itemId = event("order", "700", "store/order/created").workItemId();
    // Worker "crashed" claims and never reports back.
    assertThat(queue.claim("crashed", 10, clock.millis(), clock.millis() + 120_000)).hasSize(1);

    clock.advance(Duration.ofSeconds(119));
    assertThat(queue.recoverExpiredLeases(clock.millis(), 3).requeued()).isZero();
    clock.advance(Duration.ofSeconds(2));
    assertThat(queue.recoverExpiredLeases(clock.millis(), 3).requeued()).isEqualTo(1);

    processor.processDueBatch();
    assertThat(handler.items()).extracting(WorkItem::id).containsExactly(itemId);
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DONE);
    assertThat(queue.deadLetter(itemId, "crashed", clock.millis(), "late")).isFalse();
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DONE);
  }

  @Test
  void an_item_that_keeps_crashing_its_worker_is_dead_lettered_by_lease_recovery() {
    long itemId = event("order", "800", "store/order/created").workItemId();
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThat(queue.claim("crashing", 10, clock.millis(), clock.millis() + 1_000)).hasSize(1);
      clock.advance(Duration.ofSeconds(2));
      queue.recoverExpiredLeases(clock.millis(), 3);
    }
    assertThat(item(itemId).status()).isEqualTo(WorkItemStatus.DEAD);
    assertThat(item(itemId).lastError()).contains("lease expired");
  }

  @Test
  void nothing_is_lost_when_the_handler_throws_or_forgets_an_item() {
    long a = event("order", "900", "store/order/created").workItemId();
    long b = event("order", "901", "store/order/created").workItemId();
    handler.script(
        batch -> {
          throw new IllegalStateException("handler bug");
        });
    assertThat(processor.processDueBatch()).isEqualTo(2);
    assertThat(List.of(item(a), item(b)))
        .allSatisfy(
            item -> {
              assertThat(item.status()).isEqualTo(WorkItemStatus.PENDING);
              assertThat(item.lastError()).isEqualTo("IllegalStateException: handler bug");
            });

    clock.advance(Duration.ofMinutes(5));
    handler.script(batch -> Map.of(a, Outcome.SUCCESS));
    processor.processDueBatch();
    assertThat(item(a).status()).isEqualTo(WorkItemStatus.DONE);
    assertThat(item(b).status()).isEqualTo(WorkItemStatus.PENDING);
    assertThat(item(b).lastError()).isEqualTo("handler returned no outcome for this item");
  }

  @Test
  void concurrent_events_for_one_entity_all_land_in_a_single_open_item() throws Exception {
    int threads = 8;
    int eventsPerThread = 25;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Set<Long>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  Set<Long> itemIds = new HashSet<>();
                  for (int i = 0; i < eventsPerThread; i++) {
                    itemIds.add(event("order", "hot", "store/order/updated").workItemId());
                  }
                  return itemIds;
                }));
      }
      Set<Long> itemIds = new HashSet<>();
      for (Future<Set<Long>> result : results) {
        itemIds.addAll(result.get());
      }
      assertThat(itemIds).hasSize(1);
      assertThat(item(itemIds.iterator().next()).eventCount()).isEqualTo(threads * eventsPerThread);
      assertThat(io.bcsync.testsupport.Tables.count(db, "webhook_event"))
          .isEqualTo(threads * eventsPerThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void handler_receives_batches_no_larger_than_configured() {
    for (int i = 0; i < 25; i++) {
      event("product", String.valueOf(i), "store/product/updated");
    }
    while (processor.processDueBatch() > 0) {
      // drain
    }
    assertThat(handler.batches()).extracting(List::size).containsExactly(10, 10, 5);
  }
}
