package io.bcsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
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
      assertThat(context.getBean(IntakeBatchConfig.class)).isEqualTo(new IntakeBatchConfig(256, 2));
    }
    Map<String, Object> tuned = valid();
    tuned.put("bcsync.pipeline.intake-batch-max", "64");
    tuned.put("bcsync.pipeline.intake-writers", "1");
    try (ApplicationContext context = ApplicationContext.run(tuned)) {
      assertThat(context.getBean(IntakeBatchConfig.class)).isEqualTo(new IntakeBatchConfig(64, 1));
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
  }
}
