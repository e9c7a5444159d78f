package io.bcsync.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.bcsync.pipeline.WorkItemStatus;
import io.bcsync.sim.bigcommerce.faults.Fault;
import io.bcsync.sim.bigcommerce.store.RequestLog;
import io.bcsync.sim.salesforce.schema.FieldDef;
import io.bcsync.sim.salesforce.schema.FieldType;
import io.bcsync.sync.port.CatalogWriter.VariantRef;
import io.bcsync.sync.port.InventoryWriter;
import io.bcsync.sync.port.InventoryWriter.StockAt;
import io.bcsync.sync.port.StoreWriter.WriteFailure;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Inventory per configured location (issue 17) over both simulators: a store whose mapping file
 * sets location 1 from {@code BC_Inventory_Level__c}, its location 2 from {@code
 * Warehouse_Stock__c}, and a location 3 it does not have from {@code Backroom_Stock__c}. Both
 * locations go in one absolute adjustment, a change of one field writes its location only, the
 * hooks our writes fire are dropped as echoes, a lost answer converges, and bad values (negative,
 * fractional, a location the store lacks) are dead-lettered with the reason and nothing written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReverseInventoryEndToEndTest extends ReverseEndToEndTestBase {
  static final String STORE = "revi1";
  static final String SECRET = "revi-webhook-secret-0123456789";
  static final String ADJUSTMENTS = "/v3/inventory/adjustments/absolute";

  @Inject InventoryWriter inventory;

  long warehouse;

  // settleAllowingDeadLetters(): the bad-level test dead-letters on purpose.
  ReverseInventoryEndToEndTest() {
    super(STORE, SECRET, List.of(PRODUCT_CHANGES));
  }

  @Override
  public Map<String, String> getProperties() {
    Map<String, String> properties = super.getProperties();
    var product2 = sf.schema().type("Product2").orElseThrow();
    product2.add(
        new FieldDef("Warehouse_Stock__c", FieldType.DOUBLE).precision(18, 2).custom(true));
    product2.add(new FieldDef("Backroom_Stock__c", FieldType.DOUBLE).precision(18, 2).custom(true));
    warehouse = store.inventory().addLocation("WH-EAST", "East warehouse");
    String mapping =
        """
        inventory:
          locations:
            - {location_id: 1, field: BC_Inventory_Level__c}
            - {location_id: %d, field: Warehouse_Stock__c}
            - {location_id: 3, field: Backroom_Stock__c}
        """
            .formatted(warehouse);
    useMapping(properties, mapping);
    return properties;
  }

  @Test
  void two_locations_from_two_fields_go_in_one_adjustment_and_their_hooks_are_echoes() {
    long kettle = trackedProduct("Kettle", "INV-1");
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();
    long salesforceBefore = salesforceWrites();
    double echoesBefore = echoes();

    sf.createAsUser(
        "Product2",
        Map.of(
            "Name",
            "Kettle",
            "ProductCode",
            "INV-1",
            "IsActive",
            true,
            "BC_Inventory_Level__c",
            5,
            "Warehouse_Stock__c",
            8));

    await().atMost(WAIT).until(() -> stockAt(kettle, 1) == 5 && stockAt(kettle, warehouse) == 8);
    settleAllowingDeadLetters();
    List<RequestLog.Entry> adjustments = adjustmentsSince(writesBefore);
    assertThat(adjustments).as("one call carries both locations").hasSize(1);
    assertThat(locationsOf(adjustments.get(0))).containsExactlyInAnyOrder(1L, warehouse);
    assertThat(catalogLevel(kettle)).as("the catalog reports the default location").isEqualTo(5);
    assertThat(salesforceWrites()).isEqualTo(salesforceBefore);
    assertThat(echoes()).isGreaterThan(echoesBefore);
    assertThat(latestItemOf(kettle).status()).isEqualTo(WorkItemStatus.SKIPPED);
    assertThat(latestItemOf(kettle).lastError()).contains("echo");
  }

  @Test
  void a_change_of_one_field_writes_its_location_only() {
    long lamp = trackedProduct("Lamp", "INV-2");
    String product2 =
        sf.createAsUser(
                "Product2",
                Map.of(
                    "Name",
                    "Lamp",
                    "ProductCode",
                    "INV-2",
                    "IsActive",
                    true,
                    "BC_Inventory_Level__c",
                    2,
                    "Warehouse_Stock__c",
                    3))
            .id();
    await().atMost(WAIT).until(() -> stockAt(lamp, warehouse) == 3);
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();
    double echoesBefore = echoes();

    sf.updateAsUser(product2, Map.of("Warehouse_Stock__c", 30));

    await().atMost(WAIT).until(() -> stockAt(lamp, warehouse) == 30);
    settleAllowingDeadLetters();
    List<RequestLog.Entry> writes = storeWrites().subList(writesBefore, storeWrites().size());
    assertThat(writes).extracting(RequestLog.Entry::path).containsExactly(ADJUSTMENTS);
    assertThat(locationsOf(writes.get(0))).containsExactly(warehouse);
    assertThat(stockAt(lamp, 1)).as("the other location is left as it is").isEqualTo(2);
    assertThat(echoes())
        .as("the hook of a write at location " + warehouse + " is recognised as our echo")
        .isGreaterThan(echoesBefore);
  }

  @Test
  void a_level_whose_answer_was_lost_converges_on_the_retry() {
    long bowl = trackedProduct("Bowl", "INV-3");
    String product2 =
        sf.createAsUser(
                "Product2", Map.of("Name", "Bowl", "ProductCode", "INV-3", "IsActive", true))
            .id();
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();
    store.injectFault(Fault.loseResponse(1).on("PUT", ADJUSTMENTS));

    sf.updateAsUser(product2, Map.of("BC_Inventory_Level__c", 4, "Warehouse_Stock__c", 6));

    await().atMost(WAIT).until(() -> adjustmentsSince(writesBefore).size() >= 2);
    settleAllowingDeadLetters();
    assertThat(adjustmentsSince(writesBefore))
        .as("the lost write, then its retry with the same absolute levels")
        .extracting(RequestLog.Entry::status)
        .containsExactly(504, 200);
    assertThat(stockAt(bowl, 1)).isEqualTo(4);
    assertThat(stockAt(bowl, warehouse)).isEqualTo(6);
  }

  @Test
  void bad_levels_and_a_location_the_store_lacks_are_dead_lettered_and_nothing_is_written() {
    long jug = trackedProduct("Jug", "INV-4");
    settleAllowingDeadLetters();
    int writesBefore = storeWrites().size();

    String negative =
        sf.createAsUser(
                "Product2",
                Map.of(
                    "Name",
                    "Jug",
                    "ProductCode",
                    "INV-4",
                    "BC_Inventory_Level__c",
                    2,
                    "Warehouse_Stock__c",
                    -1))
            .id();
    String fractional =
        sf.createAsUser(
                "Product2",
                Map.of("Name", "Jug", "ProductCode", "INV-4", "Warehouse_Stock__c", 2.5))
            .id();
    String backroom =
        sf.createAsUser(
                "Product2",
                Map.of(
                    "Name",
                    "Jug",
                    "ProductCode",
                    "INV-4",
                    "BC_Inventory_Level__c",
                    7,
                    "Backroom_Stock__c",
                    9))
            .id();

    await().atMost(WAIT).until(() -> dead(negative) && dead(fractional) && dead(backroom));
    settleAllowingDeadLetters();
    assertThat(item(negative).orElseThrow().lastError())
        .contains("Warehouse_Stock__c")
        .contains("(-1");
    assertThat(item(fractional).orElseThrow().lastError())
        .contains("Warehouse_Stock__c")
        .contains("2.5");
    assertThat(item(backroom).orElseThrow().lastError())
        .contains("no inventory location [3]")
        .contains(STORE);
    assertThat(storeWrites().subList(writesBefore, storeWrites().size()))
        .as("nothing of any of them was sent, not even the valid level or the name")
        .isEmpty();
    assertThat(stockAt(jug, 1)).isEqualTo(1);
  }

  @Test
  void a_refused_location_fails_its_variant_whole_and_the_other_variants_are_written() {
    long plate = trackedProduct("Plate", "INV-5");
    long cup = trackedProduct("Cup", "INV-6");
    VariantRef plateRef = new VariantRef(plate, baseVariant(plate));
    VariantRef cupRef = new VariantRef(cup, baseVariant(cup));
    Map<StockAt, Integer> levels = new LinkedHashMap<>();
    levels.put(new StockAt(plateRef, 1), 3);
    levels.put(new StockAt(plateRef, 77), 4); // a location the store does not have
    levels.put(new StockAt(cupRef, 1), 5);
    levels.put(new StockAt(cupRef, warehouse), 6);

    Map<StockAt, WriteFailure> failed = inventory.setStock(STORE, levels);

    assertThat(failed)
        .as("the plate's two locations fail together")
        .containsOnlyKeys(new StockAt(plateRef, 1), new StockAt(plateRef, 77));
    assertThat(failed.values()).allSatisfy(f -> assertThat(f.retryable()).isFalse());
    assertThat(failed.get(new StockAt(plateRef, 77)).message()).contains("Location 77");
    assertThat(stockAt(plate, 1)).as("not written at its valid location either").isEqualTo(1);
    assertThat(stockAt(cup, 1)).isEqualTo(5);
    assertThat(stockAt(cup, warehouse)).isEqualTo(6);
    settleAllowingDeadLetters();
  }

  private long baseVariant(long productId) {
    return store.read(s -> s.products.get(productId).baseVariant().id);
  }

  private int stockAt(long productId, long location) {
    return store.inventory().stockAt(productId, baseVariant(productId), location);
  }

  private int catalogLevel(long productId) {
    return store.read(s -> s.products.get(productId).inventoryLevel);
  }

  private List<RequestLog.Entry> adjustmentsSince(int writesBefore) {
    return storeWrites().subList(writesBefore, storeWrites().size()).stream()
        .filter(e -> e.path().endsWith(ADJUSTMENTS))
        .toList();
  }

  private static List<Long> locationsOf(RequestLog.Entry adjustment) {
    return adjustment.body().path("items").findValues("location_id").stream()
        .map(JsonNode::asLong)
        .toList();
  }

  private boolean dead(String salesforceId) {
    return item(salesforceId).map(i -> i.status() == WorkItemStatus.DEAD).orElse(false);
  }
}
