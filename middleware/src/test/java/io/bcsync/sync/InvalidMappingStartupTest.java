package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store's mapping file that does not fit the org stops the application at startup, naming file,
 * line and field.
 */
class InvalidMappingStartupTest {

  @Test
  void a_mapping_naming_a_field_the_org_lacks_fails_startup_with_file_line_and_field(
      @TempDir Path dir) throws Exception {
    Path mapping = dir.resolve("bad-store.yml");
    Files.writeString(
        mapping,
        """
        orders:
          target: Order
        objects:
          Order:
            fields:
              BC_Odrer_Total__c: $.order.total_inc_tax
        """);
    try (SalesforceSimulator sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox())) {
      Map<String, Object> properties = startupProperties(sf, "badmap", mapping);

      Throwable failure =
          catchThrowable(() -> ApplicationContext.builder().properties(properties).start().close());

      assertThat(failure).isNotNull();
      Throwable root = failure;
      StringBuilder messages = new StringBuilder();
      while (root != null) {
        messages.append(root.getMessage()).append('\n');
        root = root.getCause();
      }
      assertThat(messages.toString()).contains(mapping + ":6: Order.BC_Odrer_Total__c");
    }
  }

  @Test
  void the_same_setup_with_a_valid_mapping_starts(@TempDir Path dir) throws Exception {
    Path mapping = dir.resolve("good-store.yml");
    Files.writeString(mapping, "orders:\n  target: BC_Order__c\n");
    try (SalesforceSimulator sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox())) {
      Map<String, Object> properties = startupProperties(sf, "goodmap", mapping);

      try (ApplicationContext context =
          ApplicationContext.builder().properties(properties).start()) {
        assertThat(
                context.getBean(SyncConfigs.class).forStore("goodmap").config().orders().object())
            .isEqualTo("BC_Order__c");
        assertThat(context.getBean(SyncConfigs.class).forStore("other").config().orders().object())
            .isEqualTo("Order");
      }
    }
  }

  @Test
  void mappings_are_validated_against_the_org_itself_when_it_can_be_described() throws Exception {
    // An org without the package: the package source on disk says the fields exist, the org says
    // they do not.
    try (SalesforceSimulator sf =
        SimulatedSalesforce.start(
            io.bcsync.sim.salesforce.SimulatorOptions.defaults().sandbox(true))) {
      Map<String, Object> properties = startupProperties(sf, "nopkg", null);

      Throwable failure =
          catchThrowable(() -> ApplicationContext.builder().properties(properties).start().close());

      assertThat(failure).as("the shipped defaults name package fields this org lacks").isNotNull();
      StringBuilder messages = new StringBuilder();
      for (Throwable t = failure; t != null; t = t.getCause()) {
        messages.append(t.getMessage()).append('\n');
      }
      assertThat(messages.toString()).contains("Invalid sync mapping").contains("BC_Order_Id__c");

      properties.put("bcsync.sync.schema-source", "package");
      try (ApplicationContext offline =
          ApplicationContext.builder().properties(properties).start()) {
        assertThat(offline.getBean(SyncConfigs.class).forStore("nopkg").config().orders().object())
            .as("validated against the package source only, as configured")
            .isEqualTo("Order");
      }
    }
  }

  /**
   * The middleware against the simulated org, one configured store, its mapping file if given; no
   * workers.
   */
  private static Map<String, Object> startupProperties(
      SalesforceSimulator sf, String store, Path mapping) {
    Map<String, Object> properties = new HashMap<>(TestDatabases.h2());
    properties.putAll(SimulatedSalesforce.passwordLogin(sf));
    properties.put("micronaut.server.port", "-1");
    properties.put("bcsync.admin-token", "admin-token-0123456789abcdef");
    properties.put(
        "bcsync.bigcommerce.stores." + store + ".webhook-secret",
        store + "-webhook-secret-0123456789");
    if (mapping != null) {
      properties.put("bcsync.bigcommerce.stores." + store + ".sync-mapping", mapping.toString());
    }
    properties.put("bcsync.staging.allowed-stores", store);
    properties.put(
        "bcsync.sync.package-metadata", SimulatedSalesforce.packageMetadata().toString());
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.pipeline.workers-enabled", "false");
    return properties;
  }
}
