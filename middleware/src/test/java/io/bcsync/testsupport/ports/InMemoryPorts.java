package io.bcsync.testsupport.ports;

import io.bcsync.bigcommerce.reading.BigCommerceStoreReader;
import io.bcsync.bigcommerce.writing.BigCommerceCatalogWriter;
import io.bcsync.bigcommerce.writing.BigCommerceCustomerWriter;
import io.bcsync.bigcommerce.writing.BigCommerceInventoryWriter;
import io.bcsync.bigcommerce.writing.BigCommerceStoreWriter;
import io.bcsync.salesforce.SalesforceStartupCheck;
import io.bcsync.salesforce.lookup.SalesforceLeadConversion;
import io.bcsync.salesforce.lookup.SalesforcePricebookEntries;
import io.bcsync.salesforce.lookup.SoqlCandidateSource;
import io.bcsync.salesforce.writer.SoapSalesforceRecords;
import io.bcsync.sync.catalog.PricebookEntries;
import io.bcsync.sync.customers.LeadConversion;
import io.bcsync.sync.matching.CandidateSource;
import io.bcsync.sync.port.CatalogWriter;
import io.bcsync.sync.port.CustomerWriter;
import io.bcsync.sync.port.InventoryWriter;
import io.bcsync.sync.port.SalesforceRecords;
import io.bcsync.sync.port.StoreReader;
import io.bcsync.sync.port.StoreWriter;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.TestDatabases;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * With {@code test.in-memory-ports=true} the core's ports are the in-memory fakes instead of the
 * adapters: one {@link InMemorySalesforce} behind every Salesforce port and one {@link
 * InMemoryStore} behind the BigCommerce ones, each also injectable by its own type so tests can
 * arrange and inspect it. The core's own persistence stays real (H2). {@link #properties()} gives
 * everything such a context needs.
 */
@Factory
@Requires(property = InMemoryPorts.PROPERTY, value = "true")
public class InMemoryPorts {
  public static final String PROPERTY = "test.in-memory-ports";

  /**
   * A context that can run the flows by hand: Salesforce "configured" (password login with dummy
   * credentials, never used: every port that would call it is a fake), mappings validated against
   * the package source, workers and cluster jobs off, a fresh H2 database.
   */
  public static Map<String, String> properties() {
    Map<String, String> properties = new HashMap<>(TestDatabases.h2());
    properties.put(PROPERTY, "true");
    properties.put("bcsync.admin-token", "admin-token-0123456789abcdef");
    properties.put("bcsync.salesforce.auth-mode", "password");
    // Nothing listens there; the startup check that would log in is replaced below.
    properties.put("bcsync.salesforce.login-url", "http://127.0.0.1:9");
    properties.put("bcsync.salesforce.username", "in-memory@example.com");
    properties.put("bcsync.salesforce.password", "not-used");
    properties.put("bcsync.sync.schema-source", "package");
    properties.put(
        "bcsync.sync.package-metadata", SimulatedSalesforce.packageMetadata().toString());
    properties.put("bcsync.pipeline.workers-enabled", "false");
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("micronaut.server.port", "-1");
    return properties;
  }

  /**
   * Adds a configured store with its own sync mapping (YAML laid over the shipped defaults), as
   * {@code bcsync.bigcommerce.stores.<hash>.sync-mapping} names it; stores without one use the
   * defaults and need no configuration at all.
   */
  public static Map<String, String> withStore(
      Map<String, String> properties, String storeHash, String mappingYaml) {
    try {
      Path mapping = Files.createTempFile("bcsync-" + storeHash + "-mapping", ".yml");
      mapping.toFile().deleteOnExit();
      Files.writeString(mapping, mappingYaml);
      properties.put(
          "bcsync.bigcommerce.stores." + storeHash + ".sync-mapping", mapping.toString());
      return withStore(properties, storeHash);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds a configured store on the shipped mapping, for settings under {@code
   * bcsync.bigcommerce.stores.<hash>} (B2B rules, write-back), which need the store configured.
   */
  public static Map<String, String> withStore(Map<String, String> properties, String storeHash) {
    properties.put(
        "bcsync.bigcommerce.stores." + storeHash + ".webhook-secret",
        "in-memory-webhook-secret-0123456789");
    properties.merge("bcsync.staging.allowed-stores", storeHash, (a, b) -> a + "," + b);
    return properties;
  }

  @Singleton
  @Bean(typed = InMemorySalesforce.class)
  InMemorySalesforce salesforce() {
    return new InMemorySalesforce(SimulatedSalesforce.packageMetadata());
  }

  @Singleton
  @Bean(typed = InMemoryStore.class)
  InMemoryStore store() {
    return new InMemoryStore();
  }

  @Singleton
  @Replaces(SoapSalesforceRecords.class)
  SalesforceRecords salesforceRecords(InMemorySalesforce org) {
    return org;
  }

  @Singleton
  @Replaces(SoqlCandidateSource.class)
  CandidateSource candidateSource(InMemorySalesforce org) {
    return org;
  }

  @Singleton
  @Replaces(SalesforceLeadConversion.class)
  LeadConversion leadConversion(InMemorySalesforce org) {
    return org;
  }

  @Singleton
  @Replaces(SalesforcePricebookEntries.class)
  PricebookEntries pricebookEntries(InMemorySalesforce org) {
    return org;
  }

  @Singleton
  @Replaces(BigCommerceStoreReader.class)
  StoreReader storeReader(InMemoryStore store) {
    return store;
  }

  @Singleton
  @Bean(typed = InMemoryCatalog.class)
  InMemoryCatalog catalog() {
    return new InMemoryCatalog();
  }

  @Singleton
  @Replaces(BigCommerceCatalogWriter.class)
  CatalogWriter catalogWriter(InMemoryCatalog catalog) {
    return catalog;
  }

  @Singleton
  @Replaces(BigCommerceInventoryWriter.class)
  InventoryWriter inventoryWriter(InMemoryCatalog catalog) {
    return catalog;
  }

  @Singleton
  @Bean(typed = InMemoryCustomers.class)
  InMemoryCustomers customers() {
    return new InMemoryCustomers();
  }

  @Singleton
  @Replaces(BigCommerceCustomerWriter.class)
  CustomerWriter customerWriter(InMemoryCustomers customers) {
    return customers;
  }

  @Singleton
  @Replaces(BigCommerceStoreWriter.class)
  StoreWriter storeWriter(InMemoryStore store) {
    return store;
  }

  @Singleton
  @Bean(typed = InMemoryPayments.class)
  InMemoryPayments payments() {
    return new InMemoryPayments();
  }

  @Singleton
  @Replaces(io.bcsync.bigcommerce.reading.BigCommerceOrderPayments.class)
  io.bcsync.sync.port.OrderPayments orderPayments(InMemoryPayments payments) {
    return payments;
  }

  /**
   * The real check logs in at startup to run the org guard; there is no org here, so it would only
   * wait for a refused connection and log a warning.
   */
  @Singleton
  @Replaces(SalesforceStartupCheck.class)
  ApplicationEventListener<StartupEvent> noOrgToCheck() {
    return event ->
        LoggerFactory.getLogger(InMemoryPorts.class)
            .debug("In-memory ports: no Salesforce org to check at startup");
  }
}
