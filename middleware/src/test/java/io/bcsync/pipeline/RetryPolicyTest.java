package io.bcsync.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.bcsync.config.PipelineConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private static PipelineConfig config() {
    return new PipelineConfig(
        1,
        10,
        Duration.ofMillis(500),
        Duration.ofMinutes(5),
        5,
        Duration.ofSeconds(5),
        Duration.ofMinutes(1),
        Duration.ofMinutes(10),
        65536,
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        Duration.ofHours(72),
        true,
        Duration.ofDays(30),
        Duration.ofDays(30));
  }

  @Test
  void delays_double_per_attempt_up_to_the_maximum() {
    RetryPolicy longest = new RetryPolicy(config(), () -> 0.999999);
    assertThat(longest.delayAfter(1)).isBetween(Duration.ofMillis(4_999), Duration.ofSeconds(5));
    assertThat(longest.delayAfter(2)).isBetween(Duration.ofMillis(9_999), Duration.ofSeconds(10));
    assertThat(longest.delayAfter(3)).isBetween(Duration.ofMillis(19_999), Duration.ofSeconds(20));
    assertThat(longest.delayAfter(10)).isBetween(Duration.ofMillis(59_999), Duration.ofMinutes(1));
    assertThat(longest.delayAfter(1000))
        .isBetween(Duration.ofMillis(59_999), Duration.ofMinutes(1));
  }

  @Test
  void jitter_keeps_at_least_half_of_the_delay() {
    RetryPolicy shortest = new RetryPolicy(config(), () -> 0.0);
    assertThat(shortest.delayAfter(1)).isEqualTo(Duration.ofMillis(2_500));
    assertThat(shortest.delayAfter(3)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void retries_stop_at_max_attempts() {
    RetryPolicy policy = new RetryPolicy(config());
    assertThat(policy.mayRetry(4)).isTrue();
    assertThat(policy.mayRetry(5)).isFalse();
  }
}
