package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.GatheringConfig;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workers' claim with gathering, against the database: items of a gathering type are left in
 * the queue while their group gathers, other items are claimed as before, and a ripe group is
 * claimed whole. Gathering counts in monotonic time (a hand-moved ticker here), so the application
 * clock stays still. Runs on H2; the MariaDB subclass runs every case there.
 */
@MicronautTest(transactional = false)
class ClaimGatheringTest extends ScriptedPipelineTestBase {
  private static final String OTHER_STORE = "gather2";

  @Inject EventIntake intake;
  @Inject WorkQueue queue;
  @Inject GatheringConfig config;

  private final AtomicLong ticker = new AtomicLong();
  private ClaimGathering gathering;
  private int hashes;

  @Override
  protected long startMillis() {
    return 1_700_000_000_123L;
  }

  @BeforeEach
  void setUpGathering() {
    ticker.set(0);
    // A full batch is three items here.
    gathering = new ClaimGathering(config, 3, db, ticker::get);
  }

  @Test
  void the_default_types_are_the_reverse_flows_and_their_echoes() {
    assertThat(config.types())
        .containsExactly("product", "customer", "PricebookEntry", "Product2", "Contact");
    assertThat(config.quietPeriod()).isEqualTo(Duration.ofMillis(300));
    assertThat(config.maxWait()).isEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void gathering_items_wait_for_the_quiet_period_while_others_are_claimed_at_once() {
    long first = event(WebhookCalls.STORE, "customer", "1");
    long order = event(WebhookCalls.STORE, "order", "9");

    assertThat(claimIds()).as("the order only").containsExactly(order);

    ticker.addAndGet(Duration.ofMillis(200).toNanos());
    long second = event(WebhookCalls.STORE, "customer", "2");
    assertThat(claimIds()).as("a new customer joined: still gathering").isEmpty();

    ticker.addAndGet(Duration.ofMillis(299).toNanos());
    assertThat(claimIds()).isEmpty();
    ticker.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(claimIds()).as("quiet for 300 ms: both at once").containsExactly(first, second);
  }

  @Test
  void a_full_batch_is_claimed_at_once_and_each_store_gathers_apart() {
    long a = event(WebhookCalls.STORE, "product", "1");
    long b = event(WebhookCalls.STORE, "product", "2");
    long elsewhere = event(OTHER_STORE, "product", "1");
    assertThat(claimIds()).isEmpty();

    long c = event(WebhookCalls.STORE, "product", "3");

    assertThat(claimIds()).as("this store's three fill a batch").containsExactly(a, b, c);
    ticker.addAndGet(Duration.ofMillis(300).toNanos());
    assertThat(claimIds()).as("the other store's one, once quiet").containsExactly(elsewhere);
  }

  @Test
  void an_item_due_later_does_not_count_until_it_is_due() {
    long retried = event(WebhookCalls.STORE, "customer", "7");
    String token = "worker-a";
    queue.claim(token, 10, clock.millis(), clock.millis() + 20_000);
    queue.retryLater(retried, token, clock.millis(), clock.millis() + 5_000, "BigCommerce 503");

    assertThat(claimIds()).isEmpty();
    ticker.addAndGet(Duration.ofSeconds(1).toNanos());
    assertThat(claimIds()).as("not due: nothing gathers").isEmpty();

    clock.advance(Duration.ofSeconds(5));
    assertThat(claimIds()).as("due now: it gathers first").isEmpty();
    ticker.addAndGet(Duration.ofMillis(300).toNanos());
    assertThat(claimIds()).containsExactly(retried);
  }

  @Test
  void the_count_reads_only_the_oldest_due_items_so_a_group_behind_them_waits_its_turn() {
    int window = ClaimGathering.WINDOW_BATCHES * 3;
    List<Long> orders = new java.util.ArrayList<>();
    for (int i = 0; i < window; i++) {
      orders.add(event(WebhookCalls.STORE, "order", "w" + i));
    }
    long behind = event(WebhookCalls.STORE, "customer", "behind");

    GatherWindows.Round round = gathering.begin(clock.millis());
    gathering.end(round);
    assertThat(round.heldBack()).as("the customer is behind the window: not counted").isEmpty();
    assertThat(round.released()).isEmpty();

    // The orders go; the customer is at the front of the queue now, and gathers.
    String token = "lease-orders";
    assertThat(queue.claim(token, window, clock.millis(), clock.millis() + 20_000))
        .extracting(WorkItem::id)
        .containsExactlyElementsOf(orders);
    assertThat(claimIds()).as("counted now: it gathers").isEmpty();
    ticker.addAndGet(Duration.ofMillis(300).toNanos());
    assertThat(claimIds()).containsExactly(behind);
  }

  @Test
  void a_claim_takes_the_oldest_due_items_first_and_equal_times_by_id() {
    long later = event(WebhookCalls.STORE, "order", "later");
    long first = event(WebhookCalls.STORE, "order", "first");
    long second = event(WebhookCalls.STORE, "order", "second");
    String token = "lease-order";
    queue.claim(token, 10, clock.millis(), clock.millis() + 20_000);
    queue.retryLater(later, token, clock.millis(), clock.millis() + 1_000, "busy");
    queue.retryLater(first, token, clock.millis(), clock.millis() + 500, "busy");
    queue.retryLater(second, token, clock.millis(), clock.millis() + 500, "busy");
    clock.advance(Duration.ofSeconds(1));

    assertThat(queue.claim("lease-next", 2, clock.millis(), clock.millis() + 20_000))
        .extracting(WorkItem::id)
        .containsExactly(first, second);
  }

  private List<Long> claimIds() {
    GatherWindows.Round round = gathering.begin(clock.millis());
    try {
      return queue
          .claim(
              "lease-" + ++hashes, 400, clock.millis(), clock.millis() + 20_000, round.heldBack())
          .stream()
          .map(WorkItem::id)
          .sorted()
          .toList();
    } finally {
      gathering.end(round);
    }
  }

  private long event(String store, String type, String id) {
    return ((IntakeResult.Accepted)
            intake.record(
                new IncomingEvent(
                    new EntityRef(store, type, id),
                    "store/" + type + "/updated",
                    "stores/" + store,
                    null,
                    "hash-" + ++hashes,
                    clock.millis() / 1000,
                    "{}")))
        .workItemId();
  }
}
