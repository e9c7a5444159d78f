package io.bcsync.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What a backfill enqueues and how it advances, step by step: once per entity modified since the
 * date, pausing at the queue's high-water mark, joining an open work item, stopping between pages
 * when cancelled, and reading a page again after a retryable failure.
 */
@MicronautTest(transactional = false)
class BackfillRunnerTest extends BackfillTestBase {
  @Test
  void
      every_customer_and_order_modified_since_the_date_is_enqueued_once_and_the_queue_high_water_mark_pauses_it()
          throws Exception {
    SimulatedStore store = stores.get(BIG);
    simClock.set(OLD);
    long oldCustomer = store.createCustomer("old@example.com", "Old", "Timer");
    long oldOrder =
        store.placeGuestOrder(
            "old-guest@example.com",
            store.createProduct("Old", "OLD-1", new java.math.BigDecimal("5.00")));
    simClock.set(RECENT);
    List<Long> customers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      customers.add(store.createCustomer("c" + i + "@example.com", "Cust", "Omer" + i));
    }
    List<Long> orders = store.burstOrders(600);

    JsonNode started =
        json(post("/admin/backfill", "{\"store\":\"" + BIG + "\",\"since\":\"2024-01-01\"}", 201));
    long id = started.get("id").asLong();
    assertThat(started.get("state").asText()).isEqualTo("RUNNING");
    assertThat(started.get("phase").asText()).isEqualTo("CUSTOMERS");

