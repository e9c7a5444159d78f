package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RateLimitAndFaultsTest {
  private final MutableClock clock = MutableClock.startingAt(Instant.parse("2024-01-01T00:00:00Z"));
  private BigCommerceSimulator sim;
  private SimulatedStore store;
  private Http api;

  @BeforeEach
  void start() {
    sim =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults()
                .clock(clock)
                .rateLimit(3, Duration.ofSeconds(30)));
    store = sim.createStore(BigCommerceSimulator.StoreSpec.named("rl1234"));
    api = Http.forStore(sim, store);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void quotaPerWindowWithHeadersOnEveryResponseAnd429UntilReset() {
    Http.Response first = api.get("/v2/store");
    clock.advance(Duration.ofSeconds(10));
    api.get("/v2/store");
    Http.Response third = api.get("/v3/customers");
    Http.Response limited = api.get("/v3/customers");

    assertThat(first.header("X-Rate-Limit-Requests-Quota")).isEqualTo("3");
    assertThat(first.header("X-Rate-Limit-Requests-Left")).isEqualTo("2");
    assertThat(first.header("X-Rate-Limit-Time-Window-Ms")).isEqualTo("30000");
    assertThat(first.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("30000");
    assertThat(third.header("X-Rate-Limit-Requests-Left")).isEqualTo("0");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.header("X-Rate-Limit-Time-Reset-Ms")).isEqualTo("20000");
    assertThat(limited.header("X-Retry-After")).isEqualTo("20");
    assertThat(limited.json().get("status").asInt()).isEqualTo(429);

    clock.advance(Duration.ofSeconds(20));
    Http.Response afterReset = api.get("/v3/customers");
    assertThat(afterReset.status()).isEqualTo(200);
    assertThat(afterReset.header("X-Rate-Limit-Requests-Left")).isEqualTo("2");
  }

  @Test
  void injectedStatusFaultsHitMatchingCallsOnlyTheGivenNumberOfTimes() {
    store.injectFault(Fault.status(503, 2).on("GET", "/v2/orders"));

    assertThat(api.get("/v2/store").status()).isEqualTo(200);
    assertThat(api.get("/v2/orders").status()).isEqualTo(503);
    assertThat(api.get("/v2/orders").status()).isEqualTo(503);
    clock.advance(Duration.ofSeconds(30));
    assertThat(api.get("/v2/orders").status()).isEqualTo(204);
  }

  @Test
  void rateLimitStormAnswers429AsIfTheQuotaWereGone() {
    store.injectFault(Fault.rateLimitStorm(1));

    Http.Response storm = api.get("/v2/store");

    assertThat(storm.status()).isEqualTo(429);
    assertThat(storm.header("X-Rate-Limit-Requests-Left")).isEqualTo("0");
    assertThat(api.get("/v2/store").status()).isEqualTo(429);
    clock.advance(Duration.ofSeconds(30));
    assertThat(api.get("/v2/store").status()).isEqualTo(200);
  }

  @Test
  void timeoutFaultHoldsTheCallLongerThanTheClientWaits() {
    store.injectFault(Fault.timeout(Duration.ofSeconds(3), 1));
    var client = java.net.http.HttpClient.newHttpClient();
    var request =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(sim.baseUrl() + "/stores/rl1234/v2/store"))
            .header("X-Auth-Token", store.accessToken())
            .timeout(Duration.ofMillis(300))
            .build();

    CompletableFuture<?> call =
        client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.discarding());

    assertThat(call)
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void concurrencyCapRejectsCallsBeyondTheLimitWith429() {
    BigCommerceSimulator wide =
        BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults().clock(clock));
    try {
      SimulatedStore s = wide.createStore(BigCommerceSimulator.StoreSpec.named("cc1234"));
      long id = s.createCustomer("c@example.com", "C", "D");
      CompletableFuture<Void> gate = new CompletableFuture<>();
      Fault hold = Fault.gate(gate, 3).on("PUT", "/v3/customers");
      s.injectFault(hold);
      Http client = Http.forStore(wide, s);
      List<Map<String, Object>> body = List.of(Map.of("id", id, "notes", "x"));
      var threads = java.util.concurrent.Executors.newFixedThreadPool(3);
      List<CompletableFuture<Http.Response>> held =
          java.util.stream.IntStream.range(0, 3)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> client.put("/v3/customers", body), threads))
              .toList();
      threads.shutdown();
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> hold.arrivals() == 3);

      Http.Response fourth = client.put("/v3/customers", body);
      gate.complete(null);

      assertThat(fourth.status()).isEqualTo(429);
      assertThat(held).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(200));
      assertThat(client.put("/v3/customers", body).status()).isEqualTo(200);
    } finally {
      wide.close();
    }
  }
}
