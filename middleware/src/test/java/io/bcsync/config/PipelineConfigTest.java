package io.bcsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pipeline's settings are checked when the service starts. */
class PipelineConfigTest {

  @Test
  void history_retention_shorter_than_the_webhook_max_age_is_refused() {
    assertThatThrownBy(() -> config(Duration.ofHours(72), Duration.ofHours(24)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("bcsync.pipeline.history-retention")
        .hasMessageContaining("webhook-max-age");
    assertThat(config(Duration.ofHours(72), Duration.ofHours(72)).historyRetention())
        .isEqualTo(Duration.ofHours(72));
  }

  @Test
  void history_retention_must_be_positive() {
    assertThatThrownBy(() -> config(Duration.ofHours(72), Duration.ZERO))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("history-retention");
  }

  private static PipelineConfig config(Duration webhookMaxAge, Duration historyRetention) {
    return new PipelineConfig(
        2,
        400,
        Duration.ofMillis(500),
        Duration.ofSeconds(20),
        8,
        Duration.ofSeconds(5),
        Duration.ofHours(1),
        Duration.ofMinutes(10),
        65536,
        Duration.ofMinutes(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        Duration.ofSeconds(30),
        webhookMaxAge,
        true,
        Duration.ofDays(30),
        historyRetention);
  }
}