    // Customers: 250 + 50 (two pages), then orders 250 + 250 = 800 pending, above the mark of 700.
    List<BackfillRunner.Step> steps = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clock.advance(Duration.ofSeconds(15));
      steps.add(runner.step(id));
    }
    assertThat(steps).containsOnly(BackfillRunner.Step.ADVANCED);
    long callsBeforePause = apiCalls(store);

    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.PAUSED);
    JsonNode paused = json(get("/admin/backfill/" + id, 200));
    assertThat(paused.get("state").asText()).isEqualTo("PAUSED");
    assertThat(paused.get("pausedAtMs").asLong()).isEqualTo(clock.millis());
    assertThat(paused.get("enqueued").get("customers").asLong()).isEqualTo(300);
    assertThat(paused.get("enqueued").get("orders").asLong()).isEqualTo(500);
    assertThat(paused.get("customersTotal").asLong()).isEqualTo(300);
    // 800 enqueued over the one minute the clock moved.
    assertThat(paused.get("ratePerMinute").asDouble()).isEqualTo(800.0);
    long remaining = paused.get("ordersRemainingEstimate").asLong();
    assertThat(remaining).as("estimated from the id range").isBetween(90L, 110L);
    assertThat(paused.get("etaSeconds").asLong())
        .isCloseTo(Math.round(remaining / 800.0 * 60), within(1L));
    assertThat(apiCalls(store))
        .as("a paused backfill does not call BigCommerce")
        .isEqualTo(callsBeforePause);
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.PAUSED);

    // Workers finish what is queued: the backfill carries on where it stopped.
    drainQueue();
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.FINISHED);
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.STOPPED);

    JsonNode done = json(get("/admin/backfill/" + id, 200));
    assertThat(done.get("state").asText()).isEqualTo("DONE");
    assertThat(done.get("phase").asText()).isEqualTo("FINISHED");
    assertThat(done.get("enqueued").get("orders").asLong()).isEqualTo(600);
    assertThat(done.get("etaSeconds").asLong()).isZero();
    assertThat(done.get("workItems").get("customer").get("DONE").asLong()).isEqualTo(300);
    assertThat(done.get("workItems").get("order").get("DONE").asLong()).isEqualTo(500);
    assertThat(done.get("workItems").get("order").get("PENDING").asLong()).isEqualTo(100);

    List<WorkItem> items =
        inspector.workItems(Optional.empty(), Optional.empty(), 5000).stream()
            .filter(item -> item.entity().storeHash().equals(BIG))
            .toList();
    assertThat(ids(items, "customer"))
        .containsExactlyInAnyOrderElementsOf(customers)
        .doesNotContain(oldCustomer);
    assertThat(ids(items, "order"))
        .containsExactlyInAnyOrderElementsOf(orders)
        .doesNotContain(oldOrder);
    assertThat(items)
        .as("one work item per entity, of the kind webhooks produce")
        .allSatisfy(
            item -> {
              assertThat(item.eventCount()).isEqualTo(1);
              assertThat(item.scopes())
                  .containsExactly("bcsync/backfill/" + item.entity().type() + "s");
            });
  }

  @Test
  void a_backfill_joins_the_open_work_item_a_webhook_already_created() throws Exception {
    SimulatedStore store = stores.get(OTHER);
    simClock.set(RECENT);
    long customer = store.createCustomer("joined@example.com", "Jo", "Ined");
    // What a webhook for that customer left in the queue.
    String callback = "{\"source\":\"test\"}";
    var intake = server.getApplicationContext().getBean(io.bcsync.pipeline.EventIntake.class);
    intake.record(
        new io.bcsync.pipeline.IncomingEvent(
            new io.bcsync.pipeline.EntityRef(OTHER, "customer", String.valueOf(customer)),
            "store/customer/updated",
            "stores/" + OTHER,
            null,
            "hash-1",
            1L,
            callback));

    long id =
        json(post("/admin/backfill", "{\"store\":\"" + OTHER + "\",\"since\":\"2024-01-01\"}", 201))
            .get("id")
            .asLong();
    while (runner.step(id) == BackfillRunner.Step.ADVANCED) {
      clock.advance(Duration.ofSeconds(1));
    }

    List<WorkItem> items =
        inspector.workItems(Optional.empty(), Optional.empty(), 100).stream()
            .filter(item -> item.entity().storeHash().equals(OTHER))
            .toList();
    assertThat(items)
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.eventCount()).isEqualTo(2);
              assertThat(item.scopes())
                  .containsExactly("store/customer/updated", "bcsync/backfill/customers");
            });
    assertThat(
            json(get("/admin/backfill/" + id, 200))
                .get("workItems")
                .get("customer")
                .get("PENDING")
                .asLong())
        .isEqualTo(1);
  }

  @Test
  void a_cancelled_backfill_stops_between_pages_and_keeps_what_it_enqueued() throws Exception {
    SimulatedStore store = stores.get(SMALL);
    simClock.set(RECENT);
    for (int i = 0; i < 260; i++) {
      store.createCustomer("s" + i + "@example.com", "Small", "Store" + i);
    }
    long id =
        json(post("/admin/backfill", "{\"store\":\"" + SMALL + "\",\"since\":\"2024-01-01\"}", 201))
            .get("id")
            .asLong();
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.ADVANCED);

    post("/admin/backfill/" + id + "/cancel", "", 200);
    long callsAfterCancel = apiCalls(store);

    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.STOPPED);
    assertThat(apiCalls(store)).isEqualTo(callsAfterCancel);
    JsonNode cancelled = json(get("/admin/backfill/" + id, 200));
    assertThat(cancelled.get("state").asText()).isEqualTo("CANCELLED");
    assertThat(cancelled.get("enqueued").get("customers").asLong()).isEqualTo(250);
    assertThat(cancelled.get("workItems").get("customer").get("PENDING").asLong()).isEqualTo(250);
  }

  @Test
  void a_page_that_fails_retryably_is_read_again_and_a_permanent_refusal_fails_the_backfill()
      throws Exception {
    SimulatedStore store = stores.get(FAILING);
    simClock.set(RECENT);
    long customer = store.createCustomer("fail@example.com", "Fa", "Il");
    long id =
        json(post(
                "/admin/backfill", "{\"store\":\"" + FAILING + "\",\"since\":\"2024-01-01\"}", 201))
            .get("id")
            .asLong();

    store.injectFault(Fault.status(500, 1).on("GET", "/v3/customers"));
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.FAILED_ATTEMPT);
    JsonNode retrying = json(get("/admin/backfill/" + id, 200));
    assertThat(retrying.get("state").asText()).isEqualTo("RUNNING");
    assertThat(retrying.get("lastError").asText())
        .contains("500")
        .doesNotContain("token-" + FAILING);
    assertThat(retrying.get("enqueued").get("customers").asLong()).isZero();

    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.ADVANCED);
    JsonNode recovered = json(get("/admin/backfill/" + id, 200));
    assertThat(recovered.get("enqueued").get("customers").asLong()).isEqualTo(1);
    assertThat(recovered.get("lastError").isNull()).isTrue();

    store.injectFault(Fault.status(403, 1).on("GET", "/v2/orders"));
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.FAILED_ATTEMPT);
    JsonNode failed = json(get("/admin/backfill/" + id, 200));
    assertThat(failed.get("state").asText()).isEqualTo("FAILED");
    assertThat(failed.get("lastError").asText()).contains("403");
    assertThat(runner.step(id)).isEqualTo(BackfillRunner.Step.STOPPED);
    assertThat(
            ids(
                inspector.workItems(Optional.empty(), Optional.empty(), 5000).stream()
                    .filter(item -> item.entity().storeHash().equals(FAILING))
                    .toList(),
                "customer"))
        .containsExactly(customer);
    store.clearFaults();
  }
}
