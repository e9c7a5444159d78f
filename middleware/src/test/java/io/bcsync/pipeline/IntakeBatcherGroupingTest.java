package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.testsupport.Tables;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a group commits: callbacks for one entity share one open item, join an item already open
 * (marking it dirty while it runs), and repeats are duplicates that store nothing.
 */
@MicronautTest(transactional = false)
class IntakeBatcherGroupingTest extends IntakeBatcherTestBase {
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
}
