package io.bcsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Intake group-commit tuning: defaults, overrides, and an out-of-range value stopping startup by
 * name.
 */
class IntakeBatchConfigTest {

  private static Map<String, Object> valid() {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    return properties;
  }

  @Test
  void defaults_and_overrides_bind() {
    try (ApplicationContext context = ApplicationContext.run(valid())) {
      assertThat(context.getBean(IntakeBatchConfig.class))
          .isEqualTo(
              new IntakeBatchConfig(
                  256,
                  2,
                  10_000,
                  Duration.ofSeconds(2),
                  Duration.ofSeconds(1),
                  Duration.ofSeconds(5)));
    }
    Map<String, Object> tuned = valid();
    tuned.put("bcsync.pipeline.intake-batch-max", "64");
    tuned.put("bcsync.pipeline.intake-writers", "1");
    tuned.put("bcsync.pipeline.intake-queue-max", "500");
    tuned.put("bcsync.pipeline.intake-timeout", "3s");
    tuned.put("bcsync.pipeline.intake-lock-wait", "2s");
    tuned.put("bcsync.pipeline.intake-network-timeout", "10s");
    try (ApplicationContext context = ApplicationContext.run(tuned)) {
      assertThat(context.getBean(IntakeBatchConfig.class))
          .isEqualTo(
              new IntakeBatchConfig(
                  64,
                  1,
                  500,
                  Duration.ofSeconds(3),
                  Duration.ofSeconds(2),
                  Duration.ofSeconds(10)));
    }
  }

  @Test
  void an_out_of_range_value_stops_startup_naming_the_key() {
    Map<String, Object> noBatch = valid();
    noBatch.put("bcsync.pipeline.intake-batch-max", "0");
    assertThatThrownBy(() -> ApplicationContext.run(noBatch).close())
        .hasStackTraceContaining("bcsync.pipeline.intake-batch-max must be between 1 and 1000");

    Map<String, Object> tooManyWriters = valid();
    tooManyWriters.put("bcsync.pipeline.intake-writers", "64");
    assertThatThrownBy(() -> ApplicationContext.run(tooManyWriters).close())
        .hasStackTraceContaining("bcsync.pipeline.intake-writers must be between 1 and 16");

    Map<String, Object> networkShorterThanLockWait = valid();
    networkShorterThanLockWait.put("bcsync.pipeline.intake-network-timeout", "1s");
    assertThatThrownBy(() -> ApplicationContext.run(networkShorterThanLockWait).close())
        .hasStackTraceContaining(
            "bcsync.pipeline.intake-network-timeout must be longer than intake-lock-wait");

    Map<String, Object> noTimeout = valid();
    noTimeout.put("bcsync.pipeline.intake-timeout", "0s");
    assertThatThrownBy(() -> ApplicationContext.run(noTimeout).close())
        .hasStackTraceContaining("bcsync.pipeline.intake-timeout must be a positive duration");
  }
}
