package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Declined payment attempts and returns, as the order-rule triggers read them. */
class OrderProblemsTest {
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-03-05T21:40:11Z"));
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;
  private long productId;

  @BeforeEach
  void start() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(clock)
                .rateLimit(10_000, Duration.ofSeconds(30)));
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("abc123"));
    api = Http.forStore(sim, store);
    productId = store.createProduct("Mug", "MUG-1", new BigDecimal("12.5"));
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void aDeclinedPaymentIsAnErrorTransactionAndLeavesTheStatus() {
    long id = store.placeGuestOrder("g@example.com", productId);
    int status = api.get("/v2/orders/" + id).json().get("status_id").asInt();
    assertThat(api.get("/v3/orders/" + id + "/transactions").status()).isEqualTo(200);

    long transaction = store.declinePayment(id, "Insufficient funds");

    JsonNode data = api.get("/v3/orders/" + id + "/transactions").json().get("data");
    JsonNode declined = data.get(data.size() - 1);
    assertThat(declined.get("id").asLong()).isEqualTo(transaction);
    assertThat(declined.get("status").asText()).isEqualTo("error");
    assertThat(declined.get("event").asText()).isEqualTo("purchase");
    assertThat(declined.get("order_id").asText()).isEqualTo(String.valueOf(id));
    assertThat(api.get("/v2/orders/" + id).json().get("status_id").asInt()).isEqualTo(status);
  }

  @Test
  void aReturnSetsTheLinesReturnIdAndAnUnknownSkuIsRefused() {
    long id = store.placeGuestOrder("g@example.com", productId);
    assertThat(api.get("/v2/orders/" + id + "/products").json().get(0).get("return_id").asLong())
        .isZero();

    long returnId = store.markReturned(id, "MUG-1");

    JsonNode line = api.get("/v2/orders/" + id + "/products").json().get(0);
    assertThat(line.get("return_id").asLong()).isEqualTo(returnId).isPositive();
    assertThat(line.get("quantity_refunded").asInt()).isZero();
    assertThatThrownBy(() -> store.markReturned(id, "NOPE"))
        .isInstanceOf(io.bcsync.sim.bigcommerce.http.ApiException.class);
  }
}
