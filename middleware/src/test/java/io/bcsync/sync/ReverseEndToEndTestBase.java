package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bcsync.pipeline.QueueInspector;
import io.bcsync.pipeline.WorkItem;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.salesforce.streaming.StreamingComponents;
import io.bcsync.salesforce.streaming.StreamingSupervisor;
import io.bcsync.sim.bigcommerce.BigCommerceSimulator;
import io.bcsync.sim.bigcommerce.SimulatedStore;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.salesforce.SalesforceSimulator;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.FieldType;
import io.bcsync.sim.salesforce.streaming.StoredEvent;
import io.bcsync.testsupport.FreePort;
import io.bcsync.testsupport.SimulatedConnections;
import io.bcsync.testsupport.SimulatedSalesforce;
import io.bcsync.testsupport.SyncedRecords;
import io.bcsync.testsupport.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Salesforce → BigCommerce over both simulators: one configured store whose webhooks come back to
 * the app, a simulated org streamed through the real CometD client by a leader of this test's own,
 * and the counters the tests compare (store writes, Salesforce writes). Subclasses name the store
 * and the change-event channels they need.
 */
abstract class ReverseEndToEndTestBase implements TestPropertyProvider {
  static final Duration WAIT = Duration.ofSeconds(40);
  static final String PRICEBOOK_ENTRY_CHANGES = "/data/PricebookEntryChangeEvent";
  static final String PRODUCT_CHANGES = "/data/Product2ChangeEvent";
  static final String CONTACT_CHANGES = "/data/ContactChangeEvent";
  static final String ACCOUNT_CHANGES = "/data/AccountChangeEvent";
  static final String SYNC_REQUESTS = "/event/BC_Sync_Request__e";
  static final String STATUS_CHANNEL = "/event/BC_Sync_Status__e";

  /** What the price and catalog tests listen to: price book entries and their products. */
  static final List<String> CATALOG_CHANNELS = List.of(PRICEBOOK_ENTRY_CHANGES, PRODUCT_CHANGES);

  static final List<String> SALESFORCE_WRITES =
      List.of("create", "update", "upsert", "delete", "undelete", "merge", "convertLead");

  @Inject StreamingComponents streaming;
  @Inject QueueInspector inspector;
  @Inject MeterRegistry registry;

  BigCommerceSimulator bc;
  SalesforceSimulator sf;
  SimulatedStore store;
  StreamingSupervisor leader;
  SyncedRecords records;

  private final String storeHash;
  private final String webhookSecret;
  private final List<String> channels;

  /**
   * @param channels the change-event channels the leader must have subscribed before a test starts
   */
  ReverseEndToEndTestBase(String storeHash, String webhookSecret, List<String> channels) {
    this.storeHash = storeHash;
    this.webhookSecret = webhookSecret;
    this.channels = List.copyOf(channels);
  }

  final String storeHash() {
    return storeHash;
  }

  final String webhookSecret() {
    return webhookSecret;
  }

  final List<String> channels() {
    return channels;
  }

  @Override
  public Map<String, String> getProperties() {
    String token = "tok-" + storeHash();
    bc =
        BigCommerceSimulator.start(
            BigCommerceSimulator.Options.defaults().allowLocalHttpHookDestinations(true));
    store = bc.createStore(BigCommerceSimulator.StoreSpec.named(storeHash()).accessToken(token));
    sf = SimulatedSalesforce.start(SimulatedSalesforce.sandbox());
    int port = FreePort.find();
    Map<String, String> properties =
        SimulatedConnections.middleware(
            TestDatabases.h2(), bc, sf, port, storeHash(), token, webhookSecret());
    properties.put("bcsync.scheduler.enabled", "false");
    properties.put("bcsync.salesforce.streaming.channels", String.join(",", channels()));
    return properties;
  }

