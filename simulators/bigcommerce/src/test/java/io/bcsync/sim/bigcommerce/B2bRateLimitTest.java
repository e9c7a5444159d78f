package io.bcsync.sim.bigcommerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.sim.bigcommerce.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * B2B Edition responses carry the B2B host's own rate-limit headers, not the store API's
 * X-Rate-Limit-*: X-Requests-Allocated (documented example "150 times/60 s"), X-Requests-Remaining,
 * X-Request-Window-Resets-After. Source: ../shared/reference/bigcommerce.md section 12 (from
 * bigcommerce/docs docs/b2b-edition). The quota and the reset unit (seconds) are the simulator's
 * reading of that example (UNVERIFIED); used up, the host answers 429.
 */
class B2bRateLimitTest {
  @Test
  void every_b2b_response_reports_the_b2b_quota_and_429_when_it_is_used_up() {
    MutableClock clock = MutableClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    try (BigCommerceSimulator sim =
        BigCommerceSimulator.start(BigCommerceSimulator.Options.defaults().clock(clock))) {
      SimulatedStore store = sim.createStore(BigCommerceSimulator.StoreSpec.named("b2brl1"));
      Http b2b = Http.forB2b(sim, store);

      Http.Response first = b2b.get("/companies");

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.header("X-Requests-Allocated")).isEqualTo("150 times/60 s");
      assertThat(first.header("X-Requests-Remaining")).isEqualTo("149");
      assertThat(first.header("X-Request-Window-Resets-After")).isEqualTo("60");
      assertThat(first.header("X-Rate-Limit-Requests-Quota")).isNull();

      for (int i = 0; i < 149; i++) {
        assertThat(b2b.get("/companies").status()).isEqualTo(200);
      }
      Http.Response limited = b2b.get("/companies");
      assertThat(limited.status()).isEqualTo(429);
      assertThat(limited.header("X-Requests-Remaining")).isEqualTo("0");

      clock.advance(Duration.ofSeconds(60));
      assertThat(b2b.get("/companies").header("X-Requests-Remaining")).isEqualTo("149");
    }
  }
}
