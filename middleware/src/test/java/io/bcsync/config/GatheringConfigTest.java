package io.bcsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The workers' gathering: overrides bind, an empty list turns it off, a bad value names its key.
 */
class GatheringConfigTest {

  private static Map<String, Object> valid() {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.pipeline.workers-enabled", "false");
    return properties;
  }

  @Test
  void overrides_bind_and_an_empty_list_turns_gathering_off() {
    Map<String, Object> tuned = valid();
    tuned.put("bcsync.pipeline.gathering.types", "Contact, customer");
    tuned.put("bcsync.pipeline.gathering.quiet-period", "1s");
    tuned.put("bcsync.pipeline.gathering.max-wait", "10s");
    try (ApplicationContext context = ApplicationContext.run(tuned)) {
      assertThat(context.getBean(GatheringConfig.class))
          .isEqualTo(
              new GatheringConfig(
                  List.of("Contact", "customer"), Duration.ofSeconds(1), Duration.ofSeconds(10)));
    }
    Map<String, Object> off = valid();
    off.put("bcsync.pipeline.gathering.types", "");
    try (ApplicationContext context = ApplicationContext.run(off)) {
      assertThat(context.getBean(GatheringConfig.class).enabled()).isFalse();
    }
  }

  @Test
  void a_bad_value_stops_startup_naming_the_key() {
    assertThatThrownBy(
            () ->
                new GatheringConfig(
                    List.of("order; DROP"), Duration.ofMillis(300), Duration.ofSeconds(3)))
        .hasMessageContaining("bcsync.pipeline.gathering.types")
        .hasMessageContaining("is not an entity type");
    assertThatThrownBy(
            () -> new GatheringConfig(List.of("Contact"), Duration.ZERO, Duration.ofSeconds(3)))
        .hasMessageContaining("bcsync.pipeline.gathering.quiet-period");

    Map<String, Object> waitShorterThanQuiet = valid();
    waitShorterThanQuiet.put("bcsync.pipeline.gathering.max-wait", "100ms");
    assertThatThrownBy(
            () -> {
              try (ApplicationContext context = ApplicationContext.run(waitShorterThanQuiet)) {
                context.getBean(GatheringConfig.class);
              }
            })
        .hasStackTraceContaining(
            "bcsync.pipeline.gathering.max-wait must not be shorter than quiet-period");
  }
}