  @BeforeEach
  void subscribe() {
    records = new SyncedRecords(sf, inspector, WAIT);
    leader = streaming.supervisor("test-" + UUID.randomUUID());
    leader.tick();
    assertThat(leader.isLeader()).isTrue();
    await()
        .atMost(WAIT)
        .until(
            () ->
                leader.client() != null
                    && leader.client().subscriptions().keySet().containsAll(channels()));
  }

  @AfterEach
  void unsubscribe() {
    store.clearFaults();
    leader.shutdown();
  }

  @AfterAll
  void stop() {
    bc.close();
    sf.close();
  }

  boolean idle() {
    List<WorkItem> items = inspector.workItems(Optional.empty(), Optional.empty(), 500);
    return items.stream()
        .allMatch(i -> i.status() == WorkItemStatus.DONE || i.status() == WorkItemStatus.SKIPPED);
  }

  List<RequestLog.Entry> storeWrites() {
    return store.requests().stream().filter(e -> !"GET".equals(e.method())).toList();
  }

  long salesforceWrites() {
    return SALESFORCE_WRITES.stream().mapToLong(op -> sf.apiCallCount(op)).sum();
  }

  /**
   * Writes this store's sync-mapping file (docs/sync-mapping.md) to a temporary file and names it
   * in {@code properties}, for the tests whose store maps more than the shipped defaults.
   */
  void useMapping(Map<String, String> properties, String yaml) {
    try {
      Path file = Files.createTempFile("bcsync-" + storeHash() + "-mapping", ".yml");
      file.toFile().deleteOnExit();
      Files.writeString(file, yaml);
      properties.put("bcsync.bigcommerce.stores." + storeHash() + ".sync-mapping", file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds {@code Weight__c} and {@code Material__c} to Product2 and names a mapping file that takes
   * the SKU from {@code StockKeepingUnit}, the weight from {@code Weight__c} and the custom field
   * "Material" from {@code Material__c}, followed by {@code moreYaml} (top-level sections).
   */
  void useCatalogFieldsMapping(Map<String, String> properties, String moreYaml) {
    var product2 = sf.schema().type("Product2").orElseThrow();
    product2.add(new FieldDef("Weight__c", FieldType.DOUBLE).precision(18, 2).custom(true));
    product2.add(new FieldDef("Material__c", FieldType.STRING).length(255).custom(true));
    String mapping =
        """
        catalog:
          sku_field: StockKeepingUnit
          weight_field: Weight__c
          custom_fields:
            Material: Material__c
        """;
    useMapping(properties, mapping + moreYaml);
  }

  /** Every item has ended: done, skipped or dead-lettered. */
  boolean ended() {
    return inspector.workItems(Optional.empty(), Optional.empty(), 500).stream()
        .allMatch(
            i ->
                i.status() == WorkItemStatus.DONE
                    || i.status() == WorkItemStatus.SKIPPED
                    || i.status() == WorkItemStatus.DEAD);
  }

  /**
   * The queue is idle and every webhook the store fired has been handled. A dead-lettered item
   * fails it ({@link SyncedRecords#awaitDone}): see {@link #settleAllowingDeadLetters} for the
   * tests that dead-letter on purpose.
   */
  void settle() {
    records.awaitDone();
    await()
        .atMost(WAIT)
        .until(
            () -> {
              int fired = store.webhookAttempts().size();
              records.awaitDone();
              return fired == store.webhookAttempts().size() && idle();
            });
  }

  /**
   * Every item has ended, dead-lettered ones too, and every webhook the store fired has been
   * handled. {@link #ended} is asked on both sides of the second webhook count, so an item queued
   * while the count was read is waited for as well.
   */
  void settleAllowingDeadLetters() {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              int fired = store.webhookAttempts().size();
              return ended() && fired == store.webhookAttempts().size() && ended();
            });
  }

  /** Intake drops a second webhook with the same data hash in the same second as a redelivery. */
  void nextSecond() {
    long second = bc.clock().instant().getEpochSecond();
    await().atMost(WAIT).until(() -> bc.clock().instant().getEpochSecond() > second);
  }

  /** The Contact the forward sync wrote for the customer, linked by BC_Customer_Id__c. */
  String linkedContact(long customerId) {
    String link = storeHash() + ":" + customerId;
    await()
        .atMost(WAIT)
        .until(
            () ->
                sf.records("Contact").stream()
                    .anyMatch(c -> link.equals(c.get("BC_Customer_Id__c"))));
    return sf.records("Contact").stream()
        .filter(c -> link.equals(c.get("BC_Customer_Id__c")))
        .map(c -> c.get("Id").toString())
        .findFirst()
        .orElseThrow();
  }

  /**
   * A Product2 with the SKU (its name too) and its standard price book entry; answers the entry.
   */
  String pricedEntry(String sku, String price) {
    String product = sf.createAsUser("Product2", Map.of("Name", sku, "ProductCode", sku)).id();
    return entry(sf.standardPricebookId(), product, price);
  }

  /** An active price book entry for the Product2; answers its id. */
  String entry(String pricebookId, String product2Id, String price) {
    return sf.createAsUser(
            "PricebookEntry",
            Map.of(
                "Pricebook2Id",
                pricebookId,
                "Product2Id",
                product2Id,
                "UnitPrice",
                new BigDecimal(price),
                "IsActive",
                true))
        .id();
  }

  /** A store product whose stock BigCommerce tracks (at level 1 to start). */
  long trackedProduct(String name, String sku) {
    return store.createProduct(
        new ObjectMapper()
            .createObjectNode()
            .put("name", name)
            .put("type", "physical")
            .put("sku", sku)
            .put("price", 10)
            .put("weight", 1)
            .put("inventory_tracking", "product")
            .put("inventory_level", 1));
  }

  /** The latest work item for a Salesforce record. */
  Optional<WorkItem> item(String salesforceId) {
    return inspector.workItems(Optional.empty(), Optional.empty(), 500).stream()
        .filter(i -> salesforceId.equals(i.entity().id()))
        .max(Comparator.comparingLong(WorkItem::id));
  }

  /** The latest work item for one of this store's products. */
  WorkItem latestItemOf(long productId) {
    return inspector.workItems(Optional.empty(), Optional.empty(), 500).stream()
        .filter(i -> storeHash().equals(i.entity().storeHash()))
        .filter(i -> "product".equals(i.entity().type()))
        .filter(i -> String.valueOf(productId).equals(i.entity().id()))
        .max(Comparator.comparingLong(WorkItem::id))
        .orElseThrow();
  }

  /** The BC_Sync_Status__e payloads published so far, oldest first, from the org's event bus. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> statusReports() {
    return sf.retainedEvents().stream()
        .filter(e -> e.channels().contains(STATUS_CHANNEL))
        .map(StoredEvent::data)
        .map(data -> (Map<String, Object>) data.get("payload"))
        .toList();
  }

  /** The webhooks of our own store writes dropped as echoes so far. */
  double echoes() {
    return registry.counter("bcsync.sync.echoes", "side", "bigcommerce").count();
  }

  /** The first variant's price; zero while it has none. */
  BigDecimal price(long productId) {
    BigDecimal price = store.read(s -> s.products.get(productId).variants.get(0).price);
    return price == null ? BigDecimal.ZERO : price;
  }

  String productName(long productId) {
    return store.read(s -> s.products.get(productId).name);
  }

  BigDecimal weight(long productId) {
    return store.read(s -> s.products.get(productId).weight);
  }

  /** The value of the product's custom field of that name; null while it has none. */
  String customField(long productId, String name) {
    return store.read(
        s ->
            s.products.get(productId).customFields.stream()
                .filter(f -> name.equals(f.name))
                .map(f -> f.value)
                .findFirst()
                .orElse(null));
  }

  String phone(long customerId) {
    return store.read(s -> s.customers.get(customerId).phone);
  }
}
