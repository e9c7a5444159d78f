package io.bcsync.bigcommerce.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.config.BigCommerceClientConfig;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The page-at-a-time listings a backfill walks: customers by page, orders by id keyset, both since
 * a date.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingPagesSimulatorTest {
  static final Instant OLD = Instant.parse("2023-06-01T10:00:00Z");
  static final Instant SINCE = Instant.parse("2024-01-01T00:00:00Z");
  static final Instant RECENT = Instant.parse("2024-03-01T10:00:00Z");

  MutableClock simClock = MutableClock.startingAt(OLD);
  BigCommerceSimulator sim;
  BigCommerceTransport transport;

  @BeforeAll
  void start() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(simClock)
                .rateLimit(100_000, Duration.ofSeconds(30)));
    transport =
        new BigCommerceTransport(
            URI.create(sim.baseUrl()),
            BigCommerceClientConfig.defaults(),
            new QuotaMetrics(new SimpleMeterRegistry()),
            Clock.systemUTC(),
            RateBudget.Waiter.BLOCKING);
  }

  @AfterAll
  void stop() {
    sim.close();
  }

  @Test
  void customers_modified_since_a_date_come_in_pages_with_the_collection_total() {
    SimulatedStore store =
        sim.createStore(BigCommerceSimulator.StoreSpec.named("pages1").accessToken("t1"));
    simClock.set(OLD);
    for (int i = 0; i < 5; i++) {
      store.createCustomer("old" + i + "@example.com", "Old", "Customer" + i);
    }
    simClock.set(RECENT);
    List<Long> recent = new ArrayList<>();
    for (int i = 0; i < 260; i++) {
      recent.add(store.createCustomer("new" + i + "@example.com", "New", "Customer" + i));
    }
    CustomersApi customers = new StoreClient(transport, store.hash(), "t1").customers();

    CustomersApi.CustomerPage first = customers.modifiedPage(SINCE, null, 1, false);
    CustomersApi.CustomerPage second = customers.modifiedPage(SINCE, null, 2, true);
    CustomersApi.CustomerPage beyond = customers.modifiedPage(SINCE, null, 3, false);

    assertThat(first.total()).isEqualTo(260);
    assertThat(first.totalPages()).isEqualTo(2);
    assertThat(first.customers()).hasSize(250);
    assertThat(second.customers()).hasSize(10);
    assertThat(second.customers().get(0).has("addresses"))
        .as("addresses inlined on request")
        .isTrue();
    assertThat(beyond.customers()).isEmpty();
    List<Long> read = new ArrayList<>(first.ids());
    read.addAll(second.ids());
    assertThat(read).containsExactlyInAnyOrderElementsOf(recent);

    CustomersApi.CustomerPage bounded = customers.modifiedPage(Instant.EPOCH, SINCE, 1, false);
    assertThat(bounded.total()).as("until bounds the range").isEqualTo(5);
  }

  @Test
  void orders_modified_since_a_date_are_walked_by_ascending_id_after_a_cursor() {
    SimulatedStore store =
        sim.createStore(BigCommerceSimulator.StoreSpec.named("pages2").accessToken("t2"));
    long product = store.createProduct("Lamp", "LAMP-1", new BigDecimal("10.00"));
    simClock.set(OLD);
    long oldOrder = store.placeGuestOrder("old@example.com", product);
    simClock.set(RECENT);
    List<Long> recent = store.burstOrders(300);
    OrdersApi orders = new StoreClient(transport, store.hash(), "t2").orders();

    List<JsonNode> first = orders.modifiedPageAfter(SINCE, null, 0);
    long cursor = Fields.longValue(first.get(first.size() - 1), "id");
    List<JsonNode> second = orders.modifiedPageAfter(SINCE, null, cursor);
    List<JsonNode> none =
        orders.modifiedPageAfter(
            SINCE, null, Fields.longValue(second.get(second.size() - 1), "id"));

    assertThat(first).hasSize(250);
    assertThat(second).hasSize(50);
    assertThat(none).isEmpty();
    List<Long> ids = new ArrayList<>();
    first.forEach(o -> ids.add(Fields.longValue(o, "id")));
    second.forEach(o -> ids.add(Fields.longValue(o, "id")));
    assertThat(ids).isSorted().containsExactlyElementsOf(recent).doesNotContain(oldOrder);
    assertThat(orders.highestIdModifiedSince(SINCE)).contains(recent.get(recent.size() - 1));
    assertThat(orders.modifiedPageAfter(Instant.EPOCH, SINCE, 0))
        .extracting(o -> Fields.longValue(o, "id"))
        .containsExactly(oldOrder);
  }
}
