package io.bcsync.sync.routing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bcsync.config.GatheringConfig;
import io.bcsync.config.ReconciliationPollConfig;
import io.bcsync.config.SalesforceStreamingConfig;
import io.bcsync.pipeline.Outcome;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.testsupport.TestDatabases;
import io.bcsync.testsupport.WebhookCalls;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A gathering type no work item can have stops startup; every type bcsync queues is accepted. */
class GatheringTypesCheckTest {

  /** Takes BigCommerce orders only, like a deployment whose other flows are switched off. */
  private static final Flow ORDERS =
      new Flow() {
        @Override
        public String name() {
          return "orders";
        }

        @Override
        public boolean handles(WorkKind kind) {
          return kind.is(Origin.BIGCOMMERCE, "order");
        }

        @Override
        public Map<Long, Outcome> run(List<WorkItem> items) {
          return Map.of();
        }
      };

  private static void check(List<String> channels, String... types) {
    new GatheringTypesCheck(
        new GatheringConfig(Arrays.asList(types), Duration.ofMillis(300), Duration.ofSeconds(3)),
        List.of(ORDERS),
        new SalesforceStreamingConfig(
            false,
            channels,
            Duration.ofSeconds(30),
            Duration.ofSeconds(10),
            Duration.ofHours(60),
            Duration.ofHours(1),
            null),
        new ReconciliationPollConfig(Duration.ofMinutes(5), List.of("Lead")));
  }

  @Test
  void accepts_the_defaults_what_a_flow_takes_and_what_salesforce_sends() {
    assertThatCode(
            () ->
                check(
                    List.of("/data/Thing__ChangeEvent", "/event/BC_Sync_Request__e"),
                    "product",
                    "customer",
                    "PricebookEntry",
                    "Product2",
                    "Contact",
                    "order",
                    "Thing__c",
                    "BC_Sync_Request__e",
                    "Lead"))
        .doesNotThrowAnyException();
  }

  @Test
  void a_misspelt_or_miscased_type_stops_startup_naming_the_key_and_each_type() {
    assertThatThrownBy(
            () -> check(SalesforceStreamingConfig.DEFAULT_CHANNELS, "order", "prodcut", "contact"))
        .hasMessageContaining("bcsync.pipeline.gathering.types 'prodcut', 'contact': ")
        .hasMessageContaining("case-sensitive");
    // A Salesforce object no channel or poll names, and a BigCommerce type no flow takes.
    assertThatThrownBy(() -> check(List.of("/data/ContactChangeEvent"), "Opportunity"))
        .hasMessageContaining("'Opportunity'");
    assertThatThrownBy(() -> check(List.of("/data/ContactChangeEvent"), "cart"))
        .hasMessageContaining("'cart'");
  }

  @Test
  void a_channel_of_several_objects_leaves_salesforce_types_unchecked() {
    assertThatCode(() -> check(List.of("/data/ChangeEvents"), "Opportunity"))
        .doesNotThrowAnyException();
    assertThatCode(() -> check(List.of("/data/Sales__chn"), "Opportunity"))
        .doesNotThrowAnyException();
  }

  @Test
  void the_service_refuses_to_start_with_a_misspelt_type_and_starts_with_its_defaults() {
    Map<String, Object> properties = new HashMap<>(WebhookCalls.storeProperties());
    properties.putAll(TestDatabases.h2());
    properties.put("bcsync.pipeline.workers-enabled", "false");
    try (ApplicationContext context = ApplicationContext.run(properties)) {
      assertThatCode(() -> context.getBean(GatheringTypesCheck.class)).doesNotThrowAnyException();
    }
    properties.put("bcsync.pipeline.gathering.types", "order,Contcat");
    assertThatThrownBy(() -> ApplicationContext.run(properties).close())
        .hasStackTraceContaining("bcsync.pipeline.gathering.types 'Contcat': not a type");
  }
}
